using CustomerCare.Coupons;
using CustomerCare.Coupons.Codes;
using CustomerCare.Customers;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Campaigns;

/// <summary>Issues one campaign's coupons through the ledger, drawing a new code when the drawn one is already taken.</summary>
internal sealed class CampaignIssuer
{
    private const int CodeAttempts = 5;
    private readonly ICampaignLedger _ledger;
    private readonly CouponCodeGenerator _codes;
    private readonly CouponCodePattern _pattern;
    private readonly string _campaignId;

    /// <summary>Creates the issuer of one campaign.</summary>
    public CampaignIssuer(ICampaignLedger ledger, CouponCodeGenerator codes, CouponCodePattern pattern, string campaignId)
    {
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _codes = codes ?? throw new ArgumentNullException(nameof(codes));
        _pattern = pattern ?? throw new ArgumentNullException(nameof(pattern));
        _campaignId = campaignId;
    }

    /// <summary>Grants a personal single-use coupon valid over a window; <see langword="null"/> when the customer already had this period's.</summary>
    public async ValueTask<CampaignGrant?> IssueAsync(
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
            var code = _codes.Generate(_pattern);
            var coupon = new Coupon(code, definitionId, now) { AssignedTo = customer, MaxRedemptions = 1, ValidFrom = validFrom, ValidUntil = validUntil };
            var grant = new CampaignGrant(_campaignId, customer, period, now, code);
            switch (await _ledger.GrantAsync(grant, coupon, cancellationToken).ConfigureAwait(false))
            {
                case GrantOutcome.Granted:
                    return grant;
                case GrantOutcome.AlreadyGranted:
                    return null;
            }
        }

        throw new InvalidOperationException($"Campaign '{_campaignId}' could not find a free code for pattern {_pattern} after {CodeAttempts} attempts; the code space is too small.");
    }
}
