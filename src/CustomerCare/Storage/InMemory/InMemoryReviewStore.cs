using CustomerCare.Customers;
using CustomerCare.Feedback.Reviews;
using CustomerCare.Privacy.Erasure;
using NodaTime;

namespace CustomerCare.Storage.InMemory;

/// <summary>The default <see cref="IReviewStore"/>, in process memory.</summary>
/// <remarks>Thread-safe: one lock; each product keeps its reviews sorted by posting instant, then identifier.</remarks>
public sealed class InMemoryReviewStore : IReviewStore, IPersonalDataHolder
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ProductReview> _reviews = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ProductReview>> _byProduct = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<bool> AddAsync(ProductReview review, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_reviews.TryAdd(review.ReviewId, review))
            {
                return ValueTask.FromResult(false);
            }

            if (!_byProduct.TryGetValue(review.ProductId, out var reviews))
            {
                reviews = [];
                _byProduct.Add(review.ProductId, reviews);
            }

            var at = reviews.BinarySearch(review, PostingOrder.Instance);
            reviews.Insert(at < 0 ? ~at : at, review);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<ProductReview?> FindAsync(string reviewId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reviewId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return ValueTask.FromResult(_reviews.GetValueOrDefault(reviewId));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ProductReview>> RecentAsync(string productId, Instant asOf, Duration window, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        CheckWindow(window);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_byProduct.TryGetValue(productId, out var reviews))
            {
                return ValueTask.FromResult<IReadOnlyList<ProductReview>>([]);
            }

            var start = asOf - window;
            var recent = new List<ProductReview>();
            for (var i = reviews.Count - 1; i >= 0 && recent.Count < limit && reviews[i].PostedAt > start; i--)
            {
                if (reviews[i].PostedAt <= asOf)
                {
                    recent.Add(reviews[i]);
                }
            }

            return ValueTask.FromResult<IReadOnlyList<ProductReview>>(recent);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<string>> ReviewedProductsAsync(Instant asOf, Duration window, CancellationToken cancellationToken = default)
    {
        CheckWindow(window);
        cancellationToken.ThrowIfCancellationRequested();
        var start = asOf - window;
        lock (_lock)
        {
            var products = _byProduct
                .Where(p => p.Value.Exists(r => r.PostedAt > start && r.PostedAt <= asOf))
                .Select(p => p.Key)
                .Order(StringComparer.Ordinal)
                .ToArray();
            return ValueTask.FromResult<IReadOnlyList<string>>(products);
        }
    }

    /// <inheritdoc />
    /// <remarks>Section <c>reviews</c>.</remarks>
    public ValueTask<IReadOnlyList<PersonalDataSection>> ExportAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var reviews = OfCustomer(customerId);
            return ValueTask.FromResult<IReadOnlyList<PersonalDataSection>>(reviews.Length == 0 ? [] : [PersonalDataSection.From("reviews", reviews)]);
        }
    }

    /// <inheritdoc />
    /// <remarks>Masks the reviews' texts; product, rating and instant stay, so review health does not move.</remarks>
    public ValueTask<ErasureChanges> EraseAsync(CustomerId customerId, ErasureContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var changed = 0;
            foreach (var review in OfCustomer(customerId))
            {
                if (PersonalDataRedaction.TryRedact(review, context, out var redacted))
                {
                    _reviews[review.ReviewId] = redacted;
                    var ofProduct = _byProduct[review.ProductId];
                    ofProduct[ofProduct.BinarySearch(review, PostingOrder.Instance)] = redacted;
                    changed++;
                }
            }

            return ValueTask.FromResult(ErasureChanges.None.With("reviews", changed));
        }
    }

    private ProductReview[] OfCustomer(CustomerId customerId) =>
        [.. _reviews.Values.Where(r => r.CustomerId == customerId).OrderBy(r => r.ReviewId, StringComparer.Ordinal)];

    private static void CheckWindow(Duration window)
    {
        if (window <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "A window must be positive.");
        }
    }

    private sealed class PostingOrder : IComparer<ProductReview>
    {
        public static readonly PostingOrder Instance = new();

        public int Compare(ProductReview? x, ProductReview? y)
        {
            var byTime = x!.PostedAt.CompareTo(y!.PostedAt);
            return byTime != 0 ? byTime : string.CompareOrdinal(x.ReviewId, y.ReviewId);
        }
    }
}
