using CustomerCare.Customers;
using CustomerCare.Segments.Evaluation;
using CustomerCare.Segments.Rules;

namespace CustomerCare.Benchmarks.Segments;

/// <summary>Everything the segment rule benchmarks read, built once per process from one seeded population.</summary>
internal sealed class SegmentBenchmarkData
{
    private SegmentBenchmarkData(Customer[] customers, CustomerTable table, SegmentRule rule, HandColumns hand, SegmentInput[] inputs)
    {
        Customers = customers;
        Table = table;
        Rule = rule;
        Hand = hand;
        Inputs = inputs;
    }

    public Customer[] Customers { get; }

    /// <summary>The snapshot, with the columns the rule reads already built.</summary>
    public CustomerTable Table { get; }

    /// <summary>The rule, parsed and compiled.</summary>
    public SegmentRule Rule { get; }

    public HandColumns Hand { get; }

    /// <summary>One flat object per customer, for the general-purpose engines.</summary>
    public SegmentInput[] Inputs { get; }

    public ulong[] NewBitSet() => new ulong[(Customers.Length + 63) / 64];

    public static SegmentBenchmarkData Build(int count)
    {
        var population = SyntheticPopulation.Generate(count);
        var customers = population.ToCustomers();
        var table = CustomerTable.Create(customers, SyntheticPopulation.AsOf);
        var rule = SegmentRule.Parse(FiveConditionRule.Text);

        // Compiles the rule and builds its columns, so the benchmarks measure only the scan.
        rule.Evaluate(table, new ulong[(count + 63) / 64]);

        var today = SyntheticPopulation.DayNumber(SyntheticPopulation.AsOf);
        var inputs = new SegmentInput[count];
        for (var i = 0; i < count; i++)
        {
            inputs[i] = new SegmentInput
            {
                AgeBand = FiveConditionRule.AgeBandNames[(int)population.AgeBands[i]],
                City = SyntheticPopulation.Cities[population.CityIndexes[i]],
                TotalSpend = population.Spend[i],
                Orders = population.Orders[i],
                DaysSinceLastOrder = population.LastOrderAt[i] is { } last ? today - SyntheticPopulation.DayNumber(last) : null,
            };
        }

        return new SegmentBenchmarkData(customers, table, rule, HandColumns.Project(customers, SyntheticPopulation.AsOf), inputs);
    }

    /// <summary>Throws unless every engine found the same members, and a sensible number of them.</summary>
    /// <param name="counts">Each engine's member count, by name.</param>
    /// <exception cref="InvalidOperationException">The engines disagree, or the rule selects nobody or everybody.</exception>
    public void CheckAgreement(params (string Engine, int Members)[] counts)
    {
        var summary = string.Join(", ", counts.Select(c => $"{c.Engine}={c.Members}"));
        if (counts.Select(c => c.Members).Distinct().Count() != 1)
        {
            throw new InvalidOperationException($"The engines disagree on the segment: {summary}.");
        }

        if (counts[0].Members == 0 || counts[0].Members == Customers.Length)
        {
            throw new InvalidOperationException($"The rule selects {counts[0].Members} of {Customers.Length} customers; the benchmark would not exercise it.");
        }

        Console.WriteLine($"// Segment members agree: {summary} of {Customers.Length} customers.");
    }
}
