using System.Collections.Immutable;

namespace CustomerCare.Channels;

/// <summary>A message ready to send: who to, what, and the idempotency key.</summary>
/// <param name="MessageId">The idempotency key: the same logical message always carries the same id.</param>
/// <param name="Channel">The channel name it is routed to.</param>
/// <param name="Recipient">The address on that channel: an e-mail address, an E.164 number, a URL.</param>
/// <param name="Body">The rendered body.</param>
public sealed record OutboundMessage(string MessageId, string Channel, string Recipient, string Body)
{
    /// <summary>The <see cref="Metadata"/> key of the plain-text alternative of an HTML body.</summary>
    public const string TextAlternativeKey = "text";

    /// <summary>The subject, for channels that have one.</summary>
    public string? Subject { get; init; }

    /// <summary>The media type of <see cref="Body"/>, such as <c>text/plain</c> or <c>text/html</c>.</summary>
    public string ContentType { get; init; } = "text/plain";

    /// <summary>Extra provider-neutral data (template key, customer id, campaign) for logs and webhooks.</summary>
    public ImmutableDictionary<string, string> Metadata { get; init; } = ImmutableDictionary<string, string>.Empty;
}
