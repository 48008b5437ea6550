namespace CustomerCare.Policy.Calendar;

/// <summary>Opening slots shared by one or more weekdays, as configuration.</summary>
public sealed class OpeningHoursOptions
{
    /// <summary>
    /// The weekdays: English names or three-letter abbreviations, any case, separated by commas, with ranges
    /// (<c>Mon-Fri</c>, <c>Sat,Sun</c>, <c>Monday</c>, <c>Fri-Mon</c>).
    /// </summary>
    public string? Days { get; set; }

    /// <summary>The slots, each <c>HH:mm-HH:mm</c> in 24-hour local time (<c>09:00-12:30</c>); <c>24:00</c> closes at midnight.</summary>
    public IList<string> Slots { get; set; } = [];
}
