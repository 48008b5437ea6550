using NodaTime;

namespace CustomerCare.Channels;

/// <summary>A message from a customer or the public, in a channel-neutral form, ready to become a complaint or feedback.</summary>
/// <param name="Channel">The channel it came through.</param>
/// <param name="ExternalId">The channel's own identifier of the message; stable across redeliveries.</param>
/// <param name="Text">What the author wrote.</param>
/// <param name="ReceivedAt">When it arrived.</param>
public sealed record InboundMessage(string Channel, string ExternalId, string Text, Instant ReceivedAt)
{
    /// <summary>The author's display name, when given.</summary>
    public string? AuthorName { get; init; }

    /// <summary>The author's handle or address on the channel (an e-mail address, <c>@user</c>).</summary>
    public string? AuthorHandle { get; init; }

    /// <summary>An order number the author mentioned, when found.</summary>
    public string? OrderReference { get; init; }

    /// <summary>A customer identifier the channel knows, when it knows one.</summary>
    public string? CustomerReference { get; init; }

    /// <summary>Whether the message is public (a social post or a complaint-site entry), so replies must carry no personal data.</summary>
    public bool IsPublic { get; init; }

    /// <summary>A subject or title, when the channel has one.</summary>
    public string? Subject { get; init; }
}
