using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace CustomerCare.Benchmarks.Sqlite;

/// <summary>
/// A report column with a percentile of the per-operation latencies a benchmark method recorded in a
/// <see cref="LatencySample"/>. The benchmark process prints them on a line of its standard output
/// (<see cref="Publish"/>), which the host keeps with the report; in process they are also kept in memory.
/// </summary>
/// <param name="fraction">The percentile as a fraction: 0.5, 0.9, 0.99, 0.999 or 1 (the maximum).</param>
/// <param name="name">The column header, such as <c>P99 per redeem</c>.</param>
public sealed class LatencyPercentileColumn(double fraction, string name) : IColumn
{
    private const string Marker = "// CustomerCare.SqliteLatency ";
    private static readonly double[] Fractions = [0.5, 0.9, 0.99, 0.999, 1];
    private static readonly ConcurrentDictionary<string, LatencySample> InProcess = new(StringComparer.Ordinal);

    /// <summary>Prints a method's latencies for the host to read, and keeps them for an in-process run.</summary>
    /// <param name="method">The benchmark method's name.</param>
    /// <param name="sample">Its latencies.</param>
    public static void Publish(string method, LatencySample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        InProcess[method] = sample;
        var percentiles = string.Join(' ', Fractions.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f}={sample.PercentileNanoseconds(f)}")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Marker}{method} count={sample.Count} {percentiles}"));
    }

    /// <inheritdoc />
    public string Id => nameof(LatencyPercentileColumn) + name;

    /// <inheritdoc />
    public string ColumnName => name;

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => (int)(fraction * 1000);

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend => $"Per-operation latency that {fraction:P1} of the recorded operations do not exceed (Stopwatch around each operation, nearest rank, every operation kept)";

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var method = benchmarkCase.Descriptor.WorkloadMethod.Name;
        if (InProcess.TryGetValue(method, out var sample) && sample.Count > 0)
        {
            return LatencySample.Format(sample.PercentileNanoseconds(fraction));
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"{fraction}=");
        var line = summary[benchmarkCase]?.ExecuteResults.SelectMany(r => r.StandardOutput ?? []).LastOrDefault(l => l.StartsWith(Marker + method + " ", StringComparison.Ordinal));
        var field = line?.Split(' ').FirstOrDefault(f => f.StartsWith(key, StringComparison.Ordinal));
        return field is not null && long.TryParse(field.AsSpan(key.Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out var nanoseconds) && nanoseconds > 0
            ? LatencySample.Format(nanoseconds)
            : "-";
    }

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
