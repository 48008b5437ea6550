using System.Globalization;
using CustomerCare.Campaigns;

namespace CustomerCare.Hosting.Jobs;

/// <summary>Runs every registered campaign through <see cref="CampaignScheduler"/>; each catches up within its own window.</summary>
internal sealed class CampaignJob(CampaignScheduler campaigns) : IHostedJob
{
    public string Name => HostedJobNames.Campaigns;

    public async ValueTask<string?> RunAsync(JobContext context, CancellationToken cancellationToken = default)
    {
        var results = await campaigns.RunDueAsync(context.StartedAt, cancellationToken).ConfigureAwait(false);
        return string.Create(CultureInfo.InvariantCulture, $"{results.Count} campaigns, {results.Sum(r => r.Issued.Count)} coupons issued");
    }
}
