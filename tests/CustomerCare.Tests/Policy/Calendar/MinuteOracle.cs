using NodaTime;

namespace CustomerCare.Tests.Policy.Calendar;

/// <summary>
/// The reference: steps minute by minute and calls a minute open when the highest wall-clock time shown so far lies
/// inside a slot of its date. It uses only the zone's instant-to-local conversion, none of the library's mapping.
/// </summary>
/// <remarks>
/// "The highest wall-clock time so far" is what "the clocks first reach the slot's boundary" means: during a repeated
/// hour the business stays in whatever state the first pass left it in, and a skipped hour is never shown. Exact when
/// slot boundaries, holidays, start instants and zone transitions all fall on whole minutes.
/// </remarks>
internal sealed class MinuteOracle(CalendarSpec spec)
{
    private static readonly Duration Minute = Duration.FromMinutes(1);

    /// <summary>Open or closed for each minute [t, t+1) from <paramref name="from"/> on.</summary>
    public IEnumerable<(Instant At, bool Open)> Minutes(Instant from)
    {
        var highWater = LocalDateTime.MinIsoValue;
        for (var t = from - Duration.FromDays(2); t < from; t += Minute)
        {
            highWater = Max(highWater, t.InZone(spec.Zone).LocalDateTime);
        }

        for (var t = from; ; t += Minute)
        {
            highWater = Max(highWater, t.InZone(spec.Zone).LocalDateTime);
            yield return (t, spec.IsOpenAt(highWater));
        }
    }

    /// <summary>The first instant by which <paramref name="minutes"/> open minutes have passed; null beyond the horizon.</summary>
    public Instant? Deadline(Instant start, int minutes, Duration horizon)
    {
        if (minutes == 0)
        {
            return start;
        }

        var count = 0;
        foreach (var (at, open) in Minutes(start))
        {
            if (at - start > horizon)
            {
                return null;
            }

            if (open && ++count == minutes)
            {
                return at + Minute;
            }
        }

        return null;
    }

    public int OpenMinutesBetween(Instant start, Instant end) =>
        Minutes(start).TakeWhile(m => m.At < end).Count(m => m.Open);

    public bool IsOpen(Instant at) => Minutes(at).First().Open;

    private static LocalDateTime Max(LocalDateTime a, LocalDateTime b) => a > b ? a : b;
}
