using CustomerCare.Customers;
using CustomerCare.Orders;
using NodaTime;

namespace CustomerCare.Import;

/// <summary>A valid row of <c>customers.csv</c>: the profile to register, and whether its <c>accepts_marketing</c> column grants marketing consent.</summary>
internal sealed record ImportedCustomer(RowRef Source, Customer Profile, bool AcceptsMarketing = false);

/// <summary>A valid row of <c>orders.csv</c>: the order and the moments of its life.</summary>
internal sealed record ImportedOrder(RowRef Source, OrderId OrderId, CustomerId CustomerId, OrderStatus Status, Instant PlacedAt, Money Total)
{
    public Instant? ShippedAt { get; init; }

    public Instant? DeliveredAt { get; init; }

    public Instant? CancelledAt { get; init; }

    public Instant? ReturnedAt { get; init; }

    public Money? Refund { get; init; }

    public OrderLine? Line { get; init; }

    public LocalDate? PromisedDeliveryDate { get; init; }
}

/// <summary>A valid row of <c>reviews.csv</c>.</summary>
internal sealed record ImportedReview(RowRef Source, string ReviewId, CustomerId CustomerId, string ProductId, int Rating, Instant PostedAt)
{
    public OrderId? OrderId { get; init; }

    public string? Text { get; init; }
}
