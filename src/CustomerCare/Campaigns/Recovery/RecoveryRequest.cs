using CustomerCare.Customers;
using CustomerCare.Orders;
using NodaTime;

namespace CustomerCare.Campaigns.Recovery;

/// <summary>A compensation to issue for a broken promise, as the satisfaction policy decided it.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Subject">What the promise was broken on, such as <c>order:S-1001</c> or <c>complaint:CMP-…</c>: one compensation per subject per kind.</param>
/// <param name="Kind">The kind of broken promise, such as <c>late_delivery</c>.</param>
/// <param name="CouponDefinitionId">The coupon definition of the compensation; it must exist in the coupon store.</param>
/// <param name="ValidFor">How long the coupon is valid.</param>
public sealed record RecoveryRequest(CustomerId CustomerId, string Subject, string Kind, string CouponDefinitionId, Duration ValidFor)
{
    /// <summary>A compensation for a promise broken on an order.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="orderId">The order.</param>
    /// <param name="kind">The kind of broken promise.</param>
    /// <param name="couponDefinitionId">The coupon definition.</param>
    /// <param name="validFor">How long the coupon is valid.</param>
    /// <returns>The request, with the subject <c>order:</c> and the order identifier.</returns>
    public static RecoveryRequest ForOrder(CustomerId customerId, OrderId orderId, string kind, string couponDefinitionId, Duration validFor) =>
        new(customerId, "order:" + orderId.Value, kind, couponDefinitionId, validFor);
}
