using CustomerCare.Customers;
using CustomerCare.Privacy.Consent;

namespace CustomerCare.Storage;

/// <summary>
/// The consent ledger: every grant and withdrawal of a consent, per customer, kept forever in the order it was
/// appended. It is the source of truth for consent; the current state is derived from it with
/// <see cref="ConsentState.From"/>.
/// </summary>
/// <remarks>
/// <para><b>Append only.</b> The history is never rewritten: no member updates or deletes a record.</para>
/// <para><b>Idempotency.</b> A record is keyed by <see cref="ConsentRecord.Id"/>. Appending a record equal to a stored
/// one (every field) writes nothing and is not an error; appending a different record under a stored id throws
/// <see cref="ConsentRecordConflictException"/>.</para>
/// <para><b>Atomicity.</b> <see cref="AppendAsync(IReadOnlyList{ConsentRecord}, CancellationToken)"/> writes all its
/// new records or none: when one of them conflicts, nothing of the batch is written.</para>
/// <para><b>Ordering.</b> Each appended record takes the next position in one sequence (a ledger-wide counter or the
/// insertion order). <see cref="HistoryAsync"/> returns a customer's records by <see cref="ConsentRecord.RecordedAt"/>,
/// then by that sequence, which is the order <see cref="ConsentState.From"/> reads them in.</para>
/// <para><b>Thread safety.</b> Every member may be called concurrently, from several processes for a shared database;
/// racing appends for one customer all land, each once.</para>
/// </remarks>
public interface IConsentLedger
{
    /// <summary>Appends records, all or nothing, skipping those already stored with equal content.</summary>
    /// <param name="records">The records, in the order they were given or withdrawn; ids must be distinct.</param>
    /// <param name="cancellationToken">Cancels the write; nothing is written.</param>
    /// <returns>How many records were new and written.</returns>
    /// <exception cref="ArgumentException">Two records of the batch share an id.</exception>
    /// <exception cref="ConsentRecordConflictException">A record's id is stored with different content; nothing was written.</exception>
    ValueTask<int> AppendAsync(IReadOnlyList<ConsentRecord> records, CancellationToken cancellationToken = default);

    /// <summary>Lists one customer's history: by <see cref="ConsentRecord.RecordedAt"/>, then by append sequence.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records; empty for a customer without any.</returns>
    ValueTask<IReadOnlyList<ConsentRecord>> HistoryAsync(CustomerId customerId, CancellationToken cancellationToken = default);

    /// <summary>The current state of one customer, as <see cref="ConsentState.From"/> derives it from <see cref="HistoryAsync"/>.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The state; <see cref="ConsentState.None"/> for a customer without records.</returns>
    ValueTask<ConsentState> StateAsync(CustomerId customerId, CancellationToken cancellationToken = default);

    /// <summary>Counts the records of the whole ledger.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The count.</returns>
    ValueTask<long> CountAsync(CancellationToken cancellationToken = default);
}
