using System.Collections.Immutable;
using CustomerCare.Sample.Simulation;
using NodaTime;

namespace CustomerCare.Sample.Reporting;

/// <summary>The JSON document <c>simulate --json</c> writes: what the run did, and the report of the store after it.</summary>
/// <param name="Simulation">The run.</param>
/// <param name="Report">The report.</param>
public sealed record SimulationDocument(SimulationSummary Simulation, StoreReport Report);

/// <summary>A simulation run, as the JSON document shows it.</summary>
/// <param name="Seed">The seed.</param>
/// <param name="Customers">Customers simulated.</param>
/// <param name="Days">Days simulated.</param>
/// <param name="StartedAt">Where the simulated calendar started.</param>
/// <param name="EndedAt">Where it ended.</param>
/// <param name="EventsDelivered">Events handed to the library, retries included.</param>
/// <param name="EventsApplied">Events applied.</param>
/// <param name="AppliedByKind">Applied events by kind.</param>
/// <param name="DuplicatesSent">Events delivered twice on purpose.</param>
/// <param name="DuplicatesRecognized">Of those, how many were recognized as duplicates.</param>
/// <param name="Rejected">Events refused (each a bug in the simulation).</param>
/// <param name="Rejections">The refusals.</param>
/// <param name="EventsInFlight">Events planned after the last day.</param>
public sealed record SimulationSummary(
    int Seed,
    int Customers,
    int Days,
    Instant StartedAt,
    Instant EndedAt,
    int EventsDelivered,
    int EventsApplied,
    ImmutableSortedDictionary<string, int> AppliedByKind,
    int DuplicatesSent,
    int DuplicatesRecognized,
    int Rejected,
    ImmutableArray<RejectedEvent> Rejections,
    int EventsInFlight)
{
    /// <summary>Summarizes a run.</summary>
    /// <param name="result">The run.</param>
    /// <returns>The summary.</returns>
    public static SimulationSummary From(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new SimulationSummary(
            result.Settings.Seed,
            result.Settings.Customers,
            result.Settings.Days,
            result.StartedAt,
            result.EndedAt,
            result.EventsDelivered,
            result.EventsApplied,
            result.AppliedByKind,
            result.DuplicatesSent,
            result.DuplicatesRecognized,
            result.Rejections.Length,
            result.Rejections,
            result.EventsInFlight);
    }
}
