using CustomerCare.Customers;
using CustomerCare.Feedback.Reviews;
using CustomerCare.Privacy.Erasure;
using Microsoft.Data.Sqlite;
using CustomerCare.Sqlite.Internal;
using CustomerCare.Storage;
using CustomerCare.Storage.Serialization;
using NodaTime;

namespace CustomerCare.Sqlite;

/// <summary>The SQLite <see cref="IReviewStore"/>: reviews as JSON documents, unique on the review identifier, indexed by (product, posting instant).</summary>
/// <remarks>Thread-safe; see <see cref="SqliteDatabase"/>.</remarks>
public sealed class SqliteReviewStore : IReviewStore, IPersonalDataHolder
{
    private readonly SqliteDatabase _database;

    /// <summary>Creates the store over a database.</summary>
    /// <param name="database">The database.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public SqliteReviewStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public async ValueTask<bool> AddAsync(ProductReview review, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(review);
        var postedAt = SqliteValues.Stored(review.PostedAt, "posted_at");
        var document = StorageJson.Serialize(review);
        return await _database.WriteAsync(
            async write =>
            {
                using var insert = write.Command("INSERT INTO reviews (review_id, product_id, posted_at, document) VALUES ($id, $product, $at, $document) ON CONFLICT (review_id) DO NOTHING;")
                    .With("$id", review.ReviewId).With("$product", review.ProductId).With("$at", postedAt).With("$document", document);
                return await insert.ExecuteNonQueryAsync(write.CancellationToken) == 1;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<ProductReview?> FindAsync(string reviewId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reviewId);
        return await _database.ReadAsync(
            async connection =>
            {
                using var command = connection.Command("SELECT document FROM reviews WHERE review_id = $id;");
                command.With("$id", reviewId);
                return await command.ExecuteScalarAsync(cancellationToken) is string document ? StorageJson.Deserialize<ProductReview>(document) : null;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<ProductReview>> RecentAsync(string productId, Instant asOf, Duration window, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        CheckWindow(window);
        var reviews = await _database.ReadAsync(
            async connection =>
            {
                using var command = connection.Command("SELECT document FROM reviews WHERE product_id = $product AND posted_at > $start AND posted_at <= $asOf;");
                command.With("$product", productId).With("$start", SqliteValues.Bound(asOf - window)).With("$asOf", SqliteValues.Bound(asOf));
                var found = new List<ProductReview>();
                using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    found.Add(StorageJson.Deserialize<ProductReview>(reader.GetString(0)));
                }

                return found;
            },
            cancellationToken);
        return [.. reviews.OrderByDescending(r => r.PostedAt).ThenByDescending(r => r.ReviewId, StringComparer.Ordinal).Take(limit)];
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<string>> ReviewedProductsAsync(Instant asOf, Duration window, CancellationToken cancellationToken = default)
    {
        CheckWindow(window);
        var products = await _database.ReadAsync(
            async connection =>
            {
                using var command = connection.Command("SELECT DISTINCT product_id FROM reviews WHERE posted_at > $start AND posted_at <= $asOf;");
                command.With("$start", SqliteValues.Bound(asOf - window)).With("$asOf", SqliteValues.Bound(asOf));
                var found = new List<string>();
                using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    found.Add(reader.GetString(0));
                }

                return found;
            },
            cancellationToken);
        return [.. products.Order(StringComparer.Ordinal)];
    }

    private static void CheckWindow(Duration window)
    {
        if (window <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "A window must be positive.");
        }
    }

    /// <inheritdoc />
    /// <remarks>Section <c>reviews</c>; found through the document's customer, as reviews are not indexed by customer.</remarks>
    public async ValueTask<IReadOnlyList<PersonalDataSection>> ExportAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var reviews = await _database.ReadAsync(
            async connection =>
            {
                using var command = connection.CreateCommand();
                return await ReadOfCustomerAsync(command, customerId, cancellationToken);
            },
            cancellationToken);
        return reviews.Count == 0 ? [] : [PersonalDataSection.From("reviews", reviews)];
    }

    /// <inheritdoc />
    /// <remarks>Masks the reviews' texts in one transaction; product, rating and instant stay, so review health does not move.</remarks>
    public async ValueTask<ErasureChanges> EraseAsync(CustomerId customerId, ErasureContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await _database.WriteAsync(
            async write =>
            {
                var changed = 0;
                using var select = write.Command(string.Empty);
                foreach (var review in await ReadOfCustomerAsync(select, customerId, write.CancellationToken))
                {
                    if (PersonalDataRedaction.TryRedact(review, context, out var redacted))
                    {
                        using var update = write.Command("UPDATE reviews SET document = $document WHERE review_id = $id;").With("$document", StorageJson.Serialize(redacted)).With("$id", review.ReviewId);
                        changed += await update.ExecuteNonQueryAsync(write.CancellationToken);
                    }
                }

                return ErasureChanges.None.With("reviews", changed);
            },
            cancellationToken);
    }

    private static async ValueTask<IReadOnlyList<ProductReview>> ReadOfCustomerAsync(SqliteCommand command, CustomerId customerId, CancellationToken cancellationToken)
    {
        command.CommandText = "SELECT document FROM reviews WHERE json_extract(document, '$.customer_id') = $customer ORDER BY review_id;";
        command.With("$customer", customerId.Value);
        var reviews = new List<ProductReview>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            reviews.Add(StorageJson.Deserialize<ProductReview>(reader.GetString(0)));
        }

        return reviews;
    }
}
