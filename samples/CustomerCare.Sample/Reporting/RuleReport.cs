using CustomerCare.Sample.Simulation;
using NodaTime;

namespace CustomerCare.Sample.Reporting;

/// <summary>What <c>segments --rule "…"</c> shows: how many customers an ad-hoc rule selects, and the first of them.</summary>
/// <param name="AsOf">The evaluation instant (the clock's).</param>
/// <param name="Customers">Customers evaluated.</param>
/// <param name="Simulated">The simulation run first because the store was empty, or <see langword="null"/>.</param>
/// <param name="Rule">The rule as typed.</param>
/// <param name="CanonicalRule">The rule as the library reads it back (canonical text).</param>
/// <param name="Size">Customers matching.</param>
/// <param name="Share">Matches per customer, 0 to 1.</param>
/// <param name="Members">The first <see cref="SegmentReportBuilder.RuleMembersShown"/> members by customer identifier.</param>
public sealed record RuleReport(Instant AsOf, int Customers, SimulationSettings? Simulated, string Rule, string CanonicalRule, int Size, decimal Share, IReadOnlyList<RuleMember> Members);

/// <summary>A customer a rule selected.</summary>
/// <param name="CustomerId">The identifier.</param>
/// <param name="Name">The full name.</param>
/// <param name="City">The city, when known.</param>
public sealed record RuleMember(string CustomerId, string Name, string? City);
