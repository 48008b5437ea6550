using System.Collections.Immutable;
using NodaTime;

namespace CustomerCare.Sample.Simulation;

/// <summary>What a simulation sent to the library and how the library answered.</summary>
/// <remarks>
/// Every event but a deliberate retry should be applied and every retry recognized as a duplicate; a rejection is a
/// bug in the simulation. <see cref="IsClean"/> sums that up.
/// </remarks>
public sealed record SimulationResult
{
    /// <summary>The settings of the run.</summary>
    public required SimulationSettings Settings { get; init; }

    /// <summary>Where the simulated calendar started.</summary>
    public required Instant StartedAt { get; init; }

    /// <summary>Where it ended: the clock after the last day.</summary>
    public required Instant EndedAt { get; init; }

    /// <summary>Events handed to the library, retries included.</summary>
    public required int EventsDelivered { get; init; }

    /// <summary>Events the library applied.</summary>
    public required int EventsApplied { get; init; }

    /// <summary>Applied events by kind (<c>order_placed</c>, …), in ordinal key order.</summary>
    public required ImmutableSortedDictionary<string, int> AppliedByKind { get; init; }

    /// <summary>Events delivered a second time on purpose, as a platform does when it retries.</summary>
    public required int DuplicatesSent { get; init; }

    /// <summary>Of those, how many the library recognized as duplicates and ignored.</summary>
    public required int DuplicatesRecognized { get; init; }

    /// <summary>Events the library refused; each is a bug in the simulation.</summary>
    public required ImmutableArray<RejectedEvent> Rejections { get; init; }

    /// <summary>Events planned after the last day (parcels still on the road), never delivered.</summary>
    public required int EventsInFlight { get; init; }

    /// <summary>Coupons the scheduled campaigns issued during the run (run once per simulated day), by campaign.</summary>
    public IReadOnlyDictionary<string, int> ScheduledCouponsIssued { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>What the simulated customers and staff did on the care side.</summary>
    public Care.CareActivity Care { get; init; } = new();

    /// <summary>Days simulated by earlier runs on the same store, which this run continued after; 0 for a fresh store.</summary>
    public int ResumedAfterDays { get; init; }

    /// <summary>Where the store is kept: a SQLite file, <c>PostgreSQL</c> or <c>memory</c>.</summary>
    public string Store { get; init; } = "memory";

    /// <summary>What the outbox dispatcher did with the messages of this run.</summary>
    public MessageActivity Messages { get; init; } = new(0, 0, 0, 0);

    /// <summary>Whether every event was applied once and every retry was recognized.</summary>
    public bool IsClean => Rejections.IsEmpty && DuplicatesRecognized == DuplicatesSent && EventsApplied == EventsDelivered - DuplicatesSent;
}

/// <summary>An event the library refused.</summary>
/// <param name="Kind">The event kind.</param>
/// <param name="EventId">The event identifier.</param>
/// <param name="Code">The rejection code.</param>
/// <param name="Message">The library's explanation.</param>
public sealed record RejectedEvent(string Kind, string EventId, string Code, string Message);

/// <summary>What the outbox dispatcher did over a run, and what waits at its end.</summary>
/// <param name="Sent">Messages handed to their channel.</param>
/// <param name="Failed">Messages the channel refused for good.</param>
/// <param name="DeadLettered">Messages given up after every retry.</param>
/// <param name="Waiting">Messages still in the outbox at the end: deferred by quiet hours or the frequency cap, or retrying.</param>
public sealed record MessageActivity(int Sent, int Failed, int DeadLettered, long Waiting);
