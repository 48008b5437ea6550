using System.Globalization;
using CustomerCare.Notifications;

namespace CustomerCare.Hosting.Jobs;

/// <summary>Drains what is due in the outbox through <see cref="OutboxDispatcher"/>, batch after batch.</summary>
/// <remarks>
/// Stops when a batch claims nothing, or only messages that failed for now (their retry is later). A message claimed
/// when the host stops is left to its outbox lease: another dispatcher reclaims it once the lease ends.
/// </remarks>
internal sealed class OutboxJob(OutboxDispatcher dispatcher) : IHostedJob
{
    public string Name => HostedJobNames.Outbox;

    public async ValueTask<string?> RunAsync(JobContext context, CancellationToken cancellationToken = default)
    {
        int sent = 0, retrying = 0, failed = 0, dead = 0, lost = 0;
        DispatchResult batch;
        do
        {
            batch = await dispatcher.DispatchDueAsync(cancellationToken).ConfigureAwait(false);
            sent += batch.Sent;
            retrying += batch.Retrying;
            failed += batch.Failed;
            dead += batch.DeadLettered;
            lost += batch.Lost;
        }
        while (batch.Claimed > batch.Retrying && await context.RenewLeaseAsync(cancellationToken).ConfigureAwait(false));

        return string.Create(CultureInfo.InvariantCulture, $"{sent} sent, {retrying} retrying, {failed} failed, {dead} dead-lettered, {lost} lost");
    }
}
