using CustomerCare.Coupons.Codes;
using CustomerCare.Customers;
using NodaTime;

namespace CustomerCare.Campaigns;

/// <summary>
/// The record that a campaign gave a customer its benefit for a period (a birthday-year, a month, an order): the key
/// (campaign, customer, period) is unique, which makes campaign runs idempotent and resumable.
/// </summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Period">The period, such as <c>2027</c> for a birthday-year.</param>
/// <param name="GrantedAt">When it was granted.</param>
/// <param name="Code">The coupon code issued with it.</param>
public sealed record CampaignGrant(string CampaignId, CustomerId CustomerId, string Period, Instant GrantedAt, CouponCode Code);

/// <summary>What recording a grant did.</summary>
public enum GrantOutcome
{
    /// <summary>The grant and its coupon were written.</summary>
    Granted = 0,

    /// <summary>The customer already had a grant for this campaign and period; nothing was written.</summary>
    AlreadyGranted,

    /// <summary>The coupon's code already exists; nothing was written, draw another code.</summary>
    CodeTaken,
}
