using CustomerCare.Specifications;
using NodaTime;

namespace CustomerCare.Complaints.Queries;

/// <summary>
/// The complaints about one product received after an instant: what the suspicion check counts for every new
/// complaint, to spot a burst about one product.
/// </summary>
/// <remarks>
/// Stores recognise this type and narrow their query by <see cref="ProductId"/> (the SQLite store through an index), then
/// check the criterion itself; any other store evaluates it in memory, with the same result. Immutable and thread-safe.
/// </remarks>
public sealed class RecentComplaintsAboutProductSpecification : Specification<Complaint>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="productId">The product, as in <see cref="Complaint.ProductId"/>; compared ordinally.</param>
    /// <param name="since">Only complaints received after this instant count.</param>
    /// <exception cref="ArgumentNullException"><paramref name="productId"/> is null.</exception>
    public RecentComplaintsAboutProductSpecification(string productId, Instant since)
    {
        ArgumentNullException.ThrowIfNull(productId);
        (ProductId, Since) = (productId, since);
        Query.Where(c => c.ProductId == productId && c.ReceivedAt > since);
    }

    /// <summary>The product.</summary>
    public string ProductId { get; }

    /// <summary>The instant after which complaints count.</summary>
    public Instant Since { get; }
}
