using CustomerCare.Specifications;

namespace CustomerCare.Orders;

/// <summary>
/// The orders placed or shipped, not yet delivered or cancelled, that carry a promised delivery date: what the nightly
/// broken-promise sweep checks.
/// </summary>
/// <remarks>
/// Stores recognise this type and read only the placed and shipped orders through an index on the status, instead of
/// every order ever placed; they check the criterion on what they read, so the result equals the in-memory evaluator's.
/// Immutable and thread-safe.
/// </remarks>
public sealed class UndeliveredPromisedOrdersSpecification : Specification<Order>
{
    /// <summary>Creates the specification.</summary>
    public UndeliveredPromisedOrdersSpecification() =>
        Query.Where(o => (o.Status == OrderStatus.Placed || o.Status == OrderStatus.Shipped) && o.PromisedDeliveryDate != null);
}
