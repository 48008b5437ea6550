using NodaTime;

namespace CustomerCare.Complaints;

/// <summary>Something that happened to a complaint, for the parts that react: notifications, escalation, service recovery.</summary>
/// <param name="Complaint">The complaint after the change.</param>
/// <param name="At">When it happened.</param>
public abstract record ComplaintEvent(Complaint Complaint, Instant At);

/// <summary>
/// A complaint was received and stored for the first time. The automatic "we received your message" reply (seed 002)
/// is due now: the notifications part renders it from this event.
/// </summary>
/// <param name="Complaint">The complaint.</param>
/// <param name="At">When it was received.</param>
public sealed record ComplaintReceived(Complaint Complaint, Instant At) : ComplaintEvent(Complaint, At);

/// <summary>Positive feedback came in (seed 000: it gets a thank-you).</summary>
/// <param name="Complaint">The feedback, stored as a complaint with a positive sentiment.</param>
/// <param name="At">When it was received.</param>
public sealed record PositiveFeedbackReceived(Complaint Complaint, Instant At) : ComplaintEvent(Complaint, At);

/// <summary>A complaint moved from one status to another.</summary>
/// <param name="Complaint">The complaint after the move.</param>
/// <param name="At">When it moved.</param>
/// <param name="From">The status before.</param>
/// <param name="To">The status after.</param>
public sealed record ComplaintStatusChanged(Complaint Complaint, Instant At, ComplaintStatus From, ComplaintStatus To) : ComplaintEvent(Complaint, At);

/// <summary>Reacts to complaint events. Register implementations in DI; the complaint services call every one after the change is stored.</summary>
/// <remarks>
/// An observer's exception reaches the caller; the change itself stays stored. A complaint delivered again by its
/// channel raises <see cref="ComplaintReceived"/> again, so an observer that failed the first time gets another
/// chance: observers must be idempotent.
/// </remarks>
public interface IComplaintObserver
{
    /// <summary>Handles an event.</summary>
    /// <param name="complaintEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    ValueTask OnComplaintEventAsync(ComplaintEvent complaintEvent, CancellationToken cancellationToken = default);
}
