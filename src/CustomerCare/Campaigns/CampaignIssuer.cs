using CustomerCare.Coupons;
using CustomerCare.Coupons.Codes;
using CustomerCare.Customers;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Campaigns;

/// <summary>
/// Issues one campaign's coupons through the ledger, drawing a new code when the drawn one is already taken. A grant
/// this process has seen stored and heard by every observer is skipped on later runs without a ledger question: the
/// nightly campaigns meet the same customers again for days (a birthday's catch-up, a first purchase's window, a
/// loyalty quarter).
/// </summary>
internal sealed class CampaignIssuer
{
    private const int CodeAttempts = 5;
    private readonly ICampaignLedger _ledger;
    private readonly CouponCodeGenerator _codes;
    private readonly CouponCodePattern _pattern;
    private readonly string _campaignId;
    private readonly Templates.TemplateKind? _template;
    private readonly ICampaignObserver[] _observers;
    private readonly SettledGrants _settled = new();

    /// <summary>Creates the issuer of one campaign, with the message its grants ask for and who hears of them.</summary>
    public CampaignIssuer(
        ICampaignLedger ledger,
        CouponCodeGenerator codes,
        CouponCodePattern pattern,
        string campaignId,
        Templates.TemplateKind? template = null,
        IEnumerable<ICampaignObserver>? observers = null)
    {
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _codes = codes ?? throw new ArgumentNullException(nameof(codes));
        _pattern = pattern ?? throw new ArgumentNullException(nameof(pattern));
        _campaignId = campaignId;
        _template = template;
        _observers = observers?.ToArray() ?? [];
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
        if (_settled.Contains(customer, period))
        {
            return null;
        }

        for (var attempt = 0; attempt < CodeAttempts; attempt++)
        {
            var code = _codes.Generate(_pattern);
            var coupon = new Coupon(code, definitionId, now) { AssignedTo = customer, MaxRedemptions = 1, ValidFrom = validFrom, ValidUntil = validUntil };
            var grant = new CampaignGrant(_campaignId, customer, period, now, code);
            switch (await _ledger.GrantAsync(grant, coupon, cancellationToken).ConfigureAwait(false))
            {
                case GrantOutcome.Granted:
                    await NotifyAsync(grant, isNew: true, cancellationToken).ConfigureAwait(false);
                    _settled.Add(customer, period);
                    return grant;
                case GrantOutcome.AlreadyGranted:
                    // Heard again, so an observer that failed after the grant was stored is not left behind for good.
                    if (_observers.Length > 0 && await _ledger.FindGrantAsync(_campaignId, customer, period, cancellationToken).ConfigureAwait(false) is { } earlier)
                    {
                        await NotifyAsync(earlier, isNew: false, cancellationToken).ConfigureAwait(false);
                    }

                    _settled.Add(customer, period);
                    return null;
            }
        }

        throw new InvalidOperationException($"Campaign '{_campaignId}' could not find a free code for pattern {_pattern} after {CodeAttempts} attempts; the code space is too small.");
    }

    private async ValueTask NotifyAsync(CampaignGrant grant, bool isNew, CancellationToken cancellationToken)
    {
        var notice = new CampaignGrantNotice(grant, _template, isNew);
        foreach (var observer in _observers)
        {
            await observer.OnGrantedAsync(notice, cancellationToken).ConfigureAwait(false);
        }
    }
}
