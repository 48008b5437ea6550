using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using CustomerCare.Customers;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Privacy.Export;

/// <summary>
/// Everything the stores hold about one customer, as one JSON document:
/// <c>{"schema":"customercare.customer-export/1","customer_id":…,"exported_at":…,"sections":{…}}</c>. The sections and
/// their fields are documented in <c>docs/privacy-export-erasure.md</c>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CustomerDataExport
{
    /// <summary>The schema identifier written in every export; its number changes when a field changes meaning or goes.</summary>
    public const string Schema = "customercare.customer-export/1";

    private static readonly JsonWriterOptions Indented = new()
    {
        Indented = true,
        // The document is handed to the customer, not embedded in HTML: Turkish letters stay readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Creates an export.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="exportedAt">When it was made.</param>
    /// <param name="sections">The sections by name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="sections"/> is <see langword="null"/>.</exception>
    public CustomerDataExport(CustomerId customerId, Instant exportedAt, IReadOnlyDictionary<string, JsonElement> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        CustomerId = customerId;
        ExportedAt = exportedAt;
        Sections = sections.ToImmutableSortedDictionary(StringComparer.Ordinal);
    }

    /// <summary>The customer.</summary>
    public CustomerId CustomerId { get; }

    /// <summary>When the export was made.</summary>
    public Instant ExportedAt { get; }

    /// <summary>The sections by name, in ordinal order.</summary>
    public ImmutableSortedDictionary<string, JsonElement> Sections { get; }

    /// <summary>Writes the document as indented UTF-8 JSON.</summary>
    /// <param name="stream">Where to write.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the document is written and flushed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    public async Task WriteToAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await using var writer = new Utf8JsonWriter(stream, Indented);
        Write(writer);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The document as indented JSON text.</summary>
    /// <returns>The JSON.</returns>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            Write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("schema", Schema);
        writer.WriteString("customer_id", CustomerId.Value);
        writer.WriteString("exported_at", InstantPattern.ExtendedIso.Format(ExportedAt));
        writer.WriteStartObject("sections");
        foreach (var (name, content) in Sections)
        {
            writer.WritePropertyName(name);
            content.WriteTo(writer);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
