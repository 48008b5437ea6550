using System.Globalization;
using CustomerCare.Feedback.Surveys;

namespace CustomerCare.Hosting.Jobs;

/// <summary>Claims due surveys batch by batch through <see cref="SurveyService.SendDueAsync"/> and hands each invitation to the senders.</summary>
internal sealed class SurveyJob(SurveyService surveys, SurveyOptions options, IEnumerable<ISurveyInvitationSender> senders) : IHostedJob
{
    private readonly ISurveyInvitationSender[] _senders = [.. senders];

    public string Name => HostedJobNames.Surveys;

    public async ValueTask<string?> RunAsync(JobContext context, CancellationToken cancellationToken = default)
    {
        int invited = 0, skipped = 0;
        SurveySendResult batch;
        do
        {
            batch = await surveys.SendDueAsync(context.StartedAt, cancellationToken).ConfigureAwait(false);
            foreach (var invitation in batch.Invitations)
            {
                foreach (var sender in _senders)
                {
                    // The batch is claimed: its invitations go out even when the host is stopping, or they would be lost.
                    await sender.SendAsync(invitation, CancellationToken.None).ConfigureAwait(false);
                }
            }

            invited += batch.Invitations.Count;
            skipped += batch.Skipped.Count;
        }
        while (batch.Claimed >= options.SendBatchSize && await context.RenewLeaseAsync(cancellationToken).ConfigureAwait(false));

        return string.Create(CultureInfo.InvariantCulture, $"{invited} invitations sent, {skipped} skipped");
    }
}
