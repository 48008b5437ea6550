using System.Globalization;
using CustomerCare.Coupons.Pricing;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Campaigns.Sales;

/// <summary>
/// A sale that shows "was" prices, checked against the honest-discount rule (seed 002; the EU Omnibus rule) when it is
/// defined: the only way to get one is <see cref="DefineAsync"/>, so a dishonest sale cannot exist.
/// </summary>
public sealed class SaleCampaign
{
    /// <summary>The most prices one sale carries.</summary>
    public const int MaxPrices = 10_000;

    private SaleCampaign(string id, Interval window, IReadOnlyList<AdvertisedPrice> prices)
    {
        Id = id;
        Window = window;
        Prices = prices;
    }

    /// <summary>The sale's identifier.</summary>
    public string Id { get; }

    /// <summary>When the sale runs.</summary>
    public Interval Window { get; }

    /// <summary>The advertised prices, each checked.</summary>
    public IReadOnlyList<AdvertisedPrice> Prices { get; }

    /// <summary>Defines a sale, checking every advertised price against the price history of the 30 days before it starts.</summary>
    /// <param name="honesty">The honest-discount check, over the platform's price history.</param>
    /// <param name="id">The sale's identifier.</param>
    /// <param name="window">When the sale runs; it must have a start and an end.</param>
    /// <param name="prices">The advertised prices, one per product.</param>
    /// <param name="cancellationToken">Cancels the checks.</param>
    /// <returns>The sale, when every price is honest.</returns>
    /// <exception cref="FieldValidationException">
    /// Every problem at once, each naming its field by position, such as <c>prices[2].was_price</c> with the lowest
    /// price it should have been; nothing is defined.
    /// </exception>
    public static async ValueTask<SaleCampaign> DefineAsync(HonestDiscount honesty, string id, Interval window, IReadOnlyList<AdvertisedPrice> prices, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(honesty);
        ArgumentNullException.ThrowIfNull(prices);
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add(FieldErrors.Create("id", id, FieldErrorCodes.Required, "must name the sale"));
        }

        if (!window.HasStart || !window.HasEnd || window.Duration <= Duration.Zero)
        {
            errors.Add(FieldErrors.Create("window", window.ToString(), FieldErrorCodes.OutOfRange, "must have a start and a later end"));
        }

        if (prices.Count is 0 or > MaxPrices)
        {
            errors.Add(FieldErrors.Create("prices", prices.Count.ToString(CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, $"must list 1 to {MaxPrices} prices"));
        }
        else
        {
            await CheckPricesAsync(honesty, window, prices, errors, cancellationToken).ConfigureAwait(false);
        }

        return errors.Count > 0 ? throw new FieldValidationException(errors) : new SaleCampaign(id, window, [.. prices]);
    }

    private static async ValueTask CheckPricesAsync(HonestDiscount honesty, Interval window, IReadOnlyList<AdvertisedPrice> prices, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < prices.Count; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"prices[{i}].");
            if (prices[i] is not { ProductId: { Length: > 0 } productId } price)
            {
                errors.Add(FieldErrors.Create(at + "product_id", prices[i]?.ProductId, FieldErrorCodes.Required, "must name a product"));
                continue;
            }

            if (!seen.TryAdd(productId, i))
            {
                errors.Add(FieldErrors.Create(at + "product_id", productId, "duplicate", $"is advertised twice; first at prices[{seen[productId]}]"));
                continue;
            }

            if (window.HasStart)
            {
                errors.AddRange(await honesty.CheckAsync(productId, price.WasPrice, price.Price, window.Start, at, cancellationToken).ConfigureAwait(false));
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Id} ({Prices.Count} prices, {InstantPattern.General.Format(Window.Start)}..{InstantPattern.General.Format(Window.End)})");
}
