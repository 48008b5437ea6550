using CustomerCare.Campaigns;
using CustomerCare.Coupons;
using CustomerCare.Customers;

namespace CustomerCare.Storage;

/// <summary>
/// The campaign ledger: which customer got which campaign's benefit for which period. A storage plugin implements it
/// over the same storage as its <see cref="ICouponStore"/>, because a grant and its coupon are written together.
/// </summary>
/// <remarks>
/// <para><b>Atomicity.</b> <see cref="GrantAsync"/> writes the grant and its coupon in one step, guarded by a unique key on
/// (campaign, customer, period) and on the code: a crash leaves either both or neither, and two runs racing for the
/// same customer give exactly one grant. This is what makes "run it twice, or crash and run again" give nobody a
/// second coupon and miss nobody.</para>
/// <para><b>Thread safety.</b> Every member may be called concurrently, from several processes for a shared database.</para>
/// </remarks>
public interface ICampaignLedger
{
    /// <summary>Records a grant and writes its coupon, unless the customer already has a grant for the period.</summary>
    /// <param name="grant">The grant; its code is the coupon's.</param>
    /// <param name="coupon">The coupon to issue; its definition must exist.</param>
    /// <param name="cancellationToken">Cancels the write; nothing is written then.</param>
    /// <returns>Granted, already granted, or the code was taken.</returns>
    /// <exception cref="ArgumentException">The grant's code differs from the coupon's, or the definition does not exist.</exception>
    ValueTask<GrantOutcome> GrantAsync(CampaignGrant grant, Coupon coupon, CancellationToken cancellationToken = default);

    /// <summary>Finds a grant.</summary>
    /// <param name="campaignId">The campaign.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="period">The period.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The grant, or <see langword="null"/>.</returns>
    ValueTask<CampaignGrant?> FindGrantAsync(string campaignId, CustomerId customerId, string period, CancellationToken cancellationToken = default);

    /// <summary>Every grant of a campaign, ordered by customer then period.</summary>
    /// <param name="campaignId">The campaign.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The grants.</returns>
    ValueTask<IReadOnlyList<CampaignGrant>> GrantsAsync(string campaignId, CancellationToken cancellationToken = default);
}
