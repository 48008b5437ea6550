using NodaTime;

namespace CustomerCare.Sample.Simulation;

/// <summary>Where a running simulation is, reported once per simulated day.</summary>
/// <param name="Day">Days done so far.</param>
/// <param name="Days">Days in the run.</param>
/// <param name="Date">The date just simulated, in Istanbul.</param>
/// <param name="EventsApplied">Events the library applied so far.</param>
public sealed record SimulationProgress(int Day, int Days, LocalDate Date, int EventsApplied);
