using NodaTime;
using NodaTime.TimeZones;

namespace CustomerCare.Tests.Policy.Calendar;

/// <summary>
/// The reference: steps minute by minute and calls a minute open when the highest wall-clock time shown so far lies
/// inside a slot of its date. It uses only the zone's offsets, none of the library's mapping of local times.
/// </summary>
/// <remarks>
/// "The highest wall-clock time so far" is what "the clocks first reach the slot's boundary" means: during a repeated
/// hour the business stays in whatever state the first pass left it in, and a skipped hour is never shown. Exact when
/// slot boundaries, holidays, start instants and zone transitions all fall on whole minutes (checked as it goes).
/// </remarks>
internal sealed class MinuteOracle(CalendarSpec spec)
{
    private static readonly Duration Minute = Duration.FromMinutes(1);
    private static readonly LocalDate Epoch = new(1970, 1, 1);

    /// <summary>Open or closed for each minute [t, t+1) from <paramref name="from"/> on.</summary>
    public IEnumerable<(Instant At, bool Open)> Minutes(Instant from)
    {
        long highWater = long.MinValue, day = long.MinValue;
        var ranges = new List<(int Open, int Close)>();
        ZoneInterval? interval = null;
        // A repeated hour lasts at most a few hours, so a day before is enough to know the highest time shown.
        for (var t = from - Duration.FromDays(1); ; t += Minute)
        {
            highWater = Math.Max(highWater, WallMinute(t, ref interval));
            if (t < from)
            {
                continue;
            }

            var wallDay = Math.DivRem(highWater, 1440, out var minuteOfDay);
            if (wallDay != day)
            {
                day = wallDay;
                ranges = spec.OpenRanges(Epoch.PlusDays((int)day));
            }

            var open = false;
            foreach (var (openAt, closeAt) in ranges)
            {
                open |= minuteOfDay >= openAt && minuteOfDay < closeAt;
            }

            yield return (t, open);
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

    /// <summary>The wall clock at an instant, in whole minutes since 1970-01-01T00:00 local.</summary>
    private long WallMinute(Instant at, ref ZoneInterval? interval)
    {
        if (interval is null || !interval.Contains(at))
        {
            interval = spec.Zone.GetZoneInterval(at);
            if (interval.WallOffset.Seconds % 60 != 0)
            {
                Assert.Fail($"{spec.Zone.Id} has an offset of {interval.WallOffset} at {at}: the oracle needs whole minutes");
            }
        }

        var seconds = at.ToUnixTimeSeconds();
        if (seconds % 60 != 0)
        {
            Assert.Fail($"{at} is not on a whole minute");
        }
        return (seconds / 60) + (interval.WallOffset.Seconds / 60);
    }
}
