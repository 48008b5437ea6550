using CustomerCare.Customers;
using CustomerCare.Orders;

namespace CustomerCare.Import;

/// <summary>The <c>reviews.csv</c> format: one row per product review.</summary>
internal static class ReviewCsv
{
    /// <summary>The longest review or product identifier accepted.</summary>
    public const int MaxIdLength = 128;

    /// <summary>Reads one row; returns <see langword="null"/> when any value was refused (each refusal is reported).</summary>
    /// <param name="row">The row.</param>
    /// <param name="reviewId">The review identifier when it is valid, even if another value was refused.</param>
    /// <param name="customerId">The customer identifier when it is valid, even if another value was refused.</param>
    /// <param name="orderId">The order identifier when one is given and valid, even if another value was refused.</param>
    public static ImportedReview? Read(CsvRow row, out string? reviewId, out CustomerId? customerId, out OrderId? orderId)
    {
        reviewId = ReadId(row, ReviewColumns.ReviewId);
        customerId = CustomerCsv.ReadId(row, ReviewColumns.CustomerId);
        var productId = ReadId(row, ReviewColumns.ProductId);
        var rating = row.Integer(ReviewColumns.Rating, 1, 5, required: true);
        var postedAt = row.Instant(ReviewColumns.PostedAt, required: true);
        orderId = OrderCsv.ReadOrderId(row, ReviewColumns.OrderId, required: false);
        var text = row.Text(ReviewColumns.Text)?.Trim();
        if (row.HasErrors || reviewId is null || customerId is not { } owner || productId is null || rating is not { } stars || postedAt is not { } at)
        {
            return null;
        }

        return new ImportedReview(row.Ref, reviewId, owner, productId, (int)stars, at) { OrderId = orderId, Text = text };
    }

    private static string? ReadId(CsvRow row, string column)
    {
        var text = row.Required(column);
        if (text is null)
        {
            return null;
        }

        if (Identifiers.Check(text, MaxIdLength, column) is { } error)
        {
            row.Error(error);
            return null;
        }

        return text;
    }
}
