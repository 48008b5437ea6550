using NodaTime;

namespace CustomerCare.Campaigns;

/// <summary>A campaign the <see cref="CampaignScheduler"/> runs: it issues whatever is due at an instant, idempotently.</summary>
/// <remarks>Implementations record every grant in <see cref="Storage.ICampaignLedger"/>, so running twice or after a crash gives nobody a second coupon.</remarks>
public interface ICampaign
{
    /// <summary>The campaign identifier.</summary>
    string Id { get; }

    /// <summary>Issues everything due at an instant.</summary>
    /// <param name="now">The instant of the run.</param>
    /// <param name="cancellationToken">Cancels the run; what was issued stays issued.</param>
    /// <returns>What the run did.</returns>
    ValueTask<CampaignRunResult> RunDueAsync(Instant now, CancellationToken cancellationToken = default);
}
