using NodaTime;

namespace CustomerCare.Notifications;

/// <summary>
/// What a frequency cap reads of a queued message: its id, kind, status and times, without what it says or to whom.
/// </summary>
/// <param name="Id">The message's id.</param>
/// <param name="Kind">Transactional or commercial.</param>
/// <param name="Status">Where it is in the outbox.</param>
/// <param name="EnqueuedAt">When it was queued.</param>
/// <param name="DueAt">When it is, or was, due to leave.</param>
public sealed record OutboxMessageSummary(string Id, MessageKind Kind, OutboxStatus Status, Instant EnqueuedAt, Instant DueAt)
{
    /// <summary>The summary of a message.</summary>
    /// <param name="message">The message.</param>
    /// <returns>Its summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is <see langword="null"/>.</exception>
    public static OutboxMessageSummary Of(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(message.Id, message.Kind, message.Status, message.EnqueuedAt, message.DueAt);
    }
}
