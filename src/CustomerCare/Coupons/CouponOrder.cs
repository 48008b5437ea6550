using System.Collections.Immutable;
using CustomerCare.Customers;
using CustomerCare.Orders;

namespace CustomerCare.Coupons;

/// <summary>The order (or cart) a coupon is checked against.</summary>
/// <param name="OrderId">The order; with the code, the redemption's idempotency key.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Lines">The lines.</param>
/// <param name="Shipping">The shipping fee.</param>
public sealed record CouponOrder(OrderId OrderId, CustomerId CustomerId, ImmutableArray<OrderLine> Lines, Money Shipping)
{
    /// <summary>Codes already applied to the order, for the stacking rule.</summary>
    public ImmutableArray<string> OtherCodes { get; init; } = [];
}
