namespace CustomerCare.Import;

/// <summary>The columns of <c>reviews.csv</c>; see <c>docs/csv-format.md</c>.</summary>
internal static class ReviewColumns
{
    public const string ReviewId = "review_id";
    public const string CustomerId = "customer_id";
    public const string ProductId = "product_id";
    public const string Rating = "rating";
    public const string PostedAt = "posted_at";
    public const string OrderId = "order_id";
    public const string Text = "text";

    public static IReadOnlyList<CsvColumn> All { get; } =
    [
        new(ReviewId, true), new(CustomerId, true), new(ProductId, true), new(Rating, true), new(PostedAt, true),
        new(OrderId, false), new(Text, false),
    ];
}
