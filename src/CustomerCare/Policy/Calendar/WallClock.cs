using NodaTime;
using NodaTime.TimeZones;

namespace CustomerCare.Policy.Calendar;

/// <summary>
/// Maps a slot boundary, a local date and time, to the instant at which the zone's clocks first reach it.
/// </summary>
/// <remarks>
/// <para>
/// A boundary the clocks show twice (an overlap, when DST ends) maps to its first occurrence; a boundary they skip
/// (a gap, when DST starts) maps to the end of the gap, the first instant the clocks show a later time. Both rules give
/// "the first instant the wall clock shows this time or later", which is monotone: two slots that touch in local time
/// still touch as instants, and a slot never ends before it starts. NodaTime's lenient resolver shifts a skipped time
/// forward by the length of the gap instead; for a slot 02:30–03:15 in a 02:00–03:00 gap that would put the opening
/// (03:30) after the closing (03:15), so it is not used here.
/// </para>
/// <para>
/// So on a spring-forward day a slot loses the skipped hour, and on a fall-back day a slot that spans the repeated hour
/// gains it: the business is open while its wall clock is inside the slot.
/// </para>
/// </remarks>
internal static class WallClock
{
    public static ZoneLocalMappingResolver FirstReached { get; } =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    /// <summary>The instant the clocks of <paramref name="zone"/> first reach a time of day on a date.</summary>
    /// <param name="zone">The zone.</param>
    /// <param name="date">The local date.</param>
    /// <param name="nanosecondOfDay">Nanoseconds since midnight; a whole day means midnight at the end of the date.</param>
    public static Instant FirstReach(DateTimeZone zone, LocalDate date, long nanosecondOfDay)
    {
        var local = nanosecondOfDay >= NodaConstants.NanosecondsPerDay
            ? date.PlusDays(1).AtMidnight()
            : date.At(LocalTime.FromNanosecondsSinceMidnight(nanosecondOfDay));
        return zone.ResolveLocal(local, FirstReached).ToInstant();
    }
}
