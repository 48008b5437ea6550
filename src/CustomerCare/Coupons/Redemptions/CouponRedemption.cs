using CustomerCare.Coupons.Codes;
using CustomerCare.Customers;
using CustomerCare.Orders;
using NodaTime;

namespace CustomerCare.Coupons.Redemptions;

/// <summary>One use of a code by one order; the pair (code, order) is its idempotency key.</summary>
/// <param name="Code">The code.</param>
/// <param name="OrderId">The order.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Discount">The amount taken off.</param>
/// <param name="State">Where it is in its life.</param>
/// <param name="ReservedAt">When it was reserved.</param>
public sealed record CouponRedemption(CouponCode Code, OrderId OrderId, CustomerId CustomerId, Money Discount, RedemptionState State, Instant ReservedAt)
{
    /// <summary>When it was confirmed, if it was.</summary>
    public Instant? ConfirmedAt { get; init; }

    /// <summary>When it was released, if it was.</summary>
    public Instant? ReleasedAt { get; init; }

    /// <summary>Whether it holds a use (reserved or confirmed).</summary>
    public bool IsActive => State != RedemptionState.Released;
}

/// <summary>A request to reserve a use of a code for an order.</summary>
/// <param name="Code">The code.</param>
/// <param name="OrderId">The order; with the code, the idempotency key.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Discount">The amount the order takes off.</param>
/// <param name="At">When.</param>
public sealed record RedemptionRequest(CouponCode Code, OrderId OrderId, CustomerId CustomerId, Money Discount, Instant At);
