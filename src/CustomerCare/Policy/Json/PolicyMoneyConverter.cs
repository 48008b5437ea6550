using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerCare.Policy.Json;

/// <summary>Reads money written <c>"29.90 TRY"</c>: an invariant-culture amount and an ISO 4217 code.</summary>
internal sealed class PolicyMoneyConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("an amount is a string such as \"29.90 TRY\"");
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !Currency.TryFromCode(parts[1], out var currency, out _))
        {
            throw new JsonException($"'{FieldErrors.Quote(text)}' is not an amount with its currency, such as \"29.90 TRY\"");
        }

        try
        {
            return Money.Parse(parts[0], currency);
        }
        catch (FieldValidationException invalid)
        {
            throw new JsonException($"'{FieldErrors.Quote(text)}': {invalid.Errors[0].Message}");
        }
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
