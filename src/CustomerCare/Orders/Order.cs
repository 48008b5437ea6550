using System.Collections.Immutable;
using CustomerCare.Customers;
using NodaTime;

namespace CustomerCare.Orders;

/// <summary>An order as the platform reported it, with the moments of its life and what was refunded.</summary>
/// <remarks>Immutable; <see cref="CommerceEventApplier"/> produces the next state. <see cref="Version"/> is set by the store.</remarks>
public sealed record Order
{
    /// <summary>Creates a placed order.</summary>
    /// <param name="id">The order identifier.</param>
    /// <param name="customerId">The customer who placed it.</param>
    /// <param name="placedAt">When it was placed.</param>
    /// <param name="total">What the customer paid, not negative.</param>
    /// <exception cref="FieldValidationException">The total is negative.</exception>
    public Order(OrderId id, CustomerId customerId, Instant placedAt, Money total)
    {
        if (total.IsNegative)
        {
            throw FieldValidationException.For("total", total.ToString(), FieldErrorCodes.OutOfRange, "must not be negative");
        }

        Id = id;
        CustomerId = customerId;
        PlacedAt = placedAt;
        Total = total;
        RefundedTotal = Money.Zero(total.Currency);
    }

    /// <summary>The order identifier.</summary>
    public OrderId Id { get; }

    /// <summary>The customer who placed it.</summary>
    public CustomerId CustomerId { get; }

    /// <summary>When it was placed.</summary>
    public Instant PlacedAt { get; }

    /// <summary>What the customer paid.</summary>
    public Money Total { get; }

    /// <summary>The lines, when the platform sent them.</summary>
    public ImmutableArray<OrderLine> Lines { get; init; } = [];

    /// <summary>The delivery date promised to the customer, in the customer's zone, when one was given.</summary>
    public LocalDate? PromisedDeliveryDate { get; init; }

    /// <summary>Where the order is now.</summary>
    public OrderStatus Status { get; init; }

    /// <summary>When it was shipped.</summary>
    public Instant? ShippedAt { get; init; }

    /// <summary>When it was delivered.</summary>
    public Instant? DeliveredAt { get; init; }

    /// <summary>When it was cancelled.</summary>
    public Instant? CancelledAt { get; init; }

    /// <summary>When the latest return was recorded.</summary>
    public Instant? LastReturnAt { get; init; }

    /// <summary>The sum of refunds so far.</summary>
    public Money RefundedTotal { get; init; }

    /// <summary>What the order still counts for in the customer's spend: the total less refunds.</summary>
    public Money NetTotal => Total - RefundedTotal;

    /// <summary>The version the store last saved; 0 for an order never saved.</summary>
    public long Version { get; init; }
}
