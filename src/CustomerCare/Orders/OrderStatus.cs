namespace CustomerCare.Orders;

/// <summary>Where an order is in its life.</summary>
/// <remarks>
/// Allowed moves: <see cref="Placed"/> → <see cref="Shipped"/> → <see cref="Delivered"/>; <see cref="Placed"/> or
/// <see cref="Shipped"/> → <see cref="Cancelled"/>; <see cref="Delivered"/> → <see cref="PartiallyReturned"/> →
/// <see cref="Returned"/> as refunds reach the order total.
/// </remarks>
public enum OrderStatus
{
    /// <summary>Placed and not yet shipped.</summary>
    Placed = 0,

    /// <summary>Handed to the carrier.</summary>
    Shipped,

    /// <summary>Delivered to the customer.</summary>
    Delivered,

    /// <summary>Cancelled before delivery.</summary>
    Cancelled,

    /// <summary>Some items returned and refunded.</summary>
    PartiallyReturned,

    /// <summary>Refunds reached the whole order total.</summary>
    Returned,
}
