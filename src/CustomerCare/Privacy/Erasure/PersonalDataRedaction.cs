using System.Collections.Immutable;
using CustomerCare.Complaints;
using CustomerCare.Feedback.Reviews;
using CustomerCare.Feedback.Surveys;
using CustomerCare.Notifications;
using CustomerCare.Storage;
using CustomerCare.Storage.Serialization;

namespace CustomerCare.Privacy.Erasure;

/// <summary>
/// The erasure of each record kind that carries free text, shared by every store so that the in-memory, SQLite and
/// PostgreSQL stores (and yours) erase the same way. Each method returns <see langword="false"/> when the record is
/// already as erasure leaves it, which is what makes a store's erasure idempotent.
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class PersonalDataRedaction
{
    /// <summary>What an erased message's recipient becomes.</summary>
    public const string ErasedRecipient = "[erased]";

    /// <summary>The error recorded on a message that was waiting to be sent when its recipient was erased.</summary>
    public const string ErasedBeforeSending = "Not sent: the recipient's personal data was erased.";

    /// <summary>
    /// Whether a complaint belongs to the customer being erased: matched to them, or written from their e-mail address
    /// or phone number without being matched.
    /// </summary>
    /// <param name="complaint">The complaint.</param>
    /// <param name="context">The erasure.</param>
    /// <returns><see langword="true"/> when the erasure must redact it.</returns>
    public static bool Concerns(Complaint complaint, ErasureContext context)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(context);
        return complaint.CustomerId == context.CustomerId || context.Known.IsContact(complaint.AuthorHandle);
    }

    /// <summary>Whether an outbox message was for the customer being erased: by customer, or by recipient address.</summary>
    /// <param name="message">The message.</param>
    /// <param name="context">The erasure.</param>
    /// <returns><see langword="true"/> when the erasure must mask it.</returns>
    public static bool Concerns(OutboxMessage message, ErasureContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        return message.CustomerId == context.CustomerId || context.Known.IsContact(message.Recipient);
    }

    /// <summary>
    /// Redacts a complaint, which is never deleted: the author handle goes; the title, the text, the history notes and
    /// the suspicion details are masked; the category, status, priority, timestamps, timers and the match stay.
    /// </summary>
    /// <param name="complaint">The complaint.</param>
    /// <param name="context">The erasure.</param>
    /// <param name="redacted">The redacted complaint, with the same version.</param>
    /// <returns><see langword="true"/> when something changed.</returns>
    public static bool TryRedact(Complaint complaint, ErasureContext context, out Complaint redacted)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(context);
        redacted = complaint with
        {
            AuthorHandle = null,
            Title = context.RedactOptional(complaint.Title),
            Text = context.Redact(complaint.Text),
            History = [.. complaint.History.Select(h => h with { Note = context.RedactOptional(h.Note), From = context.RedactOptional(h.From), To = context.RedactOptional(h.To) })],
            Flags = [.. complaint.Flags.Select(f => f with { Detail = context.Redact(f.Detail) })],
        };
        return Changed(complaint, redacted);
    }

    /// <summary>Redacts a survey's answer comment; the score, follow-up and instants stay.</summary>
    /// <param name="survey">The survey.</param>
    /// <param name="context">The erasure.</param>
    /// <param name="redacted">The redacted survey.</param>
    /// <returns><see langword="true"/> when something changed.</returns>
    public static bool TryRedact(Survey survey, ErasureContext context, out Survey redacted)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(context);
        redacted = survey.Answer is { Comment: { } comment } answer
            ? survey with { Answer = answer with { Comment = context.Redact(comment) } }
            : survey;
        return Changed(survey, redacted);
    }

    /// <summary>Redacts a review's text; the product, rating and instant stay, so review health is unchanged.</summary>
    /// <param name="review">The review.</param>
    /// <param name="context">The erasure.</param>
    /// <param name="redacted">The redacted review.</param>
    /// <returns><see langword="true"/> when something changed.</returns>
    public static bool TryRedact(ProductReview review, ErasureContext context, out ProductReview redacted)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(context);
        redacted = review with { Text = context.RedactOptional(review.Text) };
        return Changed(review, redacted);
    }

    /// <summary>
    /// Masks an outbox message: the recipient becomes <see cref="ErasedRecipient"/>; the subject, body, metadata values
    /// and last error are masked. A message still waiting to be sent (pending or in flight) becomes a dead letter without a
    /// claim, so it never goes out and a dispatcher's late completion is refused.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="context">The erasure.</param>
    /// <param name="redacted">The masked message.</param>
    /// <returns><see langword="true"/> when something changed.</returns>
    public static bool TryRedact(OutboxMessage message, ErasureContext context, out OutboxMessage redacted)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        // An in-flight message loses its claim too, so the dispatcher's completion (which carries the original
        // recipient and body) is refused instead of writing them back.
        var waiting = message.Status is OutboxStatus.Pending or OutboxStatus.InFlight;
        redacted = message with
        {
            Recipient = ErasedRecipient,
            Subject = context.RedactOptional(message.Subject),
            Body = context.Redact(message.Body),
            Metadata = message.Metadata.Count == 0 ? message.Metadata : ImmutableDictionary.CreateRange(message.Metadata.KeyComparer, message.Metadata.Select(p => KeyValuePair.Create(p.Key, context.Redact(p.Value)))),
            Status = waiting ? OutboxStatus.DeadLetter : message.Status,
            LastError = waiting ? ErasedBeforeSending : context.RedactOptional(message.LastError),
            ClaimedBy = waiting ? null : message.ClaimedBy,
            LeaseUntil = waiting ? null : message.LeaseUntil,
        };
        return Changed(message, redacted);
    }

    // Records hold arrays and dictionaries that compare by reference; their stored documents compare by value.
    private static bool Changed<T>(T before, T after)
        where T : notnull =>
        !string.Equals(StorageJson.Serialize(before), StorageJson.Serialize(after), StringComparison.Ordinal);
}
