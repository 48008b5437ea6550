using CustomerCare.Customers;
using CustomerCare.Policy.Compensation;
using CustomerCare.Policy.Promises;
using NodaTime;

namespace CustomerCare.Storage;

/// <summary>The compensation ledger: every compensation owed for a broken promise, once per (subject, kind), within the per-customer caps.</summary>
/// <remarks>
/// <para><b>Atomicity.</b> <see cref="RecordAsync"/> is one conditional operation: it checks that (subject, kind) is new
/// and counts the customer's coupon compensations since the cap period's start, and records the entry, all at once (a
/// unique key plus a guarded insert, or a serializable transaction). When the cap is reached the entry is still recorded
/// (the apology is owed), with <see cref="CompensationEntry.WithCoupon"/> <see langword="false"/>. Racing calls for one
/// subject and kind record exactly one entry, and racing calls for one customer never exceed the cap.</para>
/// <para><b>Thread safety.</b> Every member may be called concurrently, from several processes for a shared database.</para>
/// </remarks>
public interface ICompensationLedger
{
    /// <summary>Records a compensation unless its subject and kind were recorded before.</summary>
    /// <param name="entry">The entry; <see cref="CompensationEntry.WithCoupon"/> says whether a coupon is wanted.</param>
    /// <param name="maxCouponsPerCustomer">The cap: when the customer already has this many coupon compensations since <paramref name="capSince"/>, the entry is recorded without a coupon.</param>
    /// <param name="capSince">The start of the cap period.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored entry (the earlier one when already recorded) and what happened.</returns>
    ValueTask<(CompensationEntry Entry, CompensationOutcome Outcome)> RecordAsync(CompensationEntry entry, int maxCouponsPerCustomer, Instant capSince, CancellationToken cancellationToken = default);

    /// <summary>Finds the entry of a subject and kind.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entry, or <see langword="null"/>.</returns>
    ValueTask<CompensationEntry?> FindAsync(string subject, BrokenPromiseKind kind, CancellationToken cancellationToken = default);

    /// <summary>Lists the entries recorded within an interval, oldest first.</summary>
    /// <param name="from">The start, inclusive.</param>
    /// <param name="until">The end, exclusive.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries.</returns>
    ValueTask<IReadOnlyList<CompensationEntry>> ListAsync(Instant from, Instant until, CancellationToken cancellationToken = default);

    /// <summary>Lists one customer's entries, oldest first.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries.</returns>
    ValueTask<IReadOnlyList<CompensationEntry>> EntriesOfAsync(CustomerId customerId, CancellationToken cancellationToken = default);
}
