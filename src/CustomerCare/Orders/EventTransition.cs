using System.Diagnostics.CodeAnalysis;
using CustomerCare.Customers;

namespace CustomerCare.Orders;

/// <summary>The outcome of applying one event in memory: the next states, or why the event was refused.</summary>
public sealed record EventTransition
{
    private EventTransition(Customer? customer, Order? order, EventRejection? rejection)
    {
        Customer = customer;
        Order = order;
        Rejection = rejection;
    }

    /// <summary>The customer's next state; <see langword="null"/> when rejected.</summary>
    public Customer? Customer { get; }

    /// <summary>The order's next state, for order events; otherwise <see langword="null"/>.</summary>
    public Order? Order { get; }

    /// <summary>Why the event was refused, or <see langword="null"/> when it applies.</summary>
    public EventRejection? Rejection { get; }

    /// <summary>Whether the event was refused.</summary>
    [MemberNotNullWhen(true, nameof(Rejection))]
    [MemberNotNullWhen(false, nameof(Customer))]
    public bool IsRejected => Rejection is not null;

    /// <summary>A transition that applies.</summary>
    /// <param name="customer">The customer's next state.</param>
    /// <param name="order">The order's next state, or <see langword="null"/>.</param>
    /// <returns>The transition.</returns>
    public static EventTransition To(Customer customer, Order? order = null) => new(customer ?? throw new ArgumentNullException(nameof(customer)), order, null);

    /// <summary>A refused transition.</summary>
    /// <param name="rejection">Why.</param>
    /// <returns>The transition.</returns>
    public static EventTransition Rejected(EventRejection rejection) => new(null, null, rejection ?? throw new ArgumentNullException(nameof(rejection)));
}
