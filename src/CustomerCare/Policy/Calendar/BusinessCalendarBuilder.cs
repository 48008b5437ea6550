using CustomerCare.Customers;
using NodaTime;

namespace CustomerCare.Policy.Calendar;

/// <summary>Builds a <see cref="BusinessCalendar"/>: weekly opening hours, then holidays and closed dates.</summary>
/// <example>
/// <code>
/// var calendar = new BusinessCalendarBuilder("support", TimeZones.Istanbul)
///     .Open(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, new LocalTime(9, 0), new LocalTime(12, 30))
///     .Open(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, new LocalTime(13, 30), new LocalTime(18, 0))
///     .CloseEveryYear(TurkishHolidays.National)
///     .Close(TurkishHolidays.Religious)
///     .Build();
/// </code>
/// </example>
/// <remarks>Not thread-safe; the calendar it builds is immutable and thread-safe.</remarks>
public sealed class BusinessCalendarBuilder
{
    private readonly string _id;
    private readonly DateTimeZone _zone;
    private readonly List<(OpeningHours Hours, string Field)> _hours = [];
    private readonly List<Holiday> _holidays = [];
    private readonly List<AnnualHoliday> _annualHolidays = [];

    /// <summary>Starts a calendar.</summary>
    /// <param name="id">The calendar's identifier, stored with the SLA timers that use it.</param>
    /// <param name="zone">The zone the opening hours and holidays are in.</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is <see langword="null"/>.</exception>
    public BusinessCalendarBuilder(string id, DateTimeZone zone)
    {
        _id = id;
        _zone = zone ?? throw new ArgumentNullException(nameof(zone));
    }

    /// <summary>Starts a calendar in a zone given by its IANA identifier.</summary>
    /// <param name="id">The calendar's identifier.</param>
    /// <param name="zoneId">An IANA zone such as <c>Europe/Istanbul</c>.</param>
    /// <exception cref="FieldValidationException">The zone is missing or unknown (field <c>time_zone</c>).</exception>
    public BusinessCalendarBuilder(string id, string zoneId)
        : this(id, TimeZones.Resolve(zoneId))
    {
    }

    /// <summary>Adds an opening slot on one weekday.</summary>
    /// <param name="day">The weekday.</param>
    /// <param name="opens">The opening time.</param>
    /// <param name="closes">The closing time; <see cref="LocalTime.Midnight"/> for the end of the day.</param>
    /// <returns>This builder.</returns>
    public BusinessCalendarBuilder Open(IsoDayOfWeek day, LocalTime opens, LocalTime closes) =>
        Open(new OpeningHours(day, opens, closes), "hours");

    /// <summary>Adds the same opening slot on a range of weekdays, such as Monday to Friday.</summary>
    /// <param name="firstDay">The first weekday.</param>
    /// <param name="lastDay">The last weekday, included; a range may wrap past Sunday (Friday to Monday).</param>
    /// <param name="opens">The opening time.</param>
    /// <param name="closes">The closing time; <see cref="LocalTime.Midnight"/> for the end of the day.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A day is not Monday to Sunday.</exception>
    public BusinessCalendarBuilder Open(IsoDayOfWeek firstDay, IsoDayOfWeek lastDay, LocalTime opens, LocalTime closes)
    {
        foreach (var day in Weekdays.Range(firstDay, lastDay))
        {
            Open(day, opens, closes);
        }

        return this;
    }

    /// <summary>Opens every day around the clock: business time is then elapsed time, except on holidays.</summary>
    /// <returns>This builder.</returns>
    public BusinessCalendarBuilder OpenAroundTheClock() =>
        Open(IsoDayOfWeek.Monday, IsoDayOfWeek.Sunday, LocalTime.Midnight, LocalTime.Midnight);

    /// <summary>Adds a closed date or half day.</summary>
    /// <param name="holiday">The holiday.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="holiday"/> is <see langword="null"/>.</exception>
    public BusinessCalendarBuilder Close(Holiday holiday)
    {
        ArgumentNullException.ThrowIfNull(holiday);
        _holidays.Add(holiday);
        return this;
    }

    /// <summary>Adds closed dates and half days, such as <see cref="TurkishHolidays.Religious"/>.</summary>
    /// <param name="holidays">The holidays.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="holidays"/> or one of them is <see langword="null"/>.</exception>
    public BusinessCalendarBuilder Close(IEnumerable<Holiday> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        foreach (var holiday in holidays)
        {
            Close(holiday);
        }

        return this;
    }

    /// <summary>Closes a whole date.</summary>
    /// <param name="date">The date.</param>
    /// <param name="name">A name for people.</param>
    /// <returns>This builder.</returns>
    public BusinessCalendarBuilder Close(LocalDate date, string name = "") => Close(new Holiday(date, name ?? string.Empty));

    /// <summary>Closes a date from a local time on (a half day).</summary>
    /// <param name="date">The date.</param>
    /// <param name="closedFrom">The local time from which the business is closed.</param>
    /// <param name="name">A name for people.</param>
    /// <returns>This builder.</returns>
    public BusinessCalendarBuilder CloseFrom(LocalDate date, LocalTime closedFrom, string name = "") =>
        Close(new Holiday(date, name ?? string.Empty, closedFrom));

    /// <summary>Adds holidays that fall on the same month and day every year, such as <see cref="TurkishHolidays.National"/>.</summary>
    /// <param name="holidays">The holidays.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="holidays"/> or one of them is <see langword="null"/>.</exception>
    public BusinessCalendarBuilder CloseEveryYear(IEnumerable<AnnualHoliday> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        foreach (var holiday in holidays)
        {
            ArgumentNullException.ThrowIfNull(holiday, nameof(holidays));
            _annualHolidays.Add(holiday);
        }

        return this;
    }

    /// <summary>Checks the definition and builds the calendar.</summary>
    /// <returns>The calendar.</returns>
    /// <exception cref="FieldValidationException">
    /// The identifier is blank or malformed, there are no opening hours, a slot closes at or before it opens, or two
    /// slots of the same weekday overlap; every problem found is listed, each naming the field and the slot.
    /// </exception>
    public BusinessCalendar Build()
    {
        var errors = Check();
        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }

        var hours = _hours.Select(h => h.Hours).OrderBy(h => h.Day).ThenBy(h => h.Opens).ToArray();
        return new BusinessCalendar(_id, _zone, hours, [.. _holidays], [.. _annualHolidays]);
    }

    /// <summary>Every problem with the definition, in the order found.</summary>
    internal List<FieldError> Check()
    {
        var errors = new List<FieldError>();
        if (Identifiers.Check(_id, 128, "id") is { } idError)
        {
            errors.Add(idError);
        }

        errors.AddRange(CheckHours(_hours));
        return errors;
    }

    internal BusinessCalendarBuilder Open(OpeningHours hours, string field)
    {
        _hours.Add((hours, field));
        return this;
    }

    private static IEnumerable<FieldError> CheckHours(List<(OpeningHours Hours, string Field)> entries)
    {
        if (entries.Count == 0)
        {
            yield return FieldErrors.Create("hours", null, FieldErrorCodes.Required, "is required: a calendar with no opening hours is never open");
            yield break;
        }

        var valid = new List<(OpeningHours Hours, string Field)>();
        foreach (var (hours, field) in entries)
        {
            if (hours.Day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
            {
                yield return FieldErrors.Create(field, hours.ToString(), FieldErrorCodes.Unknown, "is not on a weekday from Monday to Sunday");
            }
            else if (!hours.ClosesAtEndOfDay && hours.Closes <= hours.Opens)
            {
                yield return FieldErrors.Create(field, hours.ToString(), FieldErrorCodes.OutOfRange, "closes at or before it opens (slots do not cross midnight: split a night shift at 24:00)");
            }
            else
            {
                valid.Add((hours, field));
            }
        }

        foreach (var day in valid.GroupBy(e => e.Hours.Day))
        {
            var sorted = day.OrderBy(e => e.Hours.Opens).ToArray();
            for (var i = 1; i < sorted.Length; i++)
            {
                var previous = sorted[i - 1].Hours;
                if (sorted[i].Hours.Opens.NanosecondOfDay < previous.ClosesNanos)
                {
                    yield return FieldErrors.Create(sorted[i].Field, sorted[i].Hours.ToString(), FieldErrorCodes.OutOfRange, "overlaps " + previous);
                }
            }
        }
    }
}
