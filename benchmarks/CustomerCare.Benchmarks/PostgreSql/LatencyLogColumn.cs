using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace CustomerCare.Benchmarks.PostgreSql;

/// <summary>
/// A report column with a percentile of a <see cref="LatencyLog"/> that a benchmark method filled. The benchmark
/// process prints each log on a line of its standard output (<see cref="Publish"/>), and the host reads it back from
/// that benchmark case's output; an in-process run shows <c>-</c>.
/// </summary>
/// <param name="log">The log's name, such as <c>wave</c>.</param>
/// <param name="statistic">The field printed by <see cref="LatencyLog.Summary"/>: <c>p50</c>, <c>p99</c>, …</param>
/// <param name="name">The column header.</param>
/// <param name="legend">What the column means.</param>
internal sealed class LatencyLogColumn(string log, string statistic, string name, string legend) : IColumn
{
    private const string Marker = "// CustomerCare.PgLatency ";

    /// <summary>Prints a method's log for the host to read.</summary>
    /// <param name="method">The benchmark method's name.</param>
    /// <param name="log">The log's name.</param>
    /// <param name="latencies">The log.</param>
    public static void Publish(string method, string log, LatencyLog latencies) =>
        Console.WriteLine($"{Marker}{method} {log} {latencies.Summary()}");

    /// <inheritdoc />
    public string Id => nameof(LatencyLogColumn) + name;

    /// <inheritdoc />
    public string ColumnName => name;

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => 0;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend => legend;

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var prefix = Marker + benchmarkCase.Descriptor.WorkloadMethod.Name + " " + log + " ";
        var key = statistic + "=";
        var line = summary[benchmarkCase]?.ExecuteResults.SelectMany(r => r.StandardOutput ?? []).LastOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        var field = line?.Split(' ').FirstOrDefault(f => f.StartsWith(key, StringComparison.Ordinal));
        return field is not null && double.TryParse(field.AsSpan(key.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && !double.IsNaN(ms)
            ? ms.ToString(statistic == "count" ? "N0" : "N3", CultureInfo.InvariantCulture) + (statistic == "count" ? string.Empty : " ms")
            : "-";
    }

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
