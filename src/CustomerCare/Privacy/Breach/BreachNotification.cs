using CustomerCare.Customers;
using NodaTime;

namespace CustomerCare.Privacy.Breach;

/// <summary>Evidence that one affected customer's notice was queued.</summary>
/// <param name="BreachId">The breach.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="MessageId">The outbox message id; its delivery status is read back from the outbox.</param>
/// <param name="QueuedAt">When the notice was queued.</param>
public sealed record BreachNotification(string BreachId, CustomerId CustomerId, string MessageId, Instant QueuedAt);
