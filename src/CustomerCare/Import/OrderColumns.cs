namespace CustomerCare.Import;

/// <summary>The columns of <c>orders.csv</c>; see <c>docs/csv-format.md</c>.</summary>
internal static class OrderColumns
{
    public const string OrderId = "order_id";
    public const string CustomerId = "customer_id";
    public const string PlacedAt = "placed_at";
    public const string Total = "total";
    public const string Currency = "currency";
    public const string Status = "status";
    public const string ShippedAt = "shipped_at";
    public const string DeliveredAt = "delivered_at";
    public const string CancelledAt = "cancelled_at";
    public const string ReturnedAt = "returned_at";
    public const string Refund = "refund";
    public const string ProductId = "product_id";
    public const string Category = "category";
    public const string Quantity = "quantity";
    public const string PromisedDeliveryDate = "promised_delivery_date";

    public static IReadOnlyList<CsvColumn> All { get; } =
    [
        new(OrderId, true), new(CustomerId, true), new(PlacedAt, true), new(Total, true), new(Currency, false),
        new(Status, true), new(ShippedAt, false), new(DeliveredAt, false), new(CancelledAt, false),
        new(ReturnedAt, false), new(Refund, false), new(ProductId, false), new(Category, false), new(Quantity, false),
        new(PromisedDeliveryDate, false),
    ];
}
