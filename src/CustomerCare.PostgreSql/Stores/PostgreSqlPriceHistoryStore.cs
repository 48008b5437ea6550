using CustomerCare.PostgreSql.Internal;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.PostgreSql;

/// <summary>The <see cref="IPriceHistoryStore"/> on PostgreSQL: one row per product and instant, replaced by an upsert.</summary>
/// <remarks>Thread-safe; product identifiers compare bytewise (ordinally); amounts are exact <c>numeric</c> values.</remarks>
public sealed class PostgreSqlPriceHistoryStore : IPriceHistoryStore
{
    private readonly PostgreSqlDatabase _database;
    private readonly string _upsert;
    private readonly string _inForce;

    /// <summary>Creates the store over a database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlPriceHistoryStore(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _upsert = database.Sql("""
            INSERT INTO {s}.prices (product_id, effective_at, amount, currency) VALUES ($1, $2, $3, $4)
            ON CONFLICT (product_id, effective_at) DO UPDATE SET amount = excluded.amount, currency = excluded.currency
            """);
        // The prices in force during [from, until): the one in force at 'from' and every later one before 'until'.
        _inForce = database.Sql("""
            SELECT amount, currency FROM {s}.prices
            WHERE product_id = $1 AND effective_at < $3
              AND effective_at >= COALESCE((SELECT max(effective_at) FROM {s}.prices WHERE product_id = $1 AND effective_at <= $2), -9223372036854775808)
            ORDER BY effective_at
            """);
    }

    /// <inheritdoc />
    public async ValueTask RecordAsync(string productId, Money price, Instant from, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(productId) || productId.Length > 128 || char.IsWhiteSpace(productId[0]) || char.IsWhiteSpace(productId[^1]) || productId.Any(char.IsControl))
        {
            throw FieldValidationException.For("product_id", productId, string.IsNullOrWhiteSpace(productId) ? FieldErrorCodes.Required : FieldErrorCodes.Malformed, "must be 1 to 128 characters, not padded, without control characters");
        }

        if (price.IsNegative)
        {
            throw FieldValidationException.For("price", price.ToString(), FieldErrorCodes.OutOfRange, "must not be negative");
        }

        await _database.WriteAsync((tx, ct) => tx.ExecuteAsync(_upsert, ct, productId, PgValues.At(from), price.Amount, price.Currency.Code), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<Money?> LowestPriceAsync(string productId, Instant from, Instant until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productId);
        cancellationToken.ThrowIfCancellationRequested();
        if (until <= from)
        {
            return null;
        }

        var prices = await _database.ReadAsync((tx, ct) => tx.ListAsync(_inForce, r => r.GetMoney(0, 1), ct, productId, PgValues.At(from), PgValues.At(until)), cancellationToken).ConfigureAwait(false);
        Money? lowest = null;
        foreach (var price in prices)
        {
            if (lowest is null || price < lowest.Value)
            {
                lowest = price;
            }
        }

        return lowest;
    }
}
