using CustomerCare.Sample.Simulation;
using NodaTime;

namespace CustomerCare.Sample.Reporting;

/// <summary>What <c>rfm</c> shows: the quintile cut points, and customers per RFM segment and per lifecycle stage.</summary>
/// <param name="AsOf">The instant the scores describe (the clock's).</param>
/// <param name="Customers">Customers in the population.</param>
/// <param name="Simulated">The simulation run first because the store was empty, or <see langword="null"/>.</param>
/// <param name="Currency">The ISO 4217 code of the monetary cut points.</param>
/// <param name="CutPoints">The cut points.</param>
/// <param name="Segments">Customers per RFM segment, keyed by the rule language's names (<c>champions</c> … <c>none</c>); they sum to <paramref name="Customers"/>.</param>
/// <param name="Lifecycle">Customers per lifecycle stage (<c>prospect</c> … <c>lapsed</c>); they sum to <paramref name="Customers"/>.</param>
public sealed record RfmReport(
    Instant AsOf,
    int Customers,
    SimulationSettings? Simulated,
    string Currency,
    RfmCutPointFigures CutPoints,
    IReadOnlyDictionary<string, int> Segments,
    IReadOnlyDictionary<string, int> Lifecycle);

/// <summary>The 20/40/60/80 % quantiles each score is cut at, over the customers with orders.</summary>
/// <param name="Method"><c>nearest_rank</c> or <c>interpolated</c>.</param>
/// <param name="Population">Customers with orders, the ones scored.</param>
/// <param name="Quantiles">The probabilities: 0.2, 0.4, 0.6, 0.8.</param>
/// <param name="RecencyDays">Days since the last order at each quantile (fewer days score higher); empty without buyers.</param>
/// <param name="Frequency">Standing orders at each quantile; empty without buyers.</param>
/// <param name="Monetary">Net spend at each quantile, rounded to the currency's minor units; empty without buyers.</param>
public sealed record RfmCutPointFigures(string Method, int Population, IReadOnlyList<decimal> Quantiles, IReadOnlyList<decimal> RecencyDays, IReadOnlyList<decimal> Frequency, IReadOnlyList<decimal> Monetary);
