using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerCare.Coupons;

namespace CustomerCare.Storage.Serialization;

/// <summary>A discount through its factory methods, which hold its rules; its constructor is private.</summary>
internal sealed class DiscountConverter : JsonConverter<Discount>
{
    public override Discount Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var document = JsonSerializer.Deserialize<DiscountDocument>(ref reader, options) ?? throw new JsonException("A discount document is null.");
        try
        {
            var discount = document.Kind switch
            {
                DiscountKind.Percentage => Discount.PercentOff(document.Percent, document.Maximum),
                DiscountKind.FixedAmount => Discount.AmountOff(document.Amount ?? throw new JsonException("A fixed-amount discount has no 'amount'.")),
                DiscountKind.FreeShipping => Discount.FreeShipping(),
                DiscountKind.FreeProduct => Discount.FreeProduct(document.FreeProductId ?? throw new JsonException("A free-product discount has no 'free_product_id'.")),
                _ => throw new JsonException($"'{document.Kind}' is not a discount kind."),
            };
            return discount with { Rounding = document.Rounding };
        }
        catch (Exception e) when (e is FieldValidationException or ArgumentException)
        {
            throw new JsonException($"Discount: {e.Message}", e);
        }
    }

    public override void Write(Utf8JsonWriter writer, Discount value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new DiscountDocument
        {
            Kind = value.Kind,
            Percent = value.Percent,
            Amount = value.Amount,
            Maximum = value.Maximum,
            FreeProductId = value.FreeProductId,
            Rounding = value.Rounding,
        }, options);

    private sealed class DiscountDocument
    {
        public DiscountKind Kind { get; init; }

        public decimal Percent { get; init; }

        public Money? Amount { get; init; }

        public Money? Maximum { get; init; }

        public string? FreeProductId { get; init; }

        public MidpointRounding Rounding { get; init; } = MidpointRounding.AwayFromZero;
    }
}
