using System.Globalization;
using CustomerCare.Customers;
using CustomerCare.Orders;
using NodaTime;

namespace CustomerCare.Testing;

/// <summary>Makes platform events for tests, each with an event identifier no other call of this instance gave.</summary>
/// <remarks>
/// <para>
/// Identifiers read <c>prefix-000001</c>, <c>prefix-000002</c>, …. The default prefix differs for every instance in
/// the process (<c>evt1</c>, <c>evt2</c>, …) because a repeated event identifier is not an error but a silent
/// duplicate: <see cref="CustomerEventProcessor"/> would skip the second event and the test would check the wrong
/// thing. Pass a prefix for identifiers you want to read in a snapshot.
/// </para>
/// <para>Thread-safe: concurrent calls never share an identifier.</para>
/// </remarks>
public sealed class CommerceEvents
{
    private static int _instances;
    private readonly string _prefix;
    private int _next;

    /// <summary>Creates a factory with a prefix of its own.</summary>
    public CommerceEvents()
        : this(string.Create(CultureInfo.InvariantCulture, $"evt{Interlocked.Increment(ref _instances)}"))
    {
    }

    /// <summary>Creates a factory whose identifiers start with <paramref name="prefix"/>.</summary>
    /// <param name="prefix">The identifier prefix.</param>
    /// <exception cref="ArgumentException"><paramref name="prefix"/> is blank.</exception>
    public CommerceEvents(string prefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        _prefix = prefix;
    }

    /// <summary>Takes the next event identifier.</summary>
    /// <returns>An identifier this instance never gave before.</returns>
    public EventId NextEventId() =>
        EventId.From(string.Create(CultureInfo.InvariantCulture, $"{_prefix}-{Interlocked.Increment(ref _next):D6}"));

    /// <summary>A customer registered; it occurs at <see cref="Customer.SignedUpAt"/>.</summary>
    /// <param name="customer">The profile.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customer"/> is <see langword="null"/>.</exception>
    public CustomerRegistered Registered(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return new CustomerRegistered(NextEventId(), customer);
    }

    /// <summary>An order was placed.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="orderId">The order.</param>
    /// <param name="amount">The order total.</param>
    /// <param name="at">When it was placed.</param>
    /// <returns>The event; set lines or a promised date with <c>with { … }</c>.</returns>
    public OrderPlaced Placed(CustomerId customerId, OrderId orderId, Money amount, Instant at) =>
        new(NextEventId(), customerId, at, orderId, amount);

    /// <summary>An order was shipped.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="orderId">The order.</param>
    /// <param name="at">When it was shipped.</param>
    /// <returns>The event.</returns>
    public OrderShipped Shipped(CustomerId customerId, OrderId orderId, Instant at) => new(NextEventId(), customerId, at, orderId);

    /// <summary>An order was delivered.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="orderId">The order.</param>
    /// <param name="at">When it was delivered.</param>
    /// <returns>The event.</returns>
    public OrderDelivered Delivered(CustomerId customerId, OrderId orderId, Instant at) => new(NextEventId(), customerId, at, orderId);

    /// <summary>An order was cancelled.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="orderId">The order.</param>
    /// <param name="at">When it was cancelled.</param>
    /// <returns>The event.</returns>
    public OrderCancelled Cancelled(CustomerId customerId, OrderId orderId, Instant at) => new(NextEventId(), customerId, at, orderId);

    /// <summary>Items of an order came back and were refunded.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="orderId">The order.</param>
    /// <param name="refund">The refund.</param>
    /// <param name="at">When the return was recorded.</param>
    /// <returns>The event.</returns>
    public OrderReturned Returned(CustomerId customerId, OrderId orderId, Money refund, Instant at) =>
        new(NextEventId(), customerId, at, orderId, refund);

    /// <summary>A customer posted a review.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="productId">The product reviewed.</param>
    /// <param name="rating">The rating, 1 to 5 (other values let you test the rejection).</param>
    /// <param name="at">When it was posted.</param>
    /// <returns>The event.</returns>
    public ReviewPosted Reviewed(CustomerId customerId, string productId, int rating, Instant at) =>
        new(NextEventId(), customerId, at, productId, rating);
}
