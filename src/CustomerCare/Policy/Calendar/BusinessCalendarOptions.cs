namespace CustomerCare.Policy.Calendar;

/// <summary>
/// A business calendar as configuration: bindable from <c>appsettings.json</c> or any configuration source, and
/// turned into a <see cref="BusinessCalendar"/> by <see cref="BusinessCalendar.FromOptions"/>.
/// </summary>
/// <example>
/// <code>
/// {
///   "Id": "support",
///   "TimeZone": "Europe/Istanbul",
///   "Hours": [ { "Days": "Mon-Fri", "Slots": [ "09:00-12:30", "13:30-18:00" ] }, { "Days": "Sat", "Slots": [ "10:00-14:00" ] } ],
///   "TurkishNationalHolidays": true,
///   "TurkishReligiousHolidays": true,
///   "Holidays": [ { "Date": "2026-12-31", "ClosedFrom": "13:00", "Name": "Stock count" }, { "Date": "06-15", "Name": "Company day" } ]
/// }
/// </code>
/// </example>
public sealed class BusinessCalendarOptions
{
    /// <summary>The calendar's identifier, stored with the SLA timers that use it. Default <c>default</c>.</summary>
    public string Id { get; set; } = "default";

    /// <summary>The IANA zone of the hours and holidays. Default <c>Europe/Istanbul</c>.</summary>
    public string TimeZone { get; set; } = "Europe/Istanbul";

    /// <summary>The weekly opening hours; at least one entry.</summary>
    public IList<OpeningHoursOptions> Hours { get; set; } = [];

    /// <summary>Whether the fixed-date Turkish national holidays apply (<see cref="TurkishHolidays.National"/>). Default <see langword="false"/>.</summary>
    public bool TurkishNationalHolidays { get; set; }

    /// <summary>
    /// Whether the Turkish religious bayrams of <see cref="TurkishHolidays.Religious"/> apply (2025–2030 only; add later
    /// years to <see cref="Holidays"/>). Default <see langword="false"/>.
    /// </summary>
    public bool TurkishReligiousHolidays { get; set; }

    /// <summary>Other closed dates and half days: dated (<c>2026-12-31</c>) or every year (<c>12-31</c>).</summary>
    public IList<HolidayOptions> Holidays { get; set; } = [];
}
