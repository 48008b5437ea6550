using CustomerCare.Customers;
using CustomerCare.Sqlite.Internal;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Sqlite;

/// <summary>The SQLite <see cref="IPriceHistoryStore"/>: one row per (product, instant), the primary key making a repeat an update.</summary>
/// <remarks>Thread-safe; see <see cref="SqliteDatabase"/> for transactions and retries.</remarks>
public sealed class SqlitePriceHistoryStore : IPriceHistoryStore
{
    private readonly SqliteDatabase _database;

    /// <summary>Creates the store over a database.</summary>
    /// <param name="database">The database.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public SqlitePriceHistoryStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public async ValueTask RecordAsync(string productId, Money price, Instant from, CancellationToken cancellationToken = default)
    {
        // The product identifier follows the same rules as every other identifier: the customer id's check says so.
        if (!CustomerId.TryFrom(productId, out _, out var error, "product_id"))
        {
            throw new FieldValidationException(error);
        }

        if (price.IsNegative)
        {
            throw FieldValidationException.For("price", price.ToString(), FieldErrorCodes.OutOfRange, "must not be negative");
        }

        var at = SqliteValues.Stored(from, "from");
        await _database.WriteAsync(
            async write =>
            {
                using var command = write.Command(
                    "INSERT INTO prices (product_id, effective_at, amount, currency) VALUES ($product, $at, $amount, $currency) "
                    + "ON CONFLICT (product_id, effective_at) DO UPDATE SET amount = excluded.amount, currency = excluded.currency;")
                    .With("$product", productId)
                    .With("$at", at)
                    .With("$amount", SqliteValues.Amount(price.Amount))
                    .With("$currency", price.Currency.Code);
                return await command.ExecuteNonQueryAsync(write.CancellationToken);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<Money?> LowestPriceAsync(string productId, Instant from, Instant until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productId);
        if (until <= from)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return null;
        }

        // The price in force at the start (the latest at or before it), and every price that took effect inside the interval.
        return await _database.ReadAsync(
            async connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText =
                    "SELECT amount, currency FROM (SELECT amount, currency FROM prices WHERE product_id = $product AND effective_at <= $from ORDER BY effective_at DESC LIMIT 1) "
                    + "UNION ALL SELECT amount, currency FROM prices WHERE product_id = $product AND effective_at > $from AND effective_at < $until;";
                command.With("$product", productId).With("$from", SqliteValues.Bound(from)).With("$until", SqliteValues.Bound(until));
                Money? lowest = null;
                using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var price = reader.GetMoney(0, 1);
                    if (lowest is null || price < lowest.Value)
                    {
                        lowest = price;
                    }
                }

                return lowest;
            },
            cancellationToken,
            snapshot: true);
    }
}
