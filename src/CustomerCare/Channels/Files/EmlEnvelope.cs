using NodaTime;

namespace CustomerCare.Channels.Files;

/// <summary>The addressing of one e-mail, already checked: addresses valid, the domain in ASCII.</summary>
/// <param name="MessageId">The outbox idempotency key.</param>
/// <param name="MessageIdHeader">The <c>Message-ID</c> without brackets, from <see cref="EmailMessageId.Create"/>.</param>
/// <param name="Date">When it was written.</param>
/// <param name="From">The sender's address.</param>
/// <param name="FromName">The sender's display name, if any.</param>
/// <param name="To">The recipient's address.</param>
/// <param name="Subject">The subject, if any.</param>
internal sealed record EmlEnvelope(string MessageId, string MessageIdHeader, Instant Date, string From, string? FromName, string To, string? Subject);
