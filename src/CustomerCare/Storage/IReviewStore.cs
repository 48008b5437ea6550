using CustomerCare.Feedback.Reviews;
using NodaTime;

namespace CustomerCare.Storage;

/// <summary>Stores product reviews for review health: added once by identifier, read newest first per product.</summary>
/// <remarks>
/// <para><b>Idempotency.</b> <see cref="AddAsync"/> relies on a unique key on <see cref="ProductReview.ReviewId"/>,
/// never a pre-check: the same review added twice, or concurrently, is stored once, and the first one stays.</para>
/// <para><b>Windows.</b> The reads count reviews posted in (<c>asOf − window</c>, <c>asOf</c>]: after the start,
/// up to and including <c>asOf</c>.</para>
/// <para><b>Thread safety.</b> Every member may be called concurrently, from several processes for a shared database.
/// Cancellation throws <see cref="OperationCanceledException"/> and writes nothing. Identifiers compare ordinally
/// (<c>sku-i</c> and <c>SKU-I</c> are different products, under every culture). Reviews are never deleted.</para>
/// </remarks>
public interface IReviewStore
{
    /// <summary>Stores a review unless one with its identifier exists.</summary>
    /// <param name="review">The review.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> when stored; <see langword="false"/> when the identifier exists (nothing changed).</returns>
    ValueTask<bool> AddAsync(ProductReview review, CancellationToken cancellationToken = default);

    /// <summary>Finds a review.</summary>
    /// <param name="reviewId">The review identifier.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The review, or <see langword="null"/>.</returns>
    ValueTask<ProductReview?> FindAsync(string reviewId, CancellationToken cancellationToken = default);

    /// <summary>A product's latest reviews posted in (<paramref name="asOf"/> − <paramref name="window"/>, <paramref name="asOf"/>], newest first (by posting instant, then by identifier, descending).</summary>
    /// <param name="productId">The product.</param>
    /// <param name="asOf">The end of the window, included.</param>
    /// <param name="window">The length of the window; positive.</param>
    /// <param name="limit">The most reviews to return; at least 1.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reviews.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is below 1 or <paramref name="window"/> is not positive.</exception>
    ValueTask<IReadOnlyList<ProductReview>> RecentAsync(string productId, Instant asOf, Duration window, int limit, CancellationToken cancellationToken = default);

    /// <summary>The products with at least one review posted in (<paramref name="asOf"/> − <paramref name="window"/>, <paramref name="asOf"/>], ordered ordinally.</summary>
    /// <param name="asOf">The end of the window, included.</param>
    /// <param name="window">The length of the window; positive.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The product identifiers.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is not positive.</exception>
    ValueTask<IReadOnlyList<string>> ReviewedProductsAsync(Instant asOf, Duration window, CancellationToken cancellationToken = default);
}
