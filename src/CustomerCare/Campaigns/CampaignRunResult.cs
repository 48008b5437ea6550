using NodaTime;

namespace CustomerCare.Campaigns;

/// <summary>What one campaign run did.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="RanAt">The instant of the run.</param>
/// <param name="Issued">Coupons issued by this run.</param>
/// <param name="AlreadyGranted">Due customers who already had their coupon for the period (an earlier or concurrent run).</param>
/// <param name="Considered">Customers looked at.</param>
public sealed record CampaignRunResult(string CampaignId, Instant RanAt, IReadOnlyList<CampaignGrant> Issued, int AlreadyGranted, int Considered);
