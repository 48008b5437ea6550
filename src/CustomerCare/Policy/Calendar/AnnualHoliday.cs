using System.Globalization;
using NodaTime;

namespace CustomerCare.Policy.Calendar;

/// <summary>
/// A holiday on the same month and day every year (a fixed-date national holiday, a company anniversary), for the
/// whole day or from a local time on.
/// </summary>
/// <param name="Date">The month and day. 29 February is a holiday only in leap years.</param>
/// <param name="Name">A name for people; may be empty.</param>
/// <param name="ClosedFrom">For a half day, the local time from which the business is closed; <see langword="null"/> for the whole day.</param>
/// <param name="FirstYear">The first year the holiday is kept, if it was introduced at some point (15 July in Turkey: 2017).</param>
public sealed record AnnualHoliday(AnnualDate Date, string Name, LocalTime? ClosedFrom = null, int? FirstYear = null)
{
    /// <summary>Whether the holiday is kept in a year: from <see cref="FirstYear"/> on, and on 29 February only in leap years.</summary>
    /// <param name="year">The year.</param>
    /// <returns><see langword="true"/> when the business is closed on that date in that year.</returns>
    public bool IsKeptIn(int year) => (FirstYear is not { } first || year >= first) && Date.IsValidYear(year);

    /// <summary>The holiday on its date in a year.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The dated holiday, or <see langword="null"/> when it is not kept that year.</returns>
    public Holiday? InYear(int year) => IsKeptIn(year) ? new Holiday(Date.InYear(year), Name, ClosedFrom) : null;

    /// <summary>Formats the holiday as <c>every 10-28 from 13:00 Cumhuriyet Bayramı arifesi</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        "every " + Date.ToString("MM-dd", CultureInfo.InvariantCulture)
        + (ClosedFrom is { } from && from != LocalTime.Midnight ? " from " + OpeningHours.FormatTime(from) : string.Empty)
        + (FirstYear is { } year ? " since " + year.ToString(CultureInfo.InvariantCulture) : string.Empty)
        + (string.IsNullOrEmpty(Name) ? string.Empty : " " + Name);
}
