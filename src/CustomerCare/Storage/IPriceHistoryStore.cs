using NodaTime;

namespace CustomerCare.Storage;

/// <summary>
/// The prices a product was sold at, fed by the platform, so that a campaign's "was" price can be checked against the
/// lowest price of the previous 30 days (the honest-discount rule, also the EU Omnibus rule).
/// </summary>
/// <remarks>
/// <para>A price recorded at instant t holds from t until the next price of the same product. Recording the same
/// product, instant and price again changes nothing; a different price at the same instant replaces it.</para>
/// <para>Thread-safe. Product identifiers compare ordinally; amounts are exact decimals.</para>
/// </remarks>
public interface IPriceHistoryStore
{
    /// <summary>Records a price from an instant on.</summary>
    /// <param name="productId">The product.</param>
    /// <param name="price">The price, not negative.</param>
    /// <param name="from">When it took effect.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the price is stored.</returns>
    ValueTask RecordAsync(string productId, Money price, Instant from, CancellationToken cancellationToken = default);

    /// <summary>The lowest price in force at any moment of an interval, including the price already in force at its start.</summary>
    /// <param name="productId">The product.</param>
    /// <param name="from">The start, included.</param>
    /// <param name="until">The end, excluded.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The lowest price, or <see langword="null"/> when no price was in force in the interval.</returns>
    ValueTask<Money?> LowestPriceAsync(string productId, Instant from, Instant until, CancellationToken cancellationToken = default);
}
