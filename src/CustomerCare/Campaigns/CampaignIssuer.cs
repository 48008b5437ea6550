using CustomerCare.Coupons;
using CustomerCare.Coupons.Codes;
using CustomerCare.Customers;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Campaigns;

/// <summary>Issues one campaign coupon through the ledger, drawing a new code when the drawn one is already taken.</summary>
internal static class CampaignIssuer
{
    private const int CodeAttempts = 5;

    /// <summary>Grants a personal single-use coupon valid over a window; <see langword="null"/> when the customer already had this period's.</summary>
    public static async ValueTask<CampaignGrant?> IssueAsync(
        ICampaignLedger ledger,
        CouponCodeGenerator codes,
        CouponCodePattern pattern,
        string campaignId,
        string definitionId,
        CustomerId customer,
        string period,
        Instant now,
        Instant validFrom,
        Instant validUntil,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < CodeAttempts; attempt++)
        {
            var code = codes.Generate(pattern);
            var coupon = new Coupon(code, definitionId, now) { AssignedTo = customer, MaxRedemptions = 1, ValidFrom = validFrom, ValidUntil = validUntil };
            var grant = new CampaignGrant(campaignId, customer, period, now, code);
            switch (await ledger.GrantAsync(grant, coupon, cancellationToken).ConfigureAwait(false))
            {
                case GrantOutcome.Granted:
                    return grant;
                case GrantOutcome.AlreadyGranted:
                    return null;
            }
        }

        throw new InvalidOperationException($"Campaign '{campaignId}' could not find a free code for pattern {pattern} after {CodeAttempts} attempts; the code space is too small.");
    }
}
