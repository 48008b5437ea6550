using System.Globalization;

namespace CustomerCare.Benchmarks.Coupons;

/// <summary>
/// Per-operation latencies of one benchmark method, gathered over its invocations: 10 ns buckets up to 1 ms, one
/// overflow bucket above, and the exact maximum. Percentiles are the upper edge of their bucket, so they err high.
/// </summary>
/// <remarks>Not thread-safe: fill it from one thread after the timed threads have finished.</remarks>
public sealed class LatencyHistogram
{
    private const long BucketNanoseconds = 10;
    private const int BucketCount = 100_000;
    private readonly long[] _buckets = new long[BucketCount + 1];

    /// <summary>How many operations were recorded.</summary>
    public long Count { get; private set; }

    /// <summary>The slowest operation, in nanoseconds.</summary>
    public long MaxNanoseconds { get; private set; }

    /// <summary>Adds latencies measured in <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
    /// <param name="ticks">The latencies.</param>
    public void AddTicks(ReadOnlySpan<long> ticks)
    {
        var nanosecondsPerTick = 1e9 / System.Diagnostics.Stopwatch.Frequency;
        foreach (var tick in ticks)
        {
            var nanoseconds = (long)(tick * nanosecondsPerTick);
            _buckets[(int)Math.Min(nanoseconds / BucketNanoseconds, BucketCount)]++;
            MaxNanoseconds = Math.Max(MaxNanoseconds, nanoseconds);
        }

        Count += ticks.Length;
    }

    /// <summary>The latency that a fraction of operations do not exceed, in nanoseconds (the bucket's upper edge).</summary>
    /// <param name="fraction">The fraction, such as 0.99.</param>
    /// <returns>The latency; the maximum when it falls in the overflow bucket.</returns>
    public long PercentileNanoseconds(double fraction)
    {
        var rank = (long)Math.Ceiling(fraction * Count);
        long seen = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            seen += _buckets[i];
            if (seen >= rank)
            {
                return (i + 1) * BucketNanoseconds;
            }
        }

        return MaxNanoseconds;
    }

    /// <summary>Formats nanoseconds as microseconds.</summary>
    /// <param name="nanoseconds">The latency.</param>
    /// <returns>Such as <c>1.23 μs</c>.</returns>
    public static string Format(long nanoseconds) => (nanoseconds / 1000.0).ToString("N2", CultureInfo.InvariantCulture) + " μs";
}
