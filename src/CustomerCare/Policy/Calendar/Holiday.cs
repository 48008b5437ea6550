using System.Globalization;
using NodaTime;

namespace CustomerCare.Policy.Calendar;

/// <summary>
/// A date on which the business is closed, for the whole day or from a local time on (a half day, such as the
/// afternoon of 28 October or a bayram's arife in Turkey).
/// </summary>
/// <param name="Date">The local date, in the calendar's zone.</param>
/// <param name="Name">A name for people, such as <c>Cumhuriyet Bayramı</c>; may be empty.</param>
/// <param name="ClosedFrom">
/// For a half day, the local time from which the business is closed; <see langword="null"/> for the whole day.
/// Slots that open before it close at it.
/// </param>
public sealed record Holiday(LocalDate Date, string Name, LocalTime? ClosedFrom = null)
{
    /// <summary>Whether the business is open in the morning and closed from <see cref="ClosedFrom"/> on.</summary>
    public bool IsHalfDay => ClosedFrom is { } from && from != LocalTime.Midnight;

    /// <summary>Formats the holiday as <c>2025-10-28 from 13:00 Cumhuriyet Bayramı arifesi</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        + (IsHalfDay ? " from " + OpeningHours.FormatTime(ClosedFrom!.Value) : string.Empty)
        + (string.IsNullOrEmpty(Name) ? string.Empty : " " + Name);
}
