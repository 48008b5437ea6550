using System.Runtime.CompilerServices;
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
/// <para>
/// Most birthdays cannot be due in any zone: the local date anywhere is within a day of the UTC date, so only the
/// annual dates within the catch-up window of those few dates can be. <see cref="IsDue"/> rejects every other birthday
/// with one table lookup before it reads the customer's zone, which keeps a scan over many customers close to the cost
/// of reading their birthdays.
/// </para>
/// <para>Instances are cheap and not thread-safe; make one per run.</para>
/// </remarks>
public sealed class BirthdaySchedule
{
    private readonly BirthdayCampaignOptions _options;
    private readonly Instant _now;
    // Zones from one provider are shared instances, so reference equality is both right and the cheapest lookup.
    private readonly Dictionary<DateTimeZone, DueDate[]> _byZone = new(ReferenceEqualityComparer.Instance);
    // By month and day: whether the annual date can be due in some zone. A superset of every zone's due dates.
    private readonly bool[] _candidates = new bool[SlotCount];

    /// <summary>Creates the schedule for one instant.</summary>
    /// <param name="options">The campaign settings.</param>
    /// <param name="now">The instant of the run.</param>
    public BirthdaySchedule(BirthdayCampaignOptions options, Instant now)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _now = now;

        // A zone's "today" lies within a day of the UTC date (offsets stay within ±18 hours), and a zone's table only
        // looks at the dates around its today, so the union over those three todays covers every zone.
        var utcToday = now.InUtc().Date;
        for (var today = utcToday.PlusDays(-1); today <= utcToday.PlusDays(1); today = today.PlusDays(1))
        {
            for (var date = FirstDateLookedAt(today); date <= LastDateLookedAt(today); date = date.PlusDays(1))
            {
                _candidates[Slot(date.Month, date.Day)] = true;
                if (IsFeb29FallingOn(date))
                {
                    _candidates[Slot(2, 29)] = true;
                }
            }
        }
    }

    /// <summary>
    /// The annual dates whose birthdays can be due at this instant in some zone: a superset of every customer who
    /// <see cref="IsDue"/> accepts, small enough for a store to answer from an index on (month, day).
    /// </summary>
    /// <returns>The annual dates, in calendar order.</returns>
    public IReadOnlyList<AnnualDate> CandidateDates()
    {
        var dates = new List<AnnualDate>();
        for (var month = 1; month <= 12; month++)
        {
            for (var day = 1; day <= 31; day++)
            {
                if (_candidates[Slot(month, day)])
                {
                    dates.Add(new AnnualDate(month, day));
                }
            }
        }

        return dates;
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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsDue(Customer customer, out int year, out Instant issueAt)
    {
        ArgumentNullException.ThrowIfNull(customer);

        // Checked before anything else is read from the customer: it rejects nearly everyone, and inlined into the
        // caller's loop it costs little more than reading the birthday.
        if (customer.Birthday is { } birthday && _candidates[Slot(birthday.Date.Month, birthday.Date.Day)])
        {
            return IsDueInZone(customer, Slot(birthday.Date.Month, birthday.Date.Day), out year, out issueAt);
        }

        year = 0;
        issueAt = default;
        return false;
    }

    private bool IsDueInZone(Customer customer, int slot, out int year, out Instant issueAt)
    {
        year = 0;
        issueAt = default;
        if (!_options.ConsentAdmits(customer))
        {
            return false;
        }

        var due = DueDates(customer.TimeZone)[slot];
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

    private const int SlotCount = 13 * 32;

    private static int Slot(int month, int day) => (month * 32) + day;

    private LocalDate FirstDateLookedAt(LocalDate today) => today.PlusDays(-((int)Math.Ceiling(_options.CatchUp.TotalDays) + 2));

    private static LocalDate LastDateLookedAt(LocalDate today) => today.PlusDays(1);

    /// <summary>Whether a 29 February birthday falls on a date of a year without one, under the policy.</summary>
    private bool IsFeb29FallingOn(LocalDate date) =>
        !CalendarSystem.Iso.IsLeapYear(date.Year) && date == DateIn(new AnnualDate(2, 29), date.Year, _options.Feb29);

    /// <summary>For one zone, by month and day: whether that annual date's issue instant lies in (now − catch-up, now], with its year.</summary>
    private DueDate[] DueDates(DateTimeZone zone)
    {
        if (_byZone.TryGetValue(zone, out var due))
        {
            return due;
        }

        due = new DueDate[SlotCount];
        var today = _now.InZone(zone).Date;
        for (var date = FirstDateLookedAt(today); date <= LastDateLookedAt(today); date = date.PlusDays(1))
        {
            MarkIfDue(due, new AnnualDate(date.Month, date.Day), date.Year, zone);
            if (IsFeb29FallingOn(date))
            {
                MarkIfDue(due, new AnnualDate(2, 29), date.Year, zone);
            }
        }

        _byZone.Add(zone, due);
        return due;
    }

    private void MarkIfDue(DueDate[] due, AnnualDate annual, int year, DateTimeZone zone)
    {
        var issue = IssueInstant(annual, year, zone);
        if (issue <= _now && _now < issue + _options.CatchUp)
        {
            due[Slot(annual.Month, annual.Day)] = new DueDate(true, year, issue);
        }
    }

    private readonly record struct DueDate(bool IsDue, int Year, Instant IssueAt);
}
