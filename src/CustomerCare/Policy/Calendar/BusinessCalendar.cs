using NodaTime;

namespace CustomerCare.Policy.Calendar;

/// <summary>
/// When a business is open: weekly opening hours (several slots per weekday) in an IANA zone, minus holidays and
/// half days. Counts business time exactly, across daylight-saving changes.
/// </summary>
/// <remarks>
/// <para>
/// A slot is open from the instant the zone's clocks first show its opening time on its date until the instant they
/// first show its closing time. On a spring-forward day a slot loses the skipped hour (a skipped boundary maps to the
/// end of the gap); on a fall-back day a slot that spans the repeated hour gains it (a repeated boundary maps to its
/// first occurrence). A date on which the zone skipped entirely (Pacific/Apia, 2011-12-30) is closed. A holiday closes
/// the slots of its date from its <see cref="Holiday.ClosedFrom"/> time on, or all day.
/// </para>
/// <para>
/// Open intervals are computed once per span of about 52 days the first time an instant in it is used, and kept, so
/// a deadline costs two binary searches. Instants from 1678 to 2261 are supported.
/// </para>
/// <para>Immutable and thread-safe: share one instance.</para>
/// </remarks>
public sealed class BusinessCalendar
{
    private readonly OpenIntervalCache _intervals;

    internal BusinessCalendar(string id, DateTimeZone zone, OpeningHours[] hours, Holiday[] holidays, AnnualHoliday[] annualHolidays)
    {
        Id = id;
        Zone = zone;
        Hours = hours;
        Holidays = holidays;
        AnnualHolidays = annualHolidays;
        var slots = new long[8][];
        for (var day = 0; day < slots.Length; day++)
        {
            slots[day] = hours.Where(h => (int)h.Day == day).SelectMany(h => new[] { h.Opens.NanosecondOfDay, h.ClosesNanos }).ToArray();
        }

        var rules = new HolidayRules(holidays, annualHolidays);
        IsAlwaysOpen = rules.IsEmpty && slots.Skip(1).All(s => s is [0, NodaConstants.NanosecondsPerDay]);
        _intervals = new OpenIntervalCache(zone, slots, rules);
    }

    /// <summary>A calendar that is always open, in UTC with no holidays: business time is elapsed time. Its id is <c>always-open</c>.</summary>
    public static BusinessCalendar AlwaysOpen { get; } =
        new BusinessCalendarBuilder("always-open", DateTimeZone.Utc).OpenAroundTheClock().Build();

    /// <summary>The instants the arithmetic supports: from 1678 to 2261.</summary>
    public static Interval SupportedInstants { get; } =
        new(OpenIntervalCache.ToInstant(OpenIntervalCache.MinNanos), OpenIntervalCache.ToInstant(OpenIntervalCache.MaxNanos));

    /// <summary>The calendar's identifier, stored with the SLA timers that use it.</summary>
    public string Id { get; }

    /// <summary>The zone the opening hours and holidays are in.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The weekly opening slots, by weekday and opening time.</summary>
    public IReadOnlyList<OpeningHours> Hours { get; }

    /// <summary>The dated holidays and closed dates.</summary>
    public IReadOnlyList<Holiday> Holidays { get; }

    /// <summary>The holidays that fall on the same month and day every year.</summary>
    public IReadOnlyList<AnnualHoliday> AnnualHolidays { get; }

    /// <summary>Whether the calendar is open around the clock with no holidays, so that business time is elapsed time.</summary>
    public bool IsAlwaysOpen { get; }

    /// <summary>Builds a calendar from bindable options.</summary>
    /// <param name="options">The options.</param>
    /// <param name="provider">The zone provider; TZDB when <see langword="null"/>.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="FieldValidationException">
    /// A value is refused: every problem is listed, naming the field (<c>time_zone</c>, <c>hours[1].slots[0]</c>,
    /// <c>holidays[3].date</c>, ...) and the value.
    /// </exception>
    public static BusinessCalendar FromOptions(BusinessCalendarOptions options, IDateTimeZoneProvider? provider = null) =>
        BusinessCalendarOptionsReader.Read(options, provider);

    /// <summary>
    /// The deadline: the first instant by which <paramref name="businessTime"/> of open time has passed since
    /// <paramref name="start"/>. Counting starts at the next opening when <paramref name="start"/> is outside hours.
    /// </summary>
    /// <param name="start">When the clock starts.</param>
    /// <param name="businessTime">The business time to count; zero returns <paramref name="start"/>.</param>
    /// <returns>The deadline; at a closing time when the time runs out exactly there (Friday 17:00 + 8 h on Monday–Friday 09–17 is Monday 17:00).</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="businessTime"/> is negative, or <paramref name="start"/> or the deadline is outside
    /// <see cref="SupportedInstants"/>.
    /// </exception>
    public Instant AddBusinessTime(Instant start, Duration businessTime)
    {
        var from = ToNanos(start, nameof(start));
        if (businessTime < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(businessTime), businessTime, "Business time cannot be negative.");
        }

        if (businessTime == Duration.Zero)
        {
            return start;
        }

        var room = OpenIntervalCache.MaxNanos - from;
        if (businessTime >= Duration.FromNanoseconds(room))
        {
            throw new ArgumentOutOfRangeException(nameof(businessTime), businessTime, "The deadline would be after " + SupportedInstants.End + ".");
        }

        var amount = businessTime.ToInt64Nanoseconds();
        var deadline = IsAlwaysOpen ? from + amount : _intervals.Add(from, amount);
        return deadline == long.MaxValue
            ? throw new ArgumentOutOfRangeException(nameof(businessTime), businessTime, "The deadline would be after " + SupportedInstants.End + ".")
            : OpenIntervalCache.ToInstant(deadline);
    }

    /// <summary>The business time in [<paramref name="start"/>, <paramref name="end"/>): how long the business was open in between.</summary>
    /// <param name="start">The first instant.</param>
    /// <param name="end">The last instant, excluded.</param>
    /// <returns>The open time; negative when <paramref name="end"/> is before <paramref name="start"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An instant is outside <see cref="SupportedInstants"/>.</exception>
    public Duration BusinessTimeBetween(Instant start, Instant end)
    {
        var from = ToNanos(start, nameof(start));
        var to = ToNanos(end, nameof(end));
        if (to < from)
        {
            return -BusinessTimeBetween(end, start);
        }

        return Duration.FromNanoseconds(IsAlwaysOpen ? to - from : _intervals.Between(from, to));
    }

    /// <summary>Whether the business is open at an instant.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns><see langword="true"/> inside opening hours on a day that is not closed.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The instant is outside <see cref="SupportedInstants"/>.</exception>
    public bool IsOpen(Instant instant)
    {
        var at = ToNanos(instant, nameof(instant));
        return IsAlwaysOpen || _intervals.IsOpen(at);
    }

    /// <summary>The open intervals inside an interval, clipped to it, in order; touching slots come as one interval.</summary>
    /// <param name="interval">The interval to look in; it must have a start and an end.</param>
    /// <returns>The open intervals.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The interval is unbounded or outside <see cref="SupportedInstants"/>.</exception>
    public IEnumerable<Interval> OpenIntervals(Interval interval)
    {
        if (!interval.HasStart || !interval.HasEnd)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval must have a start and an end.");
        }

        var from = ToNanos(interval.Start, nameof(interval));
        var to = ToNanos(interval.End, nameof(interval));
        if (to <= from)
        {
            return [];
        }

        return IsAlwaysOpen
            ? [interval]
            : _intervals.Intervals(from, to).Select(i => new Interval(OpenIntervalCache.ToInstant(i.Start), OpenIntervalCache.ToInstant(i.End)));
    }

    /// <summary>Formats the calendar as its id and zone.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Id + " (" + Zone.Id + ")";

    private static long ToNanos(Instant instant, string parameter) =>
        SupportedInstants.Contains(instant)
            ? OpenIntervalCache.ToNanos(instant)
            : throw new ArgumentOutOfRangeException(parameter, instant, "Business time is counted between " + SupportedInstants.Start + " and " + SupportedInstants.End + ".");
}
