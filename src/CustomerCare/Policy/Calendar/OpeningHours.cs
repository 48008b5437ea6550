using System.Globalization;
using NodaTime;

namespace CustomerCare.Policy.Calendar;

/// <summary>
/// One opening slot on one weekday, in the calendar's local time: open from <see cref="Opens"/> until
/// <see cref="Closes"/>. A weekday may have several slots (for example 09:00–12:30 and 13:30–18:00).
/// </summary>
/// <param name="Day">The weekday.</param>
/// <param name="Opens">The local time the slot opens, included.</param>
/// <param name="Closes">
/// The local time the slot closes, excluded. <see cref="LocalTime.Midnight"/> means midnight at the end of the day
/// (24:00), so <c>00:00–00:00</c> is the whole day.
/// </param>
/// <remarks>
/// Slots do not cross midnight: a night shift 22:00–02:00 is two slots, 22:00–24:00 on one day and 00:00–02:00 on the
/// next. The calendar refuses a slot that closes before it opens or overlaps another slot of the same day.
/// </remarks>
public readonly record struct OpeningHours(IsoDayOfWeek Day, LocalTime Opens, LocalTime Closes)
{
    /// <summary>Whether the slot runs until midnight at the end of the day (<see cref="Closes"/> is 00:00).</summary>
    public bool ClosesAtEndOfDay => Closes == LocalTime.Midnight;

    /// <summary>The length of the slot on a day without a clock change.</summary>
    public Duration Length => Duration.FromNanoseconds(ClosesNanos - Opens.NanosecondOfDay);

    /// <summary>The closing time in nanoseconds since midnight, with 24:00 as a whole day.</summary>
    internal long ClosesNanos => ClosesAtEndOfDay ? NodaConstants.NanosecondsPerDay : Closes.NanosecondOfDay;

    /// <summary>Formats the slot as <c>Monday 09:00-17:00</c>, with <c>24:00</c> for the end of the day.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Day.ToString() + " " + FormatSlot(Opens, Closes);

    /// <summary>Formats a slot as <c>09:00-17:00</c>, with seconds only when they are not zero.</summary>
    internal static string FormatSlot(LocalTime opens, LocalTime closes) =>
        FormatTime(opens) + "-" + (closes == LocalTime.Midnight ? "24:00" : FormatTime(closes));

    internal static string FormatTime(LocalTime time) =>
        time.ToString(time.Second == 0 && time.NanosecondOfSecond == 0 ? "HH:mm" : "HH:mm:ss.FFFFFFFFF", CultureInfo.InvariantCulture);
}
