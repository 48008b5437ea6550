using System.Diagnostics;
using System.Globalization;

namespace CustomerCare.Benchmarks.Sqlite;

/// <summary>
/// Every per-operation latency a benchmark method recorded, kept exactly: percentiles are nearest-rank over all of them,
/// with no bucket ceiling (the in-memory <see cref="Coupons.LatencyHistogram"/> stops at 1 ms, below SQLite's tail).
/// </summary>
/// <remarks>Not thread-safe: fill it from one thread after the timed code has finished.</remarks>
public sealed class LatencySample
{
    private readonly List<long> _nanoseconds = [];
    private bool _sorted = true;

    /// <summary>How many operations were recorded.</summary>
    public int Count => _nanoseconds.Count;

    /// <summary>Adds latencies measured in <see cref="Stopwatch"/> ticks.</summary>
    /// <param name="ticks">The latencies.</param>
    public void AddTicks(ReadOnlySpan<long> ticks)
    {
        var nanosecondsPerTick = 1e9 / Stopwatch.Frequency;
        foreach (var tick in ticks)
        {
            _nanoseconds.Add((long)(tick * nanosecondsPerTick));
        }

        _sorted = false;
    }

    /// <summary>The nearest-rank percentile: the smallest latency that this fraction of the operations do not exceed.</summary>
    /// <param name="fraction">The fraction, such as 0.99; 1 gives the maximum.</param>
    /// <returns>The latency in nanoseconds, or 0 when nothing was recorded.</returns>
    public long PercentileNanoseconds(double fraction)
    {
        if (_nanoseconds.Count == 0)
        {
            return 0;
        }

        if (!_sorted)
        {
            _nanoseconds.Sort();
            _sorted = true;
        }

        var rank = (int)Math.Ceiling(fraction * _nanoseconds.Count);
        return _nanoseconds[Math.Clamp(rank, 1, _nanoseconds.Count) - 1];
    }

    /// <summary>Formats nanoseconds as microseconds.</summary>
    /// <param name="nanoseconds">The latency.</param>
    /// <returns>Such as <c>123.4 μs</c>.</returns>
    public static string Format(long nanoseconds) => (nanoseconds / 1000.0).ToString("N1", CultureInfo.InvariantCulture) + " μs";
}
