using CustomerCare.Customers;
using NodaTime;

namespace CustomerCare.Campaigns.Birthday;

/// <summary>
/// Decides whose birthday coupon is due at an instant. "Today" is computed once per time zone, not per customer, so
/// selecting over a million customers is a lookup per customer.
/// </summary>
/// <remarks>
/// <para>
/// A birthday's issue instant in year Y is the configured local time on the birthday's date in Y, in the customer's
/// zone, mapped leniently: a local time the zone skipped (São Paulo's midnight on DST day) moves forward by the gap,
/// and on a day the zone skipped entirely (Pacific/Apia 2011-12-30) the coupon comes on the next existing date. It is
/// due from that instant until <see cref="BirthdayCampaignOptions.CatchUp"/> later, so a run after downtime still
/// issues it. 29 February falls on 28 February or 1 March in other years (<see cref="Feb29Policy"/>).
/// </para>
/// <para>Instances are cheap and not thread-safe; make one per run.</para>
/// </remarks>
public sealed class BirthdaySchedule
{
    private readonly BirthdayCampaignOptions _options;
    private readonly Instant _now;
    // Zones from one provider are shared instances, so reference equality is both right and the cheapest lookup.
    private readonly Dictionary<DateTimeZone, DueDate[]> _byZone = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates the schedule for one instant.</summary>
    /// <param name="options">The campaign settings.</param>
    /// <param name="now">The instant of the run.</param>
    public BirthdaySchedule(BirthdayCampaignOptions options, Instant now)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _now = now;
    }

    /// <summary>The date a birthday falls on in a year, under the Feb 29 policy.</summary>
    /// <param name="birthday">The birthday.</param>
    /// <param name="year">The year.</param>
    /// <param name="policy">The Feb 29 policy.</param>
    /// <returns>The date.</returns>
    public static LocalDate DateIn(AnnualDate birthday, int year, Feb29Policy policy) =>
        !birthday.IsValidYear(year) && policy == Feb29Policy.March1 ? new LocalDate(year, 3, 1) : birthday.InYear(year);

    /// <summary>The instant a birthday coupon is issued in a year, for a customer in a zone.</summary>
    /// <param name="birthday">The birthday.</param>
    /// <param name="year">The year.</param>
    /// <param name="zone">The customer's zone.</param>
    /// <returns>The instant.</returns>
    public Instant IssueInstant(AnnualDate birthday, int year, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateIn(birthday, year, _options.Feb29).At(_options.IssueAt).InZoneLeniently(zone).ToInstant();
    }

    /// <summary>Whether a customer's birthday coupon is due now, and for which birthday-year.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="year">The birthday-year the coupon is for, when due.</param>
    /// <param name="issueAt">The issue instant, when due.</param>
    /// <returns><see langword="true"/> when due: a birthday issue instant lies in the catch-up window, with consent and no recent change.</returns>
    public bool IsDue(Customer customer, out int year, out Instant issueAt)
    {
        ArgumentNullException.ThrowIfNull(customer);
        year = 0;
        issueAt = default;
        if (customer.Birthday is not { } birthday || (_options.RequireConsent && !customer.AcceptsMarketing))
        {
            return false;
        }

        var due = DueDates(customer.TimeZone)[Slot(birthday.Date)];
        if (!due.IsDue)
        {
            return false;
        }

        if (customer.BirthdaySetAt is { } setAt && setAt > due.IssueAt - _options.AntiGamingWait)
        {
            return false;
        }

        (year, issueAt) = (due.Year, due.IssueAt);
        return true;
    }

    private static int Slot(AnnualDate date) => (date.Month * 32) + date.Day;

    /// <summary>For one zone, by month and day: whether that annual date's issue instant lies in (now − catch-up, now], with its year.</summary>
    private DueDate[] DueDates(DateTimeZone zone)
    {
        if (_byZone.TryGetValue(zone, out var due))
        {
            return due;
        }

        due = new DueDate[13 * 32];
        var today = _now.InZone(zone).Date;
        var days = (int)Math.Ceiling(_options.CatchUp.TotalDays) + 2;
        for (var date = today.PlusDays(-days); date <= today.PlusDays(1); date = date.PlusDays(1))
        {
            foreach (var annual in BirthdaysFallingOn(date))
            {
                var issue = IssueInstant(annual, date.Year, zone);
                if (issue <= _now && _now < issue + _options.CatchUp)
                {
                    due[Slot(annual)] = new DueDate(true, date.Year, issue);
                }
            }
        }

        _byZone.Add(zone, due);
        return due;
    }

    private readonly record struct DueDate(bool IsDue, int Year, Instant IssueAt);

    private IEnumerable<AnnualDate> BirthdaysFallingOn(LocalDate date)
    {
        yield return new AnnualDate(date.Month, date.Day);
        var feb29 = new AnnualDate(2, 29);
        if (!feb29.IsValidYear(date.Year) && date == DateIn(feb29, date.Year, _options.Feb29))
        {
            yield return feb29;
        }
    }
}
