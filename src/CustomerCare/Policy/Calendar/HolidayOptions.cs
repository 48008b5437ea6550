namespace CustomerCare.Policy.Calendar;

/// <summary>A closed date or half day, as configuration.</summary>
public sealed class HolidayOptions
{
    /// <summary>The date: <c>yyyy-MM-dd</c> for one date, or <c>MM-dd</c> for the same date every year.</summary>
    public string? Date { get; set; }

    /// <summary>For a half day, the local time (<c>HH:mm</c>) from which the business is closed; empty for the whole day.</summary>
    public string? ClosedFrom { get; set; }

    /// <summary>A name for people; optional.</summary>
    public string? Name { get; set; }
}
