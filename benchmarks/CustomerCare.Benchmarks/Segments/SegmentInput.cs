namespace CustomerCare.Benchmarks.Segments;

/// <summary>
/// The flat, typed object a user of a general rules engine would build per customer: the five fields the benchmark
/// rule reads, with recency already turned into days (in the customer's zone).
/// </summary>
public sealed class SegmentInput
{
    /// <summary>The age band by its rule name, such as <c>25_34</c>.</summary>
    public required string AgeBand { get; init; }

    /// <summary>The city, or null.</summary>
    public string? City { get; init; }

    /// <summary>Net spend.</summary>
    public decimal TotalSpend { get; init; }

    /// <summary>Standing orders.</summary>
    public int Orders { get; init; }

    /// <summary>Days since the last order, or null without orders.</summary>
    public int? DaysSinceLastOrder { get; init; }
}
