using NodaTime;

namespace CustomerCare.Policy.Calendar;

/// <summary>
/// Business-time arithmetic over a calendar's open intervals, computed once per span of about 52 days
/// (2^52 ns) the first time an instant in it is asked about, and kept.
/// </summary>
/// <remarks>
/// Thread-safe: a block is immutable once built, and two threads that build the same block build equal ones, so
/// whichever is published first is kept.
/// </remarks>
internal sealed class OpenIntervalCache
{
    /// <summary>log2 of the block length in nanoseconds.</summary>
    private const int BlockShift = 52;

    /// <summary>Block indices run from -2048 to 2047 over the range of <see cref="long"/>; the two outermost are not used, so a block's end never overflows.</summary>
    private const int IndexOffset = 2048;
    private const int FirstIndex = -2047;
    private const int LastIndex = 2046;

    private readonly DateTimeZone _zone;
    private readonly long[][] _slotsByDay;
    private readonly HolidayRules _holidays;
    private readonly OpenIntervalBlock?[] _blocks = new OpenIntervalBlock?[2 * IndexOffset];

    /// <param name="zone">The calendar's zone.</param>
    /// <param name="slotsByDay">By <see cref="IsoDayOfWeek"/> (index 1–7): opening and closing nanoseconds of the day, in pairs, sorted and disjoint.</param>
    /// <param name="holidays">The closed dates.</param>
    public OpenIntervalCache(DateTimeZone zone, long[][] slotsByDay, HolidayRules holidays)
    {
        _zone = zone;
        _slotsByDay = slotsByDay;
        _holidays = holidays;
    }

    /// <summary>The first supported instant, in nanoseconds since the Unix epoch (in 1678).</summary>
    public static long MinNanos => (long)FirstIndex << BlockShift;

    /// <summary>The end of the supported range, excluded, in nanoseconds since the Unix epoch (in 2261).</summary>
    public static long MaxNanos => (long)(LastIndex + 1) << BlockShift;

    /// <summary>The first instant at or after <paramref name="start"/> by which <paramref name="openTime"/> (&gt; 0) of open time has passed.</summary>
    /// <returns>The instant, or <see cref="long.MaxValue"/> when it lies beyond the supported range.</returns>
    public long Add(long start, long openTime)
    {
        var index = IndexOf(start);
        var block = Block(index);
        var needed = block.OpenTimeUntil(start) + openTime;
        while (needed > block.Total)
        {
            needed -= block.Total;
            if (++index > LastIndex)
            {
                return long.MaxValue;
            }

            block = Block(index);
        }

        return block.InstantAt(needed);
    }

    /// <summary>The open time in [<paramref name="start"/>, <paramref name="end"/>), with start ≤ end.</summary>
    public long Between(long start, long end)
    {
        var first = IndexOf(start);
        var last = IndexOf(end);
        if (first == last)
        {
            var block = Block(first);
            return block.OpenTimeUntil(end) - block.OpenTimeUntil(start);
        }

        var firstBlock = Block(first);
        var total = firstBlock.Total - firstBlock.OpenTimeUntil(start);
        for (var index = first + 1; index < last; index++)
        {
            total += Block(index).Total;
        }

        return total + Block(last).OpenTimeUntil(end);
    }

    public bool IsOpen(long at) => Block(IndexOf(at)).IsOpen(at);

    /// <summary>The open intervals that overlap [start, end), clipped to it, merged across block boundaries.</summary>
    public IEnumerable<(long Start, long End)> Intervals(long start, long end)
    {
        long pendingStart = 0, pendingEnd = long.MinValue;
        for (var index = IndexOf(start); index <= IndexOf(end - 1); index++)
        {
            var block = Block(index);
            for (var i = 0; i < block.Count; i++)
            {
                var s = Math.Max(block.StartAt(i), start);
                var e = Math.Min(block.EndAt(i), end);
                if (e <= s)
                {
                    continue;
                }

                if (s == pendingEnd)
                {
                    pendingEnd = e;
                    continue;
                }

                if (pendingEnd != long.MinValue)
                {
                    yield return (pendingStart, pendingEnd);
                }

                (pendingStart, pendingEnd) = (s, e);
            }
        }

        if (pendingEnd != long.MinValue)
        {
            yield return (pendingStart, pendingEnd);
        }
    }

    private static int IndexOf(long at) => (int)(at >> BlockShift);

    private OpenIntervalBlock Block(int index) =>
        Volatile.Read(ref _blocks[index + IndexOffset]) ?? Publish(index);

    private OpenIntervalBlock Publish(int index)
    {
        var built = Build(index);
        return Interlocked.CompareExchange(ref _blocks[index + IndexOffset], built, null) ?? built;
    }

    private OpenIntervalBlock Build(int index)
    {
        var blockStart = (long)index << BlockShift;
        var blockEnd = blockStart + (1L << BlockShift);
        // A day's slots can map a little outside the day (offsets up to ±18 h), so one date either side is enough.
        var firstDate = ToInstant(blockStart).InZone(_zone).Date.PlusDays(-1);
        var lastDate = ToInstant(blockEnd).InZone(_zone).Date.PlusDays(1);
        var starts = new List<long>(64);
        var ends = new List<long>(64);
        for (var date = firstDate; date <= lastDate; date = date.PlusDays(1))
        {
            var slots = _slotsByDay[(int)date.DayOfWeek];
            if (slots.Length == 0)
            {
                continue;
            }

            var closedFrom = _holidays.ClosedFrom(date);
            for (var k = 0; k < slots.Length; k += 2)
            {
                var opens = slots[k];
                var closes = Math.Min(slots[k + 1], closedFrom);
                if (closes <= opens)
                {
                    break;
                }

                var s = Math.Max(ToNanos(WallClock.FirstReach(_zone, date, opens)), blockStart);
                var e = Math.Min(ToNanos(WallClock.FirstReach(_zone, date, closes)), blockEnd);
                if (e <= s)
                {
                    continue;
                }

                // Slots that touch (12:30 close, 12:30 open; 24:00 and the next day's 00:00) become one interval.
                if (ends.Count > 0 && ends[^1] >= s)
                {
                    ends[^1] = Math.Max(ends[^1], e);
                }
                else
                {
                    starts.Add(s);
                    ends.Add(e);
                }
            }
        }

        return new OpenIntervalBlock([.. starts], [.. ends]);
    }

    internal static long ToNanos(Instant instant) => (instant - NodaConstants.UnixEpoch).ToInt64Nanoseconds();

    internal static Instant ToInstant(long nanos) => NodaConstants.UnixEpoch + Duration.FromNanoseconds(nanos);
}
