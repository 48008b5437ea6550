namespace CustomerCare.Orders;

/// <summary>One line of an order: a product, its category, how many and at what unit price.</summary>
public sealed record OrderLine
{
    /// <summary>Creates a line.</summary>
    /// <param name="productId">The platform's product identifier.</param>
    /// <param name="quantity">How many, at least 1.</param>
    /// <param name="unitPrice">The price of one, not negative.</param>
    /// <param name="category">The product category, when known.</param>
    /// <exception cref="FieldValidationException">A value is out of range or malformed.</exception>
    public OrderLine(string productId, int quantity, Money unitPrice, string? category = null)
    {
        if (Identifiers.Check(productId, 128, "product_id") is { } error)
        {
            throw new FieldValidationException(error);
        }

        if (quantity < 1)
        {
            throw FieldValidationException.For("quantity", quantity.ToString(System.Globalization.CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, "must be at least 1");
        }

        if (unitPrice.IsNegative)
        {
            throw FieldValidationException.For("unit_price", unitPrice.ToString(), FieldErrorCodes.OutOfRange, "must not be negative");
        }

        ProductId = productId;
        Quantity = quantity;
        UnitPrice = unitPrice;
        Category = string.IsNullOrWhiteSpace(category) ? null : category.Trim();
    }

    /// <summary>The platform's product identifier.</summary>
    public string ProductId { get; }

    /// <summary>How many.</summary>
    public int Quantity { get; }

    /// <summary>The price of one.</summary>
    public Money UnitPrice { get; }

    /// <summary>The product category, when known.</summary>
    public string? Category { get; }

    /// <summary>Quantity times unit price, unrounded.</summary>
    public Money LineTotal => UnitPrice.Multiply(Quantity);
}
