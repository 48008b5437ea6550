using CustomerCare.Customers;
using CustomerCare.Orders;

namespace CustomerCare.Returns;

/// <summary>A customer's request to return, exchange or claim warranty on an order's item.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="CustomerId">Who asks; it must be the order's customer.</param>
/// <param name="Kind">What they ask for.</param>
/// <param name="Reason">Why.</param>
public sealed record ReturnRequest(OrderId OrderId, CustomerId CustomerId, ReturnKind Kind, ReturnReason Reason)
{
    /// <summary>Whether the item was opened (a sealed product's seal broken).</summary>
    public bool Opened { get; init; }

    /// <summary>The product's category, for the excluded categories.</summary>
    public string? ProductCategory { get; init; }
}
