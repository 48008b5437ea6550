using System.Collections.Immutable;
using CustomerCare.Customers;
using NodaTime;

namespace CustomerCare.Orders;

/// <summary>
/// Something the platform reports about a customer: registration, an order's life, a review. Each event carries an
/// <see cref="EventId"/>; applying the same event twice changes nothing.
/// </summary>
/// <param name="EventId">The platform's identifier of this event.</param>
/// <param name="CustomerId">The customer it concerns.</param>
/// <param name="OccurredAt">When it happened on the platform.</param>
public abstract record CommerceEvent(EventId EventId, CustomerId CustomerId, Instant OccurredAt)
{
    /// <summary>A short stable name of the event kind, such as <c>order_placed</c>, for logs and metrics.</summary>
    public abstract string Kind { get; }
}

/// <summary>A customer registered, or the platform re-sent their profile.</summary>
/// <remarks>
/// For a customer already known, the profile fields are replaced and statistics, engagement and sign-up instant are
/// kept. A changed birthday is stamped with <see cref="CommerceEvent.OccurredAt"/>, which starts the campaigns'
/// anti-gaming wait, so a profile update must carry the instant it happened, not the sign-up instant.
/// </remarks>
/// <param name="EventId">The event identifier.</param>
/// <param name="Profile">The customer's profile.</param>
/// <param name="OccurredAt">When the registration or the profile change happened.</param>
public sealed record CustomerRegistered(EventId EventId, Customer Profile, Instant OccurredAt)
    : CommerceEvent(EventId, Profile.Id, OccurredAt)
{
    /// <summary>A first registration, which happened when the customer signed up.</summary>
    /// <param name="eventId">The event identifier.</param>
    /// <param name="profile">The customer's profile.</param>
    public CustomerRegistered(EventId eventId, Customer profile)
        : this(eventId, profile, (profile ?? throw new ArgumentNullException(nameof(profile))).SignedUpAt)
    {
    }

    /// <inheritdoc />
    public override string Kind => "customer_registered";
}

/// <summary>An order was placed.</summary>
/// <param name="EventId">The event identifier.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="OccurredAt">When it was placed.</param>
/// <param name="OrderId">The order.</param>
/// <param name="Total">What the customer paid, in the store currency.</param>
public sealed record OrderPlaced(EventId EventId, CustomerId CustomerId, Instant OccurredAt, OrderId OrderId, Money Total)
    : CommerceEvent(EventId, CustomerId, OccurredAt)
{
    /// <summary>The order lines, when known.</summary>
    public ImmutableArray<OrderLine> Lines { get; init; } = [];

    /// <summary>The delivery date promised to the customer, when one was given.</summary>
    public LocalDate? PromisedDeliveryDate { get; init; }

    /// <inheritdoc />
    public override string Kind => "order_placed";
}

/// <summary>An order was handed to the carrier.</summary>
/// <param name="EventId">The event identifier.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="OccurredAt">When it was shipped.</param>
/// <param name="OrderId">The order.</param>
public sealed record OrderShipped(EventId EventId, CustomerId CustomerId, Instant OccurredAt, OrderId OrderId)
    : CommerceEvent(EventId, CustomerId, OccurredAt)
{
    /// <inheritdoc />
    public override string Kind => "order_shipped";

    /// <summary>The carrier, such as <c>Yurtiçi Kargo</c>, for the shipping message; optional.</summary>
    public string? Carrier { get; init; }

    /// <summary>The carrier's tracking number, for the shipping message; optional.</summary>
    public string? TrackingNumber { get; init; }

    /// <summary>Where the customer can follow the parcel, for the shipping message; optional.</summary>
    public string? TrackingUrl { get; init; }
}

/// <summary>An order was delivered.</summary>
/// <param name="EventId">The event identifier.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="OccurredAt">When it was delivered.</param>
/// <param name="OrderId">The order.</param>
public sealed record OrderDelivered(EventId EventId, CustomerId CustomerId, Instant OccurredAt, OrderId OrderId)
    : CommerceEvent(EventId, CustomerId, OccurredAt)
{
    /// <inheritdoc />
    public override string Kind => "order_delivered";
}

/// <summary>An order was cancelled before delivery.</summary>
/// <param name="EventId">The event identifier.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="OccurredAt">When it was cancelled.</param>
/// <param name="OrderId">The order.</param>
public sealed record OrderCancelled(EventId EventId, CustomerId CustomerId, Instant OccurredAt, OrderId OrderId)
    : CommerceEvent(EventId, CustomerId, OccurredAt)
{
    /// <inheritdoc />
    public override string Kind => "order_cancelled";
}

/// <summary>Items of a delivered order came back and were refunded.</summary>
/// <param name="EventId">The event identifier.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="OccurredAt">When the return was recorded.</param>
/// <param name="OrderId">The order.</param>
/// <param name="Refund">The amount refunded, more than zero and at most what the order still counts for.</param>
public sealed record OrderReturned(EventId EventId, CustomerId CustomerId, Instant OccurredAt, OrderId OrderId, Money Refund)
    : CommerceEvent(EventId, CustomerId, OccurredAt)
{
    /// <summary>Why the items came back, when the platform knows; a damaged or wrong item is a broken promise.</summary>
    public ReturnReason Reason { get; init; }

    /// <inheritdoc />
    public override string Kind => "order_returned";
}

/// <summary>A customer posted a product review.</summary>
/// <param name="EventId">The event identifier.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="OccurredAt">When it was posted.</param>
/// <param name="ProductId">The product reviewed.</param>
/// <param name="Rating">The star rating, 1 to 5.</param>
public sealed record ReviewPosted(EventId EventId, CustomerId CustomerId, Instant OccurredAt, string ProductId, int Rating)
    : CommerceEvent(EventId, CustomerId, OccurredAt)
{
    /// <summary>The order the review refers to, when known.</summary>
    public OrderId? OrderId { get; init; }

    /// <summary>The review text, when any.</summary>
    public string? Text { get; init; }

    /// <inheritdoc />
    public override string Kind => "review_posted";
}
