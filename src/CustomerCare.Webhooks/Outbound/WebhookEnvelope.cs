using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text.Json;
using CustomerCare.Channels;

namespace CustomerCare.Webhooks;

/// <summary>
/// The JSON an outbound webhook POSTs: <c>{"id", "type", "subject", "content_type", "body", "metadata"}</c>. A JSON
/// body (<c>application/json</c> or <c>+json</c>) is embedded as a JSON value; any other body as a string.
/// </summary>
/// <remarks>Deterministic: the same message gives the same bytes, so a retried delivery carries the same body.</remarks>
internal static class WebhookEnvelope
{
    /// <summary>The <see cref="OutboundMessage.Metadata"/> key whose value becomes <c>type</c>; <c>message</c> when absent.</summary>
    public const string EventTypeKey = "event";

    public static bool TryWrite(OutboundMessage message, [NotNullWhen(true)] out byte[]? json, [NotNullWhen(false)] out string? error)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + message.Body.Length * 2);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", message.MessageId);
            writer.WriteString("type", message.Metadata.TryGetValue(EventTypeKey, out var type) ? type : "message");
            if (message.Subject is not null)
            {
                writer.WriteString("subject", message.Subject);
            }

            writer.WriteString("content_type", message.ContentType);
            writer.WritePropertyName("body");
            if (IsJson(message.ContentType))
            {
                try
                {
                    writer.WriteRawValue(message.Body);
                }
                catch (Exception invalid) when (invalid is JsonException or ArgumentException)
                {
                    json = null;
                    error = $"the body is declared {message.ContentType} but is not one JSON value: {invalid.Message}";
                    return false;
                }
            }
            else
            {
                writer.WriteStringValue(message.Body);
            }

            writer.WriteStartObject("metadata");
            foreach (var (key, value) in message.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        json = buffer.WrittenSpan.ToArray();
        error = null;
        return true;
    }

    private static bool IsJson(string contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) && media.MediaType is { } type
        && (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}
