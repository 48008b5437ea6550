using CustomerCare.Customers;

namespace CustomerCare.Notifications;

/// <summary>A rendered message to queue through the gates.</summary>
/// <param name="Id">The idempotency key, derived from the event that caused it, such as <c>ack/CMP-7KQ2/email</c>.</param>
/// <param name="Kind">Transactional or commercial.</param>
/// <param name="Channel">The channel's name.</param>
/// <param name="Recipient">The recipient's address on that channel.</param>
/// <param name="Body">The body.</param>
public sealed record NotificationRequest(string Id, MessageKind Kind, string Channel, string Recipient, string Body)
{
    /// <summary>The customer it is for; required for a commercial message (consent, zone, cap).</summary>
    public CustomerId? CustomerId { get; init; }

    /// <summary>
    /// What a commercial message is for: the consent it needs on its channel. Default
    /// <see cref="Privacy.Consent.ConsentPurpose.Marketing"/>; survey invitations use
    /// <see cref="Privacy.Consent.ConsentPurpose.Surveys"/>. Ignored for transactional messages.
    /// </summary>
    public Privacy.Consent.ConsentPurpose Purpose { get; init; } = Privacy.Consent.ConsentPurpose.Marketing;

    /// <summary>The subject, where the channel has one.</summary>
    public string? Subject { get; init; }

    /// <summary>The body's media type. Default <c>text/plain</c>.</summary>
    public string ContentType { get; init; } = "text/plain";

    /// <summary>Higher goes first. Default 0.</summary>
    public int Priority { get; init; }

    /// <summary>Extra values for the channel, such as the text alternative of an HTML e-mail (<see cref="Channels.OutboundMessage.TextAlternativeKey"/>).</summary>
    public System.Collections.Immutable.ImmutableDictionary<string, string> Metadata { get; init; } = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty;
}
