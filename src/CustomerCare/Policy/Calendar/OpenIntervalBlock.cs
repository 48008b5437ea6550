namespace CustomerCare.Policy.Calendar;

/// <summary>
/// The open intervals of a calendar inside one fixed span of time, as nanoseconds since the Unix epoch, sorted and
/// disjoint, with the running total of open time at the end of each: the business time elapsed from the start of the
/// span up to any instant is a binary search away.
/// </summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
internal sealed class OpenIntervalBlock
{
    private readonly long[] _starts;
    private readonly long[] _ends;
    private readonly long[] _openUntilEnd;

    public OpenIntervalBlock(long[] starts, long[] ends)
    {
        _starts = starts;
        _ends = ends;
        _openUntilEnd = new long[starts.Length];
        long total = 0;
        for (var i = 0; i < starts.Length; i++)
        {
            total += ends[i] - starts[i];
            _openUntilEnd[i] = total;
        }

        Total = total;
    }

    /// <summary>The open time in the whole block.</summary>
    public long Total { get; }

    public int Count => _starts.Length;

    public long StartAt(int index) => _starts[index];

    public long EndAt(int index) => _ends[index];

    /// <summary>The open time from the start of the block up to <paramref name="at"/>.</summary>
    public long OpenTimeUntil(long at)
    {
        var i = LastAtOrBefore(_starts, at);
        if (i < 0)
        {
            return 0;
        }

        var end = _ends[i];
        return at >= end ? _openUntilEnd[i] : _openUntilEnd[i] - (end - at);
    }

    /// <summary>The first instant at which the open time since the start of the block reaches <paramref name="openTime"/> (0 &lt; openTime ≤ <see cref="Total"/>).</summary>
    public long InstantAt(long openTime)
    {
        var i = FirstAtOrAfter(_openUntilEnd, openTime);
        return _ends[i] - (_openUntilEnd[i] - openTime);
    }

    /// <summary>Whether an instant is inside an open interval.</summary>
    public bool IsOpen(long at)
    {
        var i = LastAtOrBefore(_starts, at);
        return i >= 0 && at < _ends[i];
    }

    /// <summary>The index of the last element at or before <paramref name="value"/>, or -1.</summary>
    private static int LastAtOrBefore(long[] sorted, long value)
    {
        int low = 0, high = sorted.Length - 1;
        while (low <= high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (sorted[middle] <= value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return high;
    }

    /// <summary>The index of the first element at or after <paramref name="value"/>.</summary>
    private static int FirstAtOrAfter(long[] sorted, long value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (sorted[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
