using System.Globalization;

namespace CustomerCare.Coupons;

/// <summary>The benefit of a coupon: its kind and amount, with explicit rounding.</summary>
/// <remarks>
/// A discount never takes an order below zero: it is at most the eligible amount. A percentage is computed on the
/// eligible lines' total, rounded to the currency's minor units with <see cref="Rounding"/>
/// (<see cref="MidpointRounding.AwayFromZero"/> by default, as shoppers expect 0.5 kuruş to round up), then capped.
/// </remarks>
public sealed record Discount
{
    private Discount(DiscountKind kind, decimal percent, Money? amount, Money? maximum, string? productId)
    {
        Kind = kind;
        Percent = percent;
        Amount = amount;
        Maximum = maximum;
        FreeProductId = productId;
    }

    /// <summary>The kind.</summary>
    public DiscountKind Kind { get; }

    /// <summary>For <see cref="DiscountKind.Percentage"/>: the percentage, more than 0 and at most 100.</summary>
    public decimal Percent { get; }

    /// <summary>For <see cref="DiscountKind.FixedAmount"/>: the amount off.</summary>
    public Money? Amount { get; }

    /// <summary>For <see cref="DiscountKind.Percentage"/>: the most it may take off, if capped.</summary>
    public Money? Maximum { get; }

    /// <summary>For <see cref="DiscountKind.FreeProduct"/>: the product given.</summary>
    public string? FreeProductId { get; }

    /// <summary>How a percentage is rounded to the currency's minor units.</summary>
    public MidpointRounding Rounding { get; init; } = MidpointRounding.AwayFromZero;

    /// <summary>A percentage discount.</summary>
    /// <param name="percent">More than 0 and at most 100.</param>
    /// <param name="maximum">The most it may take off, or <see langword="null"/>.</param>
    /// <returns>The discount.</returns>
    /// <exception cref="FieldValidationException">The percentage or the maximum is out of range.</exception>
    public static Discount PercentOff(decimal percent, Money? maximum = null)
    {
        if (percent is <= 0m or > 100m)
        {
            throw FieldValidationException.For("percent", percent.ToString(CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, "must be more than 0 and at most 100");
        }

        if (maximum is { } cap && cap.Amount <= 0m)
        {
            throw FieldValidationException.For("maximum", cap.ToString(), FieldErrorCodes.OutOfRange, "must be more than zero");
        }

        return new Discount(DiscountKind.Percentage, percent, null, maximum, null);
    }

    /// <summary>A fixed amount off.</summary>
    /// <param name="amount">More than zero.</param>
    /// <returns>The discount.</returns>
    /// <exception cref="FieldValidationException">The amount is not positive.</exception>
    public static Discount AmountOff(Money amount) => amount.Amount > 0m
        ? new Discount(DiscountKind.FixedAmount, 0m, amount, null, null)
        : throw FieldValidationException.For("amount", amount.ToString(), FieldErrorCodes.OutOfRange, "must be more than zero");

    /// <summary>Free shipping.</summary>
    /// <returns>The discount.</returns>
    public static Discount FreeShipping() => new(DiscountKind.FreeShipping, 0m, null, null, null);

    /// <summary>One free unit of a product.</summary>
    /// <param name="productId">The product.</param>
    /// <returns>The discount.</returns>
    /// <exception cref="FieldValidationException">The product identifier is blank or malformed.</exception>
    public static Discount FreeProduct(string productId) => Identifiers.Check(productId, 128, "free_product_id") is { } error
        ? throw new FieldValidationException(error)
        : new Discount(DiscountKind.FreeProduct, 0m, null, null, productId);

    /// <summary>What this discount takes off an order, never more than the order allows.</summary>
    /// <param name="eligibleTotal">The total of the lines the coupon applies to.</param>
    /// <param name="shipping">The shipping fee.</param>
    /// <param name="freeProductPrice">The unit price of the free product, when the order has it.</param>
    /// <returns>The amount off, rounded to the currency, between zero and what the order allows.</returns>
    /// <exception cref="CurrencyMismatchException">An amount is in another currency.</exception>
    public Money AmountOffFor(Money eligibleTotal, Money shipping, Money? freeProductPrice)
    {
        var currency = eligibleTotal.Currency;
        var off = Kind switch
        {
            DiscountKind.Percentage => eligibleTotal.Multiply(Percent / 100m).Round(Rounding),
            DiscountKind.FixedAmount => Amount!.Value,
            DiscountKind.FreeShipping => shipping,
            _ => freeProductPrice ?? Money.Zero(currency),
        };
        if (Maximum is { } cap && off > cap)
        {
            off = cap;
        }

        var ceiling = Kind == DiscountKind.FreeShipping ? shipping : Kind == DiscountKind.FreeProduct ? off : eligibleTotal;
        return off > ceiling ? ceiling : off.IsNegative ? Money.Zero(currency) : off;
    }
}
