using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Sample.Reporting;

/// <summary>Writes the sample's JSON documents: camelCase names, plain numbers, ISO-8601 instants, readable Turkish letters.</summary>
public static class JsonOutput
{
    /// <summary>The serializer options every document uses.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,

        // The document goes to a terminal or a file, never into HTML, so İ, ş and & stay as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new InstantIsoConverter() },
    };

    /// <summary>Writes one document followed by a newline.</summary>
    /// <typeparam name="T">The document type.</typeparam>
    /// <param name="document">The document.</param>
    /// <param name="output">Where to write.</param>
    public static void Write<T>(T document, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(JsonSerializer.Serialize(document, Options));
        output.Flush();
    }

    /// <summary>Writes an <see cref="Instant"/> as <c>2026-01-01T00:00:00Z</c>.</summary>
    private sealed class InstantIsoConverter : JsonConverter<Instant>
    {
        public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            InstantPattern.ExtendedIso.Parse(reader.GetString() ?? string.Empty).GetValueOrThrow();

        public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
            writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
    }
}
