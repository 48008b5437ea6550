using CustomerCare.Coupons.Codes;
using CustomerCare.Customers;
using CustomerCare.Segments;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Campaigns.WinBack;

/// <summary>
/// Wins back customers who stopped buying: a coupon once they have gone <see cref="WinBackCampaignOptions.InactiveDays"/>
/// days without an order, never while a complaint of theirs is open.
/// </summary>
/// <remarks>
/// The ledger period is the date of the last order, so a customer gets one win-back coupon per lapse: buying again and
/// lapsing again earns another. Runs are idempotent and resumable through <see cref="ICampaignLedger"/>. Thread-safe.
/// </remarks>
public sealed class WinBackCampaign : ICampaign
{
    private readonly ICustomerStore _customers;
    private readonly IServiceHistoryProvider _history;
    private readonly WinBackCampaignOptions _options;
    private readonly CampaignIssuer _issuer;

    /// <summary>Creates the campaign.</summary>
    /// <param name="customers">The customer store.</param>
    /// <param name="ledger">The campaign ledger.</param>
    /// <param name="history">Service history, to hold the coupon back while a complaint is open.</param>
    /// <param name="codes">The code generator.</param>
    /// <param name="options">The settings.</param>
    /// <param name="observers">Told of every coupon given, such as the notifications that send it; none by default.</param>
    /// <exception cref="FieldValidationException">A setting is out of range.</exception>
    public WinBackCampaign(ICustomerStore customers, ICampaignLedger ledger, IServiceHistoryProvider history, CouponCodeGenerator codes, WinBackCampaignOptions options, IEnumerable<ICampaignObserver>? observers = null)
    {
        _customers = customers ?? throw new ArgumentNullException(nameof(customers));
        _history = history ?? throw new ArgumentNullException(nameof(history));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _options.Validate();
        _issuer = new CampaignIssuer(ledger, codes, new CouponCodePattern(_options.CodePrefix), _options.CampaignId, _options.Notification, observers);
    }

    /// <summary>The campaign identifier.</summary>
    public string Id => _options.CampaignId;

    /// <summary>Issues every win-back coupon due at an instant.</summary>
    /// <param name="now">The instant of the run.</param>
    /// <param name="cancellationToken">Cancels the run; what was issued stays issued.</param>
    /// <returns>What the run did.</returns>
    public async ValueTask<CampaignRunResult> RunDueAsync(Instant now, CancellationToken cancellationToken = default)
    {
        var lapsed = new List<(Customer Customer, LocalDate LastOrder)>();
        var tally = new CampaignTally(Id, now);
        // A customer's local dates are InactiveDays apart only if the instants are more than InactiveDays - 2 days apart
        // (a day for the time of day, one for a change of offset), so the store is asked for no fewer than are due.
        var candidates = new LastOrderUntilSpecification(now - Duration.FromDays(_options.InactiveDays - 2));
        await foreach (var customer in _customers.StreamAsync(candidates, cancellationToken).ConfigureAwait(false))
        {
            tally.Considered++;
            if (customer.Stats.LastOrderAt is not { } last || !_options.ConsentAdmits(customer))
            {
                continue;
            }

            var lastOrder = last.InZone(customer.TimeZone).Date;
            if (Period.DaysBetween(lastOrder, now.InZone(customer.TimeZone).Date) >= _options.InactiveDays)
            {
                lapsed.Add((customer, lastOrder));
            }
        }

        var history = await _history.GetAsync([.. lapsed.Select(l => l.Customer.Id)], cancellationToken).ConfigureAwait(false);
        foreach (var (customer, lastOrder) in lapsed.Where(l => history.GetValueOrDefault(l.Customer.Id)?.OpenComplaints is not > 0))
        {
            var grant = await _issuer.IssueAsync(
                _options.CouponDefinitionId, customer.Id, LocalDatePattern.Iso.Format(lastOrder), now, now, now + _options.ValidFor, cancellationToken).ConfigureAwait(false);
            tally.Add(grant);
        }

        return tally.ToResult();
    }
}
