using CustomerCare.Complaints;
using CustomerCare.Specifications;

namespace CustomerCare.Storage;

/// <summary>Stores complaints. There is no delete: complaints are answered, never removed (seed 002).</summary>
/// <remarks>
/// <para><b>Uniqueness.</b> (<see cref="Complaint.Channel"/>, <see cref="Complaint.SourceReference"/>) is a unique key:
/// <see cref="AddAsync"/> of a second complaint with the same key writes nothing and returns the stored one, also when
/// two calls race (a unique index, never a pre-check).</para>
/// <para><b>Optimistic concurrency.</b> <see cref="UpdateAsync"/> writes only when the stored
/// <see cref="Complaint.Version"/> is the expected one, and stores the complaint with the next version; of two racing
/// updates from the same version exactly one succeeds.</para>
/// <para><b>Thread safety.</b> Every member may be called concurrently, from several processes for a shared database.
/// Cancellation throws <see cref="OperationCanceledException"/> and writes nothing.</para>
/// </remarks>
public interface IComplaintStore
{
    /// <summary>Adds a complaint unless one with its channel and source reference exists.</summary>
    /// <param name="complaint">The complaint, with <see cref="Complaint.Version"/> 0; it is stored with version 1.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored complaint, and whether this call added it.</returns>
    ValueTask<ComplaintAddResult> AddAsync(Complaint complaint, CancellationToken cancellationToken = default);

    /// <summary>Finds a complaint by identifier.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The complaint, or <see langword="null"/>.</returns>
    ValueTask<Complaint?> FindAsync(ComplaintId id, CancellationToken cancellationToken = default);

    /// <summary>Finds a complaint by its channel and source reference.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="sourceReference">The source's reference, compared ordinally.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The complaint, or <see langword="null"/>.</returns>
    ValueTask<Complaint?> FindBySourceAsync(ComplaintChannel channel, string sourceReference, CancellationToken cancellationToken = default);

    /// <summary>Replaces a complaint if its stored version is the expected one.</summary>
    /// <param name="complaint">The new value; its version is ignored and set to <paramref name="expectedVersion"/> + 1.</param>
    /// <param name="expectedVersion">The version the change was made from.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored complaint, or <see langword="null"/> when the version did not match or the complaint does not exist (nothing written).</returns>
    ValueTask<Complaint?> UpdateAsync(Complaint complaint, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Lists the complaints a specification selects, in its order (by identifier when it has none).</summary>
    /// <param name="specification">The selection.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The complaints.</returns>
    ValueTask<IReadOnlyList<Complaint>> ListAsync(ISpecification<Complaint> specification, CancellationToken cancellationToken = default);

    /// <summary>Counts the complaints a specification selects (ignoring its paging).</summary>
    /// <param name="specification">The selection.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The count.</returns>
    ValueTask<long> CountAsync(ISpecification<Complaint> specification, CancellationToken cancellationToken = default);
}

/// <summary>What <see cref="IComplaintStore.AddAsync"/> did.</summary>
/// <param name="Complaint">The stored complaint: the new one, or the one that already had the key.</param>
/// <param name="Added"><see langword="true"/> when this call added it.</param>
public sealed record ComplaintAddResult(Complaint Complaint, bool Added);
