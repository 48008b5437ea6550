using CustomerCare.Privacy.Audit;

namespace CustomerCare.Storage;

/// <summary>The append-only audit log: a hash chain of <see cref="AuditEntry"/> values (see <see cref="AuditChain"/>).</summary>
/// <remarks>
/// <para><b>Append only.</b> There is no update and no delete. A store keeps entries exactly as sealed: every field,
/// including <see cref="AuditEntry.At"/> to the nanosecond, reads back equal.</para>
/// <para><b>Atomicity.</b> <see cref="AppendAsync"/> reads the last entry, seals the record after it with
/// <see cref="AuditChain.Seal"/> and writes it, as one step under a lock that every appender takes (a transaction
/// lock, <c>BEGIN IMMEDIATE</c>, or a monitor), with a unique key on the sequence: concurrent appenders, from several
/// processes on a shared database, get consecutive sequence numbers and one unbroken chain.</para>
/// <para><b>Ordering.</b> Sequence numbers start at 1 and have no gaps; <see cref="ReadAsync"/> returns entries in
/// sequence order.</para>
/// <para><b>Thread safety.</b> Every member may be called concurrently.</para>
/// </remarks>
public interface IAuditLog
{
    /// <summary>Appends a record as the next entry of the chain.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the append; nothing is written then.</param>
    /// <returns>The sealed entry, with its sequence number and hashes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    ValueTask<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken = default);

    /// <summary>Reads entries in sequence order.</summary>
    /// <param name="fromSequence">The first sequence number to read, inclusive; 1 for the start.</param>
    /// <param name="limit">The most entries to return.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Up to <paramref name="limit"/> entries with a sequence number of at least <paramref name="fromSequence"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not positive.</exception>
    ValueTask<IReadOnlyList<AuditEntry>> ReadAsync(long fromSequence, int limit, CancellationToken cancellationToken = default);
}
