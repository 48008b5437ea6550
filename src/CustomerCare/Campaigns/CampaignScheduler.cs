using CustomerCare.Diagnostics;
using NodaTime;

namespace CustomerCare.Campaigns;

/// <summary>Runs every registered <see cref="ICampaign"/> that is due; call it from a daily or hourly job.</summary>
/// <remarks>
/// Each campaign catches up on what it missed within its own window, so a scheduler that was down for a few days
/// only needs to run again. Campaigns run one after another; a failing campaign stops the run, and the next run
/// resumes it without giving anybody a coupon twice. Thread-safe.
/// </remarks>
public sealed class CampaignScheduler
{
    private readonly ICampaign[] _campaigns;

    /// <summary>Creates the scheduler.</summary>
    /// <param name="campaigns">The campaigns, in the order they run.</param>
    public CampaignScheduler(IEnumerable<ICampaign> campaigns)
    {
        ArgumentNullException.ThrowIfNull(campaigns);
        _campaigns = [.. campaigns];
    }

    /// <summary>The campaigns, in the order they run.</summary>
    public IReadOnlyList<ICampaign> Campaigns => _campaigns;

    /// <summary>Runs every campaign at an instant.</summary>
    /// <param name="now">The instant of the run.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>One result per campaign.</returns>
    public async ValueTask<IReadOnlyList<CampaignRunResult>> RunDueAsync(Instant now, CancellationToken cancellationToken = default)
    {
        using var activity = CustomerCareTelemetry.ActivitySource.StartActivity("customercare.campaigns.run");
        var results = new List<CampaignRunResult>(_campaigns.Length);
        foreach (var campaign in _campaigns)
        {
            results.Add(await campaign.RunDueAsync(now, cancellationToken).ConfigureAwait(false));
        }

        activity?.SetTag("customercare.coupons.issued", results.Sum(r => r.Issued.Count));
        return results;
    }
}
