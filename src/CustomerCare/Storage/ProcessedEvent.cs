using CustomerCare.Customers;
using CustomerCare.Orders;
using NodaTime;

namespace CustomerCare.Storage;

/// <summary>A ledger entry: an event that was applied, to whom, and when.</summary>
/// <param name="EventId">The event identifier.</param>
/// <param name="Kind">The event kind, such as <c>order_placed</c>.</param>
/// <param name="CustomerId">The customer it concerned.</param>
/// <param name="ProcessedAt">When it was applied.</param>
public sealed record ProcessedEvent(EventId EventId, string Kind, CustomerId CustomerId, Instant ProcessedAt);
