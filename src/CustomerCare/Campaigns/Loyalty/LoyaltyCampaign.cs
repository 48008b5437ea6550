using System.Globalization;
using CustomerCare.Coupons.Codes;
using CustomerCare.Segments;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Campaigns.Loyalty;

/// <summary>
/// Rewards the members of a segment (seed 001: promotions for regular customers) with a coupon once per
/// <see cref="LoyaltyCampaignOptions.Every"/> period, the period read in each customer's own zone.
/// </summary>
/// <remarks>
/// Membership is evaluated at each run, so a customer who joins the segment mid-quarter is rewarded at the next run,
/// and one who left it is not. It is read through <see cref="SegmentService.MembersAtAsync"/>, so a store that
/// translates the rule reads only the members. The ledger key (campaign, customer, period) makes runs idempotent.
/// Thread-safe.
/// </remarks>
public sealed class LoyaltyCampaign : ICampaign
{
    private readonly SegmentService _segments;
    private readonly LoyaltyCampaignOptions _options;
    private readonly CampaignIssuer _issuer;
    private readonly Segment _segment;

    /// <summary>Creates the campaign.</summary>
    /// <param name="segments">The segment service, which knows the segment.</param>
    /// <param name="ledger">The campaign ledger.</param>
    /// <param name="codes">The code generator.</param>
    /// <param name="options">The settings.</param>
    /// <param name="observers">Told of every coupon given, such as the notifications that send it; none by default.</param>
    /// <exception cref="FieldValidationException">A setting is out of range, or the segment is not in the catalog.</exception>
    public LoyaltyCampaign(SegmentService segments, ICampaignLedger ledger, CouponCodeGenerator codes, LoyaltyCampaignOptions options, IEnumerable<ICampaignObserver>? observers = null)
    {
        _segments = segments ?? throw new ArgumentNullException(nameof(segments));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _options.Validate();
        _issuer = new CampaignIssuer(ledger, codes, new CouponCodePattern(_options.CodePrefix), _options.CampaignId, _options.Notification, observers);
        _segment = segments.Segments.FirstOrDefault(s => string.Equals(s.Name, options.Segment, StringComparison.Ordinal))
            ?? throw FieldValidationException.For(nameof(options.Segment), options.Segment, FieldErrorCodes.Unknown,
                $"is not a segment; known segments: {string.Join(", ", segments.Segments.Select(s => s.Name))}");
    }

    /// <summary>The campaign identifier.</summary>
    public string Id => _options.CampaignId;

    /// <summary>The ledger period an instant falls in, in a zone.</summary>
    /// <param name="every">The period length.</param>
    /// <param name="now">The instant.</param>
    /// <param name="zone">The customer's zone.</param>
    /// <returns>The period, such as <c>2027-03</c>, <c>2027-Q1</c> or <c>2027</c>.</returns>
    public static string PeriodOf(LoyaltyPeriod every, Instant now, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var date = now.InZone(zone).Date;
        return every switch
        {
            LoyaltyPeriod.Month => string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}-{date.Month:D2}"),
            LoyaltyPeriod.Quarter => string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}-Q{((date.Month - 1) / 3) + 1}"),
            LoyaltyPeriod.Year => date.Year.ToString("D4", CultureInfo.InvariantCulture),
            _ => throw new ArgumentOutOfRangeException(nameof(every), every, "Not a loyalty period."),
        };
    }

    /// <summary>Issues the coupon to every member who has not had it this period.</summary>
    /// <param name="now">The instant of the run.</param>
    /// <param name="cancellationToken">Cancels the run; what was issued stays issued.</param>
    /// <returns>What the run did.</returns>
    public async ValueTask<CampaignRunResult> RunDueAsync(Instant now, CancellationToken cancellationToken = default)
    {
        var tally = new CampaignTally(Id, now);
        await foreach (var customer in _segments.MembersAtAsync(_segment, now, cancellationToken).ConfigureAwait(false))
        {
            tally.Considered++;
            if (!_options.ConsentAdmits(customer))
            {
                continue;
            }

            var grant = await _issuer.IssueAsync(
                _options.CouponDefinitionId, customer.Id, PeriodOf(_options.Every, now, customer.TimeZone), now, now, now + _options.ValidFor, cancellationToken).ConfigureAwait(false);
            tally.Add(grant);
        }

        return tally.ToResult();
    }
}
