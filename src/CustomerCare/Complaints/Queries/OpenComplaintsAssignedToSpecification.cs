using CustomerCare.Specifications;

namespace CustomerCare.Complaints.Queries;

/// <summary>
/// The complaints assigned to one staff member that are neither resolved nor closed: what the least-loaded assignment
/// counts for every member of a team, once per new complaint.
/// </summary>
/// <remarks>
/// Stores recognise this type and narrow their query by <see cref="Member"/> (the SQLite store through an index), then
/// check the criterion itself; any other store evaluates it in memory, with the same result. Immutable and thread-safe.
/// </remarks>
public sealed class OpenComplaintsAssignedToSpecification : Specification<Complaint>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="member">The staff member, as in <see cref="Complaint.AssignedTo"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="member"/> is null or blank.</exception>
    public OpenComplaintsAssignedToSpecification(string member)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(member);
        Member = member;
        Query.Where(c => c.AssignedTo == member && c.Status != ComplaintStatus.Resolved && c.Status != ComplaintStatus.Closed);
    }

    /// <summary>The staff member.</summary>
    public string Member { get; }
}
