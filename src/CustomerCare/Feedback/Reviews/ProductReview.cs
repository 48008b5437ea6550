using System.Globalization;
using CustomerCare.Customers;
using CustomerCare.Orders;
using NodaTime;

namespace CustomerCare.Feedback.Reviews;

/// <summary>A customer's star rating of a product, as kept for review health.</summary>
/// <remarks>
/// Always valid: the constructor checks every value and the checked properties cannot be changed with <c>with</c>.
/// A review from a <see cref="ReviewPosted"/> event takes the event identifier as its <see cref="ReviewId"/>
/// (<see cref="From"/>), so the same event delivered twice is the same review.
/// </remarks>
public sealed record ProductReview
{
    /// <summary>The longest review identifier accepted (the length of an <see cref="EventId"/>).</summary>
    public const int MaxReviewIdLength = EventId.MaxLength;

    /// <summary>The longest product identifier accepted.</summary>
    public const int MaxProductIdLength = 128;

    /// <summary>Creates a review.</summary>
    /// <param name="reviewId">The review's identifier, unique across products.</param>
    /// <param name="productId">The product reviewed.</param>
    /// <param name="customerId">The customer who posted it.</param>
    /// <param name="rating">The star rating, 1 to 5.</param>
    /// <param name="postedAt">When it was posted.</param>
    /// <exception cref="FieldValidationException">An identifier is blank, too long, padded or has control characters (field <c>review_id</c> or <c>product_id</c>), or the rating is outside 1–5 (field <c>rating</c>).</exception>
    public ProductReview(string reviewId, string productId, CustomerId customerId, int rating, Instant postedAt)
    {
        var errors = new List<FieldError>();
        if (Identifiers.Check(reviewId, MaxReviewIdLength, "review_id") is { } reviewError)
        {
            errors.Add(reviewError);
        }

        if (Identifiers.Check(productId, MaxProductIdLength, "product_id") is { } productError)
        {
            errors.Add(productError);
        }

        if (RatingError(rating) is { } ratingError)
        {
            errors.Add(ratingError);
        }

        if (customerId == default)
        {
            errors.Add(FieldErrors.Create("customer_id", null, FieldErrorCodes.Required, "is required"));
        }

        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }

        ReviewId = reviewId;
        ProductId = productId;
        CustomerId = customerId;
        Rating = rating;
        PostedAt = postedAt;
    }

    /// <summary>The review's identifier; the store's idempotency key.</summary>
    public string ReviewId { get; }

    /// <summary>The product reviewed; compared ordinally.</summary>
    public string ProductId { get; }

    /// <summary>The customer who posted it.</summary>
    public CustomerId CustomerId { get; }

    /// <summary>The star rating, 1 to 5.</summary>
    public int Rating { get; }

    /// <summary>When it was posted.</summary>
    public Instant PostedAt { get; }

    /// <summary>The order the review refers to, when known.</summary>
    public OrderId? OrderId { get; init; }

    /// <summary>The review text, when any. Kept, never deleted: a negative review is answered, not removed.</summary>
    public string? Text { get; init; }

    /// <summary>Whether the rating is negative: 1 or 2 stars.</summary>
    public bool IsNegative => Rating <= 2;

    /// <summary>The review a <see cref="ReviewPosted"/> event reports, keyed by the event identifier.</summary>
    /// <param name="posted">The event.</param>
    /// <returns>The review.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="posted"/> is <see langword="null"/>.</exception>
    /// <exception cref="FieldValidationException">The rating is outside 1–5 or the product identifier is invalid.</exception>
    public static ProductReview From(ReviewPosted posted)
    {
        ArgumentNullException.ThrowIfNull(posted);
        return new ProductReview(posted.EventId.Value, posted.ProductId, posted.CustomerId, posted.Rating, posted.OccurredAt)
        {
            OrderId = posted.OrderId,
            Text = posted.Text,
        };
    }

    private static FieldError? RatingError(int rating) => rating is < 1 or > 5
        ? FieldErrors.Create("rating", rating.ToString(CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, "must be between 1 and 5")
        : null;
}
