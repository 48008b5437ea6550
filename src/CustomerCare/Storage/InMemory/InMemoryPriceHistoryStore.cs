using NodaTime;

namespace CustomerCare.Storage.InMemory;

/// <summary>The default <see cref="IPriceHistoryStore"/>, in process memory.</summary>
/// <remarks>Thread-safe: one lock; each product keeps its prices sorted by instant.</remarks>
public sealed class InMemoryPriceHistoryStore : IPriceHistoryStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SortedList<Instant, Money>> _prices = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask RecordAsync(string productId, Money price, Instant from, CancellationToken cancellationToken = default)
    {
        if (Identifiers.Check(productId, 128, "product_id") is { } error)
        {
            throw new FieldValidationException(error);
        }

        if (price.IsNegative)
        {
            throw FieldValidationException.For("price", price.ToString(), FieldErrorCodes.OutOfRange, "must not be negative");
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_prices.TryGetValue(productId, out var history))
            {
                history = [];
                _prices.Add(productId, history);
            }

            history[from] = price;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<Money?> LowestPriceAsync(string productId, Instant from, Instant until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_prices.TryGetValue(productId, out var history) || until <= from)
            {
                return ValueTask.FromResult<Money?>(null);
            }

            Money? lowest = null;
            for (var i = 0; i < history.Count; i++)
            {
                var effective = history.Keys[i];
                var replaced = i + 1 < history.Count ? history.Keys[i + 1] : Instant.MaxValue;
                if (effective < until && replaced > from && (lowest is null || history.Values[i] < lowest.Value))
                {
                    lowest = history.Values[i];
                }
            }

            return ValueTask.FromResult(lowest);
        }
    }
}
