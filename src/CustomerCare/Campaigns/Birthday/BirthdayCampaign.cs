using System.Globalization;
using CustomerCare.Coupons.Codes;
using CustomerCare.Customers;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Campaigns.Birthday;

/// <summary>
/// Gives every customer a coupon on their own birthday, in their own time zone, once per birthday-year: the ledger key
/// is (campaign, customer, year), written together with the coupon, so runs are idempotent, resumable after a crash,
/// and catch up on days missed during downtime.
/// </summary>
/// <remarks>See <see cref="BirthdaySchedule"/> for the date rules. Thread-safe; concurrent runs never double-issue.</remarks>
public sealed class BirthdayCampaign : ICampaign
{
    private readonly ICustomerStore _customers;
    private readonly BirthdayCampaignOptions _options;
    private readonly CampaignIssuer _issuer;

    /// <summary>Creates the campaign.</summary>
    /// <param name="customers">The customer store.</param>
    /// <param name="ledger">The campaign ledger (over the coupon store).</param>
    /// <param name="codes">The code generator.</param>
    /// <param name="options">The settings.</param>
    /// <exception cref="FieldValidationException">A setting is out of range.</exception>
    /// <param name="pattern">The code pattern; by default the standard one with <see cref="CampaignOptions.CodePrefix"/>.</param>
    /// <param name="observers">Told of every coupon given, such as the notifications that send it; none by default.</param>
    public BirthdayCampaign(ICustomerStore customers, ICampaignLedger ledger, CouponCodeGenerator codes, BirthdayCampaignOptions options, CouponCodePattern? pattern = null, IEnumerable<ICampaignObserver>? observers = null)
    {
        _customers = customers ?? throw new ArgumentNullException(nameof(customers));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _options.Validate();
        _issuer = new CampaignIssuer(ledger, codes, pattern ?? new CouponCodePattern(_options.CodePrefix), _options.CampaignId, _options.Notification, observers);
    }

    /// <summary>The campaign identifier.</summary>
    public string Id => _options.CampaignId;

    /// <summary>Issues every birthday coupon due at an instant.</summary>
    /// <param name="now">The instant of the run.</param>
    /// <param name="cancellationToken">Cancels the run; what was issued before stays issued, and the next run continues.</param>
    /// <returns>What the run did.</returns>
    public async ValueTask<CampaignRunResult> RunDueAsync(Instant now, CancellationToken cancellationToken = default)
    {
        var schedule = new BirthdaySchedule(_options, now);
        var tally = new CampaignTally(Id, now);
        // Only the birthdays that can be due in some zone are read: a store with an index on (month, day) reads a few days'
        // worth of customers, not all of them.
        await foreach (var customer in _customers.StreamAsync(new BirthdaySpecification(schedule.CandidateDates()), cancellationToken).ConfigureAwait(false))
        {
            tally.Considered++;
            if (!schedule.IsDue(customer, out var year, out var issueAt))
            {
                continue;
            }

            var period = year.ToString(CultureInfo.InvariantCulture);
            var grant = await _issuer.IssueAsync(
                _options.CouponDefinitionId, customer.Id, period, now, issueAt, issueAt + _options.ValidFor, cancellationToken).ConfigureAwait(false);
            tally.Add(grant);
        }

        return tally.ToResult();
    }
}
