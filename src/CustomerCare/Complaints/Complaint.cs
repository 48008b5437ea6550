using System.Collections.Immutable;
using CustomerCare.Customers;
using CustomerCare.Orders;
using NodaTime;

namespace CustomerCare.Complaints;

/// <summary>
/// One complaint, from whichever channel it came: what was said, by whom, about which order, how it was classified
/// and where it is in its lifecycle. Immutable: every change makes a new value with one more history entry.
/// </summary>
/// <remarks>
/// Complaints are never deleted (seed 002: they are answered, not removed); the privacy part may only redact the
/// personal data in them. (<see cref="Channel"/>, <see cref="SourceReference"/>) is unique: the same post delivered
/// twice is one complaint.
/// </remarks>
public sealed record Complaint
{
    /// <summary>The identifier.</summary>
    public required ComplaintId Id { get; init; }

    /// <summary>The channel it came in on.</summary>
    public required ComplaintChannel Channel { get; init; }

    /// <summary>The source's own reference (the tweet id, the form submission id, the complaint-site id), unique per channel.</summary>
    public required string SourceReference { get; init; }

    /// <summary>The author as the channel names them: an e-mail address, a phone number, a social handle.</summary>
    public string? AuthorHandle { get; init; }

    /// <summary>The title, where the channel has one (complaint sites, e-mail subjects).</summary>
    public string? Title { get; init; }

    /// <summary>What the customer wrote.</summary>
    public required string Text { get; init; }

    /// <summary>Whether the complaint is visible to the public (a complaint-site post, a social mention), which limits what a reply may say.</summary>
    public bool IsPublic { get; init; }

    /// <summary>The order it is about, when one was named.</summary>
    public OrderId? OrderId { get; init; }

    /// <summary>The product it is about, when one was named.</summary>
    public string? ProductId { get; init; }

    /// <summary>Who it was matched to, and how.</summary>
    public CustomerMatch Match { get; init; } = CustomerMatch.Unmatched;

    /// <summary>The matched customer, if any.</summary>
    public CustomerId? CustomerId => Match.CustomerId;

    /// <summary>The category: the classifier's, or staff's correction.</summary>
    public ComplaintCategory Category { get; init; }

    /// <summary>The staff member who corrected the category; <see langword="null"/> while it is the classifier's. A correction is never overwritten by the classifier.</summary>
    public string? CategoryCorrectedBy { get; init; }

    /// <summary>The sentiment the classifier read.</summary>
    public Sentiment Sentiment { get; init; }

    /// <summary>The priority.</summary>
    public ComplaintPriority Priority { get; init; } = ComplaintPriority.Normal;

    /// <summary>The lifecycle status.</summary>
    public ComplaintStatus Status { get; init; } = ComplaintStatus.New;

    /// <summary>The team member it is assigned to, if any.</summary>
    public string? AssignedTo { get; init; }

    /// <summary>When it was received.</summary>
    public required Instant ReceivedAt { get; init; }

    /// <summary>When it was first answered (acknowledgements do not count), if it has been.</summary>
    public Instant? FirstRespondedAt { get; init; }

    /// <summary>When it was last resolved, if it has been.</summary>
    public Instant? ResolvedAt { get; init; }

    /// <summary>Why it looks suspicious, if it does; for staff, never an automatic rejection.</summary>
    public ImmutableArray<SuspicionFlag> Flags { get; init; } = [];

    /// <summary>The response timers (first response, resolution), as stored; <see cref="Sla.ComplaintSlaTracker"/> keeps them in step with the lifecycle.</summary>
    public ImmutableArray<Policy.Sla.SlaTimerState> Sla { get; init; } = [];

    /// <summary>The audit history, oldest first.</summary>
    public ImmutableArray<ComplaintHistoryEntry> History { get; init; } = [];

    /// <summary>The version for optimistic concurrency: 1 when first stored, one more with every stored change.</summary>
    public long Version { get; init; }

    /// <summary>Whether it still waits for the company: not resolved and not closed.</summary>
    public bool IsOpen => Lifecycle.ComplaintLifecycle.IsOpen(Status);
}
