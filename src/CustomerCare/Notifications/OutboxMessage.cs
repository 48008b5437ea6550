using System.Collections.Immutable;
using CustomerCare.Customers;
using NodaTime;

namespace CustomerCare.Notifications;

/// <summary>Whether a message is part of a transaction the customer started, or marketing that needs consent.</summary>
public enum MessageKind
{
    /// <summary>Transactional: an acknowledgement, an order update, a breach notice.</summary>
    Transactional = 0,

    /// <summary>Commercial: a campaign coupon, a win-back; needs consent and respects quiet hours.</summary>
    Commercial,
}

/// <summary>Where a message is in the outbox.</summary>
public enum OutboxStatus
{
    /// <summary>Waiting to be sent at or after <see cref="OutboxMessage.DueAt"/>.</summary>
    Pending = 0,

    /// <summary>Claimed by a dispatcher until its lease ends.</summary>
    InFlight,

    /// <summary>Handed to the channel.</summary>
    Sent,

    /// <summary>The channel refused it for good.</summary>
    Failed,

    /// <summary>Transient failures used up every attempt: a dead letter for people to look at.</summary>
    DeadLetter,

    /// <summary>
    /// Not sent, for good, by the dispatcher's own check: a commercial message whose consent was withdrawn between
    /// queueing and sending. <see cref="OutboxMessage.LastError"/> gives the reason.
    /// </summary>
    Cancelled,
}

/// <summary>
/// One rendered message in the durable outbox. <see cref="Id"/> is its idempotency key, derived from the event that
/// caused it (such as <c>ack/CMP-7KQ2/email</c>), so the same event never queues it twice; the channel receives it as the
/// message id, so a resend after a crash has one effect.
/// </summary>
public sealed record OutboxMessage
{
    /// <summary>The idempotency key.</summary>
    public required string Id { get; init; }

    /// <summary>The channel's name, such as <c>email</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>The recipient's address on that channel.</summary>
    public required string Recipient { get; init; }

    /// <summary>The subject, where the channel has one.</summary>
    public string? Subject { get; init; }

    /// <summary>The body.</summary>
    public required string Body { get; init; }

    /// <summary>The body's media type. Default <c>text/plain</c>.</summary>
    public string ContentType { get; init; } = "text/plain";

    /// <summary>Extra headers for the channel, such as the text alternative of an HTML e-mail.</summary>
    public ImmutableDictionary<string, string> Metadata { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Transactional or commercial.</summary>
    public MessageKind Kind { get; init; }

    /// <summary>Higher goes first: a breach notice outranks an order update, which outranks a campaign. Default 0.</summary>
    public int Priority { get; init; }

    /// <summary>The customer it is for, when known.</summary>
    public CustomerId? CustomerId { get; init; }

    /// <summary>When it was queued.</summary>
    public required Instant EnqueuedAt { get; init; }

    /// <summary>The earliest instant it may be sent (quiet hours and retries move it).</summary>
    public required Instant DueAt { get; init; }

    /// <summary>Where it is.</summary>
    public OutboxStatus Status { get; init; }

    /// <summary>Send attempts so far.</summary>
    public int Attempts { get; init; }

    /// <summary>The dispatcher holding it while <see cref="OutboxStatus.InFlight"/>.</summary>
    public string? ClaimedBy { get; init; }

    /// <summary>When the dispatcher's claim ends; after it another dispatcher may take the message.</summary>
    public Instant? LeaseUntil { get; init; }

    /// <summary>The last failure's reason, as the channel gave it.</summary>
    public string? LastError { get; init; }

    /// <summary>When it was sent.</summary>
    public Instant? SentAt { get; init; }

    /// <summary>The channel's own id of the sent message.</summary>
    public string? ProviderMessageId { get; init; }
}
