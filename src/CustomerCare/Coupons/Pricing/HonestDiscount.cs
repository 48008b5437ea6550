using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Coupons.Pricing;

/// <summary>
/// The honest-discount rule (seed 002: never show a price as discounted when it did not change; the EU Omnibus rule):
/// a "was" price must be the lowest price of the 30 days before the campaign starts, and the sale price must be lower.
/// </summary>
public sealed class HonestDiscount
{
    /// <summary>How far back the "was" price is checked.</summary>
    public static readonly Duration LookBack = Duration.FromDays(30);

    private readonly IPriceHistoryStore _prices;

    /// <summary>Creates the check.</summary>
    /// <param name="prices">The price history the platform feeds.</param>
    public HonestDiscount(IPriceHistoryStore prices)
    {
        _prices = prices ?? throw new ArgumentNullException(nameof(prices));
    }

    /// <summary>Checks a campaign price before it is shown.</summary>
    /// <param name="productId">The product.</param>
    /// <param name="wasPrice">The crossed-out price the campaign shows.</param>
    /// <param name="salePrice">The campaign price.</param>
    /// <param name="campaignStart">When the campaign starts.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>No errors when the discount is honest; otherwise each problem, naming the field and value.</returns>
    public ValueTask<IReadOnlyList<FieldError>> CheckAsync(string productId, Money wasPrice, Money salePrice, Instant campaignStart, CancellationToken cancellationToken = default) =>
        CheckAsync(productId, wasPrice, salePrice, campaignStart, fieldPrefix: string.Empty, cancellationToken);

    /// <summary>Checks one advertised price; the fields of its errors start with <paramref name="fieldPrefix"/>, such as <c>prices[2].</c>.</summary>
    internal async ValueTask<IReadOnlyList<FieldError>> CheckAsync(string productId, Money wasPrice, Money salePrice, Instant campaignStart, string fieldPrefix, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (wasPrice.Currency != salePrice.Currency)
        {
            errors.Add(FieldErrors.Create(fieldPrefix + "sale_price", salePrice.ToString(), FieldErrorCodes.CurrencyMismatch, $"is not in the currency of the was price {wasPrice}"));
            return errors;
        }

        if (salePrice >= wasPrice)
        {
            errors.Add(FieldErrors.Create(fieldPrefix + "sale_price", salePrice.ToString(), "not_a_discount", $"is not lower than the was price {wasPrice}"));
        }

        var lowest = await _prices.LowestPriceAsync(productId, campaignStart - LookBack, campaignStart, cancellationToken).ConfigureAwait(false);
        if (lowest is null)
        {
            errors.Add(FieldErrors.Create(fieldPrefix + "was_price", wasPrice.ToString(), "no_price_history", $"cannot be checked: product '{productId}' has no price in the 30 days before the campaign"));
        }
        else if (wasPrice != lowest.Value)
        {
            errors.Add(FieldErrors.Create(fieldPrefix + "was_price", wasPrice.ToString(), "not_lowest_price", $"must be the lowest price of the previous 30 days, which was {lowest.Value}"));
        }

        return errors;
    }
}
