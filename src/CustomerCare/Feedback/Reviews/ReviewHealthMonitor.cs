using CustomerCare.Orders;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Feedback.Reviews;

/// <summary>
/// Flags a product that keeps getting negative reviews: records every <see cref="ReviewPosted"/> event and judges each
/// product on its recent reviews.
/// </summary>
/// <remarks>
/// <para>A product is judged on its last <see cref="ReviewHealthOptions.RecentReviewCount"/> reviews posted within
/// <see cref="ReviewHealthOptions.Window"/> up to the instant asked about. With at least
/// <see cref="ReviewHealthOptions.MinimumReviews"/> of them, it is flagged when their average is below
/// <see cref="ReviewHealthOptions.AverageRatingBelow"/> or their share of 1–2 star reviews is above
/// <see cref="ReviewHealthOptions.NegativeShareAbove"/>.</para>
/// <para>The flag is computed from the stored reviews each time, never stored: a product recovers as soon as better
/// reviews push the bad ones out of the count, or the bad ones age out of the window.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class ReviewHealthMonitor : ICommerceEventObserver
{
    private readonly IReviewStore _reviews;
    private readonly ReviewHealthOptions _options;

    /// <summary>Creates the monitor.</summary>
    /// <param name="reviews">The review store.</param>
    /// <param name="options">The settings.</param>
    /// <exception cref="FieldValidationException">A setting is out of range.</exception>
    public ReviewHealthMonitor(IReviewStore reviews, ReviewHealthOptions options)
    {
        _reviews = reviews ?? throw new ArgumentNullException(nameof(reviews));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _options.Validate();
    }

    /// <summary>Records the review a committed <see cref="ReviewPosted"/> event reports, once per event identifier.</summary>
    /// <param name="commerceEvent">The committed event; anything but <see cref="ReviewPosted"/> is ignored.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the review is stored (or was already).</returns>
    /// <exception cref="FieldValidationException">The rating is outside 1–5 (field <c>rating</c>) or the product identifier is invalid.</exception>
    public async ValueTask OnCommittedAsync(CommerceEvent commerceEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commerceEvent);
        if (commerceEvent is ReviewPosted posted)
        {
            await RecordAsync(ProductReview.From(posted), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Records a review, once per <see cref="ProductReview.ReviewId"/>.</summary>
    /// <param name="review">The review.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> when stored now; <see langword="false"/> when it was already.</returns>
    public ValueTask<bool> RecordAsync(ProductReview review, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        return _reviews.AddAsync(review, cancellationToken);
    }

    /// <summary>How one product's recent reviews look at an instant, flagged or not.</summary>
    /// <param name="productId">The product.</param>
    /// <param name="asOf">The instant; reviews posted up to and including it count.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The product's review health.</returns>
    public async ValueTask<ProductReviewHealth> CheckAsync(string productId, Instant asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productId);
        var recent = await _reviews.RecentAsync(productId, asOf, _options.Window, _options.RecentReviewCount, cancellationToken).ConfigureAwait(false);
        return Assess(productId, recent);
    }

    /// <summary>The products flagged at an instant, ordered by product identifier (ordinal).</summary>
    /// <param name="asOf">The instant; reviews posted up to and including it count.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Each flagged product with its average, negative share, count and reasons.</returns>
    public async ValueTask<IReadOnlyList<ProductReviewHealth>> FlaggedProductsAsync(Instant asOf, CancellationToken cancellationToken = default)
    {
        var products = await _reviews.ReviewedProductsAsync(asOf, _options.Window, cancellationToken).ConfigureAwait(false);
        var flagged = new List<ProductReviewHealth>();
        foreach (var productId in products)
        {
            var health = await CheckAsync(productId, asOf, cancellationToken).ConfigureAwait(false);
            if (health.IsFlagged)
            {
                flagged.Add(health);
            }
        }

        return flagged;
    }

    private ProductReviewHealth Assess(string productId, IReadOnlyList<ProductReview> recent)
    {
        if (recent.Count == 0)
        {
            return new ProductReviewHealth(productId, 0, 0m, 0m, ReviewFlagReasons.None);
        }

        var average = (decimal)recent.Sum(r => r.Rating) / recent.Count;
        var negativeShare = (decimal)recent.Count(r => r.IsNegative) / recent.Count;
        var reasons = ReviewFlagReasons.None;
        if (recent.Count >= _options.MinimumReviews)
        {
            reasons |= average < _options.AverageRatingBelow ? ReviewFlagReasons.LowAverage : ReviewFlagReasons.None;
            reasons |= negativeShare > _options.NegativeShareAbove ? ReviewFlagReasons.ManyNegative : ReviewFlagReasons.None;
        }

        return new ProductReviewHealth(productId, recent.Count, average, negativeShare, reasons);
    }
}
