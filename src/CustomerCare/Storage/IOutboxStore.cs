using CustomerCare.Notifications;
using NodaTime;

namespace CustomerCare.Storage;

/// <summary>The durable outbox: rendered messages waiting for their channel.</summary>
/// <remarks>
/// <para><b>Idempotency.</b> <see cref="EnqueueAsync"/> relies on a unique key on <see cref="OutboxMessage.Id"/>: the
/// same key again writes nothing.</para>
/// <para><b>Claiming.</b> <see cref="ClaimDueAsync"/> is one atomic operation (<c>FOR UPDATE SKIP LOCKED</c>, a guarded
/// <c>UPDATE … RETURNING</c>, or a lock): a pending message that is due, or an in-flight one whose lease has ended, is
/// marked in flight for one dispatcher; two dispatchers never hold the same message. Highest priority first, then
/// oldest due.</para>
/// <para><b>Completing.</b> <see cref="CompleteAsync"/> writes only while the dispatcher still holds the message, so a
/// dispatcher whose lease ran out cannot overwrite the outcome of the one that took over. It writes the outcome only
/// (status, attempts, due time, last error, sent time, provider id) and clears the claim; what the message says, and to
/// whom, stays as queued.</para>
/// <para><b>Thread safety.</b> Every member may be called concurrently, from several processes for a shared database.</para>
/// </remarks>
public interface IOutboxStore
{
    /// <summary>Queues a message unless one with its id exists.</summary>
    /// <param name="message">The message, <see cref="OutboxStatus.Pending"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="false"/> when the id was queued before (nothing written).</returns>
    ValueTask<bool> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default);

    /// <summary>Claims up to <paramref name="limit"/> due messages for one dispatcher.</summary>
    /// <param name="now">The instant: due means <see cref="OutboxMessage.DueAt"/> at or before it.</param>
    /// <param name="dispatcherId">The dispatcher claiming.</param>
    /// <param name="lease">How long the claim holds.</param>
    /// <param name="limit">The most messages to claim.</param>
    /// <param name="cancellationToken">Cancels the claim; nothing is claimed.</param>
    /// <returns>The claimed messages, in flight, highest priority first.</returns>
    ValueTask<IReadOnlyList<OutboxMessage>> ClaimDueAsync(Instant now, string dispatcherId, Duration lease, int limit, CancellationToken cancellationToken = default);

    /// <summary>Records what became of a claimed message.</summary>
    /// <param name="completed">
    /// The message with its new status, attempts, due time, error or sent details; its other fields are not written.
    /// </param>
    /// <param name="dispatcherId">The dispatcher that claimed it.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="false"/> when the dispatcher no longer holds it (nothing written).</returns>
    ValueTask<bool> CompleteAsync(OutboxMessage completed, string dispatcherId, CancellationToken cancellationToken = default);

    /// <summary>Finds a message.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The message, or <see langword="null"/>.</returns>
    ValueTask<OutboxMessage?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Lists one customer's messages queued since an instant, oldest first (for frequency caps).</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="since">The start, inclusive, on <see cref="OutboxMessage.EnqueuedAt"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The messages.</returns>
    ValueTask<IReadOnlyList<OutboxMessage>> ListForCustomerAsync(Customers.CustomerId customerId, Instant since, CancellationToken cancellationToken = default);

    /// <summary>
    /// Summarises one customer's messages queued since an instant, oldest first: the messages
    /// <see cref="ListForCustomerAsync"/> lists, without their content. The notification gate reads this for every
    /// message it queues, to apply the frequency cap.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="since">The start, inclusive, on <see cref="OutboxMessage.EnqueuedAt"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The summaries, in the order of <see cref="ListForCustomerAsync"/>.</returns>
    /// <remarks>
    /// The default implementation summarises <see cref="ListForCustomerAsync"/>. A store that can read the few columns
    /// alone should override it: a customer's recent messages, bodies included, are tens of kilobytes to read and parse.
    /// </remarks>
    async ValueTask<IReadOnlyList<OutboxMessageSummary>> SummarizeForCustomerAsync(Customers.CustomerId customerId, Instant since, CancellationToken cancellationToken = default) =>
        [.. (await ListForCustomerAsync(customerId, since, cancellationToken).ConfigureAwait(false)).Select(OutboxMessageSummary.Of)];

    /// <summary>Counts the messages in a status.</summary>
    /// <param name="status">The status.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The count.</returns>
    ValueTask<long> CountAsync(OutboxStatus status, CancellationToken cancellationToken = default);
}
