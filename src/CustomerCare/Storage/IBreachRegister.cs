using CustomerCare.Customers;
using CustomerCare.Privacy.Breach;
using NodaTime;

namespace CustomerCare.Storage;

/// <summary>The register of personal-data breaches, and the evidence of which affected customer was notified when.</summary>
/// <remarks>
/// <para><b>Idempotency.</b> <see cref="RecordAsync"/> writes a breach once per id; <see cref="RecordNotificationsAsync"/>
/// writes one notification per (breach, customer) and ignores the rest, so a notifier that crashed and runs again adds
/// only what is missing.</para>
/// <para><b>Atomicity.</b> <see cref="RecordNotificationsAsync"/> writes its batch in one transaction: all or none.
/// <see cref="MarkAuthorityNotifiedAsync"/> sets the instant once, with a guarded update.</para>
/// <para><b>Ordering.</b> Breaches list by detection instant, then id; notifications by customer id, ordinal.</para>
/// <para><b>Thread safety.</b> Every member may be called concurrently, from several processes for a shared database.</para>
/// </remarks>
public interface IBreachRegister
{
    /// <summary>Records a breach unless one with its id exists.</summary>
    /// <param name="breach">The breach.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="false"/> when the id was recorded before (nothing written).</returns>
    ValueTask<bool> RecordAsync(DataBreach breach, CancellationToken cancellationToken = default);

    /// <summary>Finds a breach.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The breach, every field as recorded, or <see langword="null"/>.</returns>
    ValueTask<DataBreach?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Lists every breach, by detection instant then id.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The breaches.</returns>
    ValueTask<IReadOnlyList<DataBreach>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Records when the authority was told, unless it was recorded before.</summary>
    /// <param name="id">The breach.</param>
    /// <param name="at">When the authority was told.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="false"/> when there is no such breach or the instant was already set (nothing written).</returns>
    ValueTask<bool> MarkAuthorityNotifiedAsync(string id, Instant at, CancellationToken cancellationToken = default);

    /// <summary>Records notifications, skipping (breach, customer) pairs recorded before.</summary>
    /// <param name="notifications">The notifications; their breach must be recorded.</param>
    /// <param name="cancellationToken">Cancels the write; nothing is written then.</param>
    /// <returns>How many were new.</returns>
    /// <exception cref="KeyNotFoundException">A notification names a breach that is not recorded; nothing is written.</exception>
    ValueTask<int> RecordNotificationsAsync(IReadOnlyList<BreachNotification> notifications, CancellationToken cancellationToken = default);

    /// <summary>Lists a breach's notifications after a customer id, by customer id, for paging.</summary>
    /// <param name="breachId">The breach.</param>
    /// <param name="afterCustomer">The last customer of the previous page, or <see langword="null"/> for the first page.</param>
    /// <param name="limit">The most to return.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The notifications.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not positive.</exception>
    ValueTask<IReadOnlyList<BreachNotification>> NotificationsAsync(string breachId, CustomerId? afterCustomer, int limit, CancellationToken cancellationToken = default);

    /// <summary>Counts a breach's notifications.</summary>
    /// <param name="breachId">The breach.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The count.</returns>
    ValueTask<long> CountNotificationsAsync(string breachId, CancellationToken cancellationToken = default);
}
