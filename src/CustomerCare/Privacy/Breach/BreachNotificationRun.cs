using CustomerCare.Customers;
using NodaTime;

namespace CustomerCare.Privacy.Breach;

/// <summary>What one <see cref="BreachNotifier.NotifyAsync"/> run did.</summary>
/// <param name="BreachId">The breach.</param>
/// <param name="Affected">How many affected customers were found.</param>
/// <param name="Queued">How many notices this run put in the outbox.</param>
/// <param name="AlreadyQueued">How many were in the outbox from an earlier run (a rerun, or one that crashed).</param>
/// <param name="Unreachable">The customers no registered channel can reach, or listed but not found; tell them another way.</param>
/// <param name="StartedAt">When the run started.</param>
/// <param name="FinishedAt">When it finished.</param>
public sealed record BreachNotificationRun(string BreachId, long Affected, long Queued, long AlreadyQueued, IReadOnlyList<CustomerId> Unreachable, Instant StartedAt, Instant FinishedAt);
