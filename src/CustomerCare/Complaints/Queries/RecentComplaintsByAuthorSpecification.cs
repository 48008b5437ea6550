using CustomerCare.Specifications;
using NodaTime;

namespace CustomerCare.Complaints.Queries;

/// <summary>
/// The complaints one author sent on one channel after an instant: what the suspicion check counts for every new
/// complaint, to spot a burst from one author.
/// </summary>
/// <remarks>
/// Stores recognise this type and narrow their query by <see cref="Channel"/> and <see cref="Author"/> (the SQLite store
/// through an index), then check the criterion itself; any other store evaluates it in memory, with the same result.
/// Immutable and thread-safe.
/// </remarks>
public sealed class RecentComplaintsByAuthorSpecification : Specification<Complaint>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="author">The author, as in <see cref="Complaint.AuthorHandle"/>; compared ordinally.</param>
    /// <param name="since">Only complaints received after this instant count.</param>
    /// <exception cref="ArgumentNullException"><paramref name="author"/> is null.</exception>
    public RecentComplaintsByAuthorSpecification(ComplaintChannel channel, string author, Instant since)
    {
        ArgumentNullException.ThrowIfNull(author);
        (Channel, Author, Since) = (channel, author, since);
        Query.Where(c => c.Channel == channel && c.AuthorHandle == author && c.ReceivedAt > since);
    }

    /// <summary>The channel.</summary>
    public ComplaintChannel Channel { get; }

    /// <summary>The author.</summary>
    public string Author { get; }

    /// <summary>The instant after which complaints count.</summary>
    public Instant Since { get; }
}
