using CustomerCare.Sample.Simulation;
using NodaTime;

namespace CustomerCare.Sample.Reporting;

/// <summary>What <c>segments</c> shows: every segment of the catalog with its size and who entered or left it.</summary>
/// <param name="AsOf">The evaluation instant (the clock's).</param>
/// <param name="Customers">Customers evaluated.</param>
/// <param name="Simulated">The simulation run first because the store was empty, or <see langword="null"/>.</param>
/// <param name="Segments">One line per segment, in catalog order (built-in first).</param>
public sealed record SegmentsReport(Instant AsOf, int Customers, SimulationSettings? Simulated, IReadOnlyList<SegmentSize> Segments);

/// <summary>One segment at an evaluation.</summary>
/// <param name="Name">The segment key, such as <c>one_time_buyers</c>.</param>
/// <param name="Description">What it means.</param>
/// <param name="Rule">Its rule, as canonical text.</param>
/// <param name="Size">Members now.</param>
/// <param name="Share">Members per customer, 0 to 1.</param>
/// <param name="Entered">Members now who were not at the previous evaluation (all of them at the first).</param>
/// <param name="Left">Members at the previous evaluation who are not now.</param>
/// <param name="PreviousEvaluationAt">The previous evaluation of this segment, or <see langword="null"/> at the first.</param>
public sealed record SegmentSize(string Name, string? Description, string Rule, int Size, decimal Share, int Entered, int Left, Instant? PreviousEvaluationAt);
