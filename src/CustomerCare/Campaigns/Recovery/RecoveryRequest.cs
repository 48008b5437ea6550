using CustomerCare.Customers;
using CustomerCare.Orders;
using NodaTime;

namespace CustomerCare.Campaigns.Recovery;

/// <summary>A compensation to issue for a broken promise on one order, as the satisfaction policy decided it.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="OrderId">The order the promise was broken on.</param>
/// <param name="Kind">The kind of broken promise, such as <c>late_delivery</c>: one compensation per order per kind.</param>
/// <param name="CouponDefinitionId">The coupon definition of the compensation; it must exist in the coupon store.</param>
/// <param name="ValidFor">How long the coupon is valid.</param>
public sealed record RecoveryRequest(CustomerId CustomerId, OrderId OrderId, string Kind, string CouponDefinitionId, Duration ValidFor);
