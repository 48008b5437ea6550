using System.Collections.Immutable;
using NodaTime;

namespace CustomerCare.Channels;

/// <summary>A raw payload as it arrived: bytes, their media type, transport headers and the arrival instant.</summary>
/// <param name="ContentType">The media type, such as <c>application/json</c>.</param>
/// <param name="Body">The bytes.</param>
/// <param name="ReceivedAt">When it arrived.</param>
public sealed record InboundPayload(string ContentType, ReadOnlyMemory<byte> Body, Instant ReceivedAt)
{
    /// <summary>Transport headers (HTTP headers, e-mail headers), case-insensitive by name.</summary>
    public ImmutableDictionary<string, string> Headers { get; init; } = ImmutableDictionary.Create<string, string>(StringComparer.OrdinalIgnoreCase);
}
