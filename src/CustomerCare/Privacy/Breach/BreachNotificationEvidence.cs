using CustomerCare.Notifications;
using NodaTime;

namespace CustomerCare.Privacy.Breach;

/// <summary>Who was notified of a breach and when, with the delivery status read back from the outbox.</summary>
/// <param name="Notification">The notification as recorded.</param>
/// <param name="Status">The outbox status, or <see langword="null"/> when the message is no longer in the outbox.</param>
/// <param name="SentAt">When the channel took it, once sent.</param>
/// <param name="Attempts">Send attempts so far.</param>
/// <param name="LastError">The last failure, as the channel gave it.</param>
public sealed record BreachNotificationEvidence(BreachNotification Notification, OutboxStatus? Status, Instant? SentAt, int Attempts, string? LastError);
