using NodaTime;

namespace CustomerCare.Complaints;

/// <summary>What happened to a complaint, as its audit history records it.</summary>
public enum ComplaintAction
{
    /// <summary>It was received.</summary>
    Received = 0,

    /// <summary>Its status changed.</summary>
    StatusChanged,

    /// <summary>It was assigned to a team member.</summary>
    Assigned,

    /// <summary>Staff corrected its category.</summary>
    CategoryCorrected,

    /// <summary>Its priority changed.</summary>
    PriorityChanged,

    /// <summary>A reply was sent to the customer.</summary>
    Replied,

    /// <summary>The customer wrote again.</summary>
    CustomerReplied,
}

/// <summary>One entry of a complaint's audit history; the history is only ever appended to.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Actor">Who did it: a staff member's id, or <c>system</c>.</param>
/// <param name="Action">What happened.</param>
/// <param name="From">The value before, such as the old status; <see langword="null"/> when there was none.</param>
/// <param name="To">The value after.</param>
/// <param name="Note">A free note.</param>
public sealed record ComplaintHistoryEntry(Instant At, string Actor, ComplaintAction Action, string? From, string? To, string? Note = null)
{
    /// <summary>The actor of what the library does by itself.</summary>
    public const string System = "system";
}
