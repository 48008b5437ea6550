using CustomerCare.Customers;
using CustomerCare.Privacy.Erasure;
using CustomerCare.Feedback.Reviews;
using CustomerCare.PostgreSql.Internal;
using CustomerCare.Storage;
using CustomerCare.Storage.Serialization;
using NodaTime;

namespace CustomerCare.PostgreSql;

/// <summary>The <see cref="IReviewStore"/> on PostgreSQL: reviews as JSON documents keyed by review id, indexed by product and posting instant.</summary>
/// <remarks>Thread-safe, and safe across processes: adding relies on the primary key (<c>ON CONFLICT DO NOTHING</c>).</remarks>
public sealed class PostgreSqlReviewStore : IReviewStore, IPersonalDataHolder
{
    private readonly PostgreSqlDatabase _database;
    private readonly string _insert;
    private readonly string _find;
    private readonly string _recent;
    private readonly string _products;

    /// <summary>Creates the store over a database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlReviewStore(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _insert = database.Sql("INSERT INTO {s}.reviews (review_id, product_id, posted_at, document) VALUES ($1, $2, $3, $4) ON CONFLICT (review_id) DO NOTHING");
        _find = database.Sql("SELECT document FROM {s}.reviews WHERE review_id = $1");
        _recent = database.Sql("SELECT document FROM {s}.reviews WHERE product_id = $1 AND posted_at > $2 AND posted_at <= $3 ORDER BY posted_at DESC, review_id DESC LIMIT $4");
        _products = database.Sql("SELECT DISTINCT product_id FROM {s}.reviews WHERE posted_at > $1 AND posted_at <= $2");
    }

    /// <inheritdoc />
    public async ValueTask<bool> AddAsync(ProductReview review, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        var document = StorageJson.Serialize(review);
        return await _database.WriteAsync(
            async (tx, ct) => await tx.ExecuteAsync(_insert, ct, review.ReviewId, review.ProductId, PgValues.At(review.PostedAt), PgTransaction.Jsonb(document)).ConfigureAwait(false) == 1,
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<ProductReview?> FindAsync(string reviewId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reviewId);
        return await _database.ReadAsync((tx, ct) => tx.FirstAsync(_find, Read, ct, reviewId), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<ProductReview>> RecentAsync(string productId, Instant asOf, Duration window, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        CheckWindow(window);
        var reviews = await _database.ReadAsync((tx, ct) => tx.ListAsync(_recent, Read, ct, productId, PgValues.At(asOf - window), PgValues.At(asOf), limit), cancellationToken).ConfigureAwait(false);
        return reviews;
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<string>> ReviewedProductsAsync(Instant asOf, Duration window, CancellationToken cancellationToken = default)
    {
        CheckWindow(window);
        var products = await _database.ReadAsync((tx, ct) => tx.ListAsync(_products, r => r.GetString(0), ct, PgValues.At(asOf - window), PgValues.At(asOf)), cancellationToken).ConfigureAwait(false);
        products.Sort(StringComparer.Ordinal);
        return products;
    }

    private static void CheckWindow(Duration window)
    {
        if (window <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "A window must be positive.");
        }
    }

    private static ProductReview Read(Npgsql.NpgsqlDataReader r) => StorageJson.Deserialize<ProductReview>(r.GetString(0));

    /// <inheritdoc />
    /// <remarks>Section <c>reviews</c>; found through the document's customer, as reviews are not indexed by customer.</remarks>
    public async ValueTask<IReadOnlyList<PersonalDataSection>> ExportAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var ofCustomer = _database.Sql("SELECT document FROM {s}.reviews WHERE document ->> 'customer_id' = $1 ORDER BY review_id");
        var reviews = await _database.ReadAsync((tx, ct) => tx.ListAsync(ofCustomer, Read, ct, customerId.Value), cancellationToken).ConfigureAwait(false);
        return reviews.Count == 0 ? [] : [PersonalDataSection.From("reviews", reviews)];
    }

    /// <inheritdoc />
    /// <remarks>Masks the reviews' texts in one transaction; product, rating and instant stay, so review health does not move.</remarks>
    public async ValueTask<ErasureChanges> EraseAsync(CustomerId customerId, ErasureContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ofCustomer = _database.Sql("SELECT document FROM {s}.reviews WHERE document ->> 'customer_id' = $1 ORDER BY review_id FOR UPDATE");
        var update = _database.Sql("UPDATE {s}.reviews SET document = $2 WHERE review_id = $1");
        return await _database.WriteAsync(
            async (tx, ct) =>
            {
                var changed = 0;
                foreach (var review in await tx.ListAsync(ofCustomer, Read, ct, customerId.Value).ConfigureAwait(false))
                {
                    if (PersonalDataRedaction.TryRedact(review, context, out var redacted))
                    {
                        changed += await tx.ExecuteAsync(update, ct, review.ReviewId, PgTransaction.Jsonb(StorageJson.Serialize(redacted))).ConfigureAwait(false);
                    }
                }

                return ErasureChanges.None.With("reviews", changed);
            },
            cancellationToken).ConfigureAwait(false);
    }
}
