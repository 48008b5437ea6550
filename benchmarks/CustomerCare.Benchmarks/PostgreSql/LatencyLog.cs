using System.Diagnostics;
using System.Globalization;

namespace CustomerCare.Benchmarks.PostgreSql;

/// <summary>
/// Latencies in milliseconds-scale, kept exactly (one <see cref="Stopwatch"/> delta each) so that percentiles are exact
/// order statistics, not bucket edges. The first <see cref="Skipped"/> samples are dropped: they include JIT and the
/// connection pool's filling.
/// </summary>
/// <remarks>Thread-safe for concurrent <see cref="Add"/> calls; read percentiles after the writers have finished.</remarks>
internal sealed class LatencyLog(int capacity, int skipped)
{
    private readonly long[] _ticks = new long[capacity];
    private long _offered;

    /// <summary>How many of the first samples are dropped.</summary>
    public int Skipped { get; } = skipped;

    /// <summary>How many samples are kept.</summary>
    public int Count => (int)Math.Clamp(Interlocked.Read(ref _offered) - Skipped, 0, _ticks.Length);

    /// <summary>Adds one latency; past the capacity, samples are dropped.</summary>
    /// <param name="ticks">The latency in <see cref="Stopwatch"/> ticks.</param>
    public void Add(long ticks)
    {
        var slot = Interlocked.Increment(ref _offered) - 1 - Skipped;
        if (slot >= 0 && slot < _ticks.Length)
        {
            _ticks[slot] = ticks;
        }
    }

    /// <summary>The kept latencies in milliseconds, sorted.</summary>
    /// <returns>The latencies.</returns>
    public double[] SortedMilliseconds()
    {
        var ms = _ticks.AsSpan(0, Count).ToArray().Select(t => t * 1000.0 / Stopwatch.Frequency).ToArray();
        Array.Sort(ms);
        return ms;
    }

    /// <summary>The nearest-rank percentile of sorted values.</summary>
    /// <param name="sorted">The sorted values.</param>
    /// <param name="fraction">Such as 0.99.</param>
    /// <returns>The value, or NaN when there are none.</returns>
    public static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>A one-line summary: count, P50, P90, P99, P99.9 and max in milliseconds.</summary>
    /// <returns>Such as <c>count=1200 p50=1.234 p99=4.321 max=9.876</c>.</returns>
    public string Summary()
    {
        var sorted = SortedMilliseconds();
        return string.Create(CultureInfo.InvariantCulture,
            $"count={sorted.Length} p50={Percentile(sorted, 0.50):F3} p90={Percentile(sorted, 0.90):F3} p99={Percentile(sorted, 0.99):F3} p999={Percentile(sorted, 0.999):F3} max={(sorted.Length == 0 ? double.NaN : sorted[^1]):F3}");
    }
}
