using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerCare.Storage.Serialization;

/// <summary>Writes a value as one JSON string and reads it back through the type's own parser.</summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class StringValueConverter<T>(Func<T, string> format, Func<string, T> parse) : JsonConverter<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string for {typeof(T).Name}, found {reader.TokenType}.");
        }

        var text = reader.GetString()!;
        try
        {
            return parse(text);
        }
        catch (Exception e) when (e is FormatException or FieldValidationException or ArgumentException)
        {
            throw new JsonException($"'{text}' is not a valid {typeof(T).Name}: {e.Message}", e);
        }
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(format(value));

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Read(ref reader, typeToConvert, options);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WritePropertyName(format(value));
}
