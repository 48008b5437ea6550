using BenchmarkDotNet.Attributes;
using CustomerCare.Customers;
using CustomerCare.Segments.Evaluation;
using CustomerCare.Segments.Rules;

namespace CustomerCare.Benchmarks.Segments;

/// <summary>
/// The snapshot cost: building a <see cref="CustomerTable"/> over 1M customers and evaluating the 5-condition rule on
/// it for the first time, which builds the five columns it reads and "today" per customer; beside a hand-written
/// projection of the same five fields into plain arrays followed by the hand-written scan.
/// </summary>
[MemoryDiagnoser]
public class CustomerTableBenchmarks
{
    private const int CustomerCount = 1_000_000;

    private Customer[] _customers = [];
    private SegmentRule _rule = null!;
    private ulong[] _bits = [];

    [GlobalSetup]
    public void Setup()
    {
        _customers = SyntheticPopulation.Generate(CustomerCount).ToCustomers();
        _bits = new ulong[(CustomerCount + 63) / 64];
        _rule = SegmentRule.Parse(FiveConditionRule.Text);

        // Compiles the rule on a small table, so only the snapshot and the scan are measured.
        _rule.Evaluate(CustomerTable.Create(_customers.Take(64), SyntheticPopulation.AsOf), new ulong[1]);

        var (hand, ours) = (HandProjection(), CreateAndFirstEvaluate());
        if (hand != ours || hand == 0)
        {
            throw new InvalidOperationException($"The snapshots disagree: hand-written {hand} members, CustomerTable {ours}.");
        }

        Console.WriteLine($"// Snapshot members agree: {ours} of {CustomerCount} customers.");
    }

    /// <summary>The floor: the five fields projected by hand, then the hand-written scan.</summary>
    [Benchmark(Baseline = true)]
    public int HandProjection()
    {
        var columns = HandColumns.Project(_customers, SyntheticPopulation.AsOf);
        columns.Scan(_bits);
        return HandColumns.PopCount(_bits);
    }

    /// <summary><see cref="CustomerTable.Create"/> and the first <see cref="SegmentRule.Evaluate(CustomerTable, ulong[])"/>.</summary>
    [Benchmark]
    public int CreateAndFirstEvaluate()
    {
        var table = CustomerTable.Create(_customers, SyntheticPopulation.AsOf);
        _rule.Evaluate(table, _bits);
        return HandColumns.PopCount(_bits);
    }
}
