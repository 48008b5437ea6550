namespace CustomerCare.Notifications;

/// <summary>What became of a notice.</summary>
public enum NoticeOutcome
{
    /// <summary>Rendered and written to the outbox, to leave now or when the gate allows.</summary>
    Queued = 0,

    /// <summary>The outbox already held it: the same happening was notified before.</summary>
    AlreadyQueued,

    /// <summary>The gate refused it, such as a commercial message without consent; the reason says why.</summary>
    Refused,

    /// <summary>No channel could carry it: the customer has no address for any registered channel.</summary>
    NoChannel,
}

/// <summary>What became of a notice, and why.</summary>
/// <param name="Outcome">The outcome.</param>
/// <param name="MessageId">The outbox message id, when a channel was chosen.</param>
/// <param name="Channel">The channel name, when one was chosen.</param>
/// <param name="Reason">Why, in words: the gate's reason, or which addresses and channels were missing.</param>
public sealed record NoticeResult(NoticeOutcome Outcome, string? MessageId, string? Channel, string Reason);
