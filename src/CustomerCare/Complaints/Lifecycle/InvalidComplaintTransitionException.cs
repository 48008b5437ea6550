namespace CustomerCare.Complaints.Lifecycle;

/// <summary>A complaint was asked to move to a status its current status does not allow.</summary>
public sealed class InvalidComplaintTransitionException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="from">Its current status.</param>
    /// <param name="to">The refused status.</param>
    public InvalidComplaintTransitionException(ComplaintId complaintId, ComplaintStatus from, ComplaintStatus to)
        : base($"Complaint {complaintId} cannot move from {from} to {to}; from {from} it can move to {Describe(ComplaintLifecycle.NextFrom(from))}.")
    {
        ComplaintId = complaintId;
        From = from;
        To = to;
    }

    /// <summary>The complaint.</summary>
    public ComplaintId ComplaintId { get; }

    /// <summary>Its current status.</summary>
    public ComplaintStatus From { get; }

    /// <summary>The refused status.</summary>
    public ComplaintStatus To { get; }

    private static string Describe(IReadOnlyList<ComplaintStatus> next) => next.Count == 0 ? "nothing" : string.Join(", ", next);
}
