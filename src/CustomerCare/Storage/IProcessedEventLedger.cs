using CustomerCare.Orders;
using NodaTime;

namespace CustomerCare.Storage;

/// <summary>
/// The ledger of events already applied, which makes applying an event idempotent. Entries are written only through
/// <see cref="ICustomerStore.CommitAsync"/>, in the same transaction as the change they caused, so a storage plugin
/// implements this interface over the same storage as its <see cref="ICustomerStore"/>.
/// </summary>
/// <remarks>
/// Thread-safe. An entry stays until <see cref="PruneAsync"/> removes it; keep entries at least as long as the
/// platform may redeliver an event (<see cref="CustomerCareOptions.ProcessedEventRetention"/>).
/// </remarks>
public interface IProcessedEventLedger
{
    /// <summary>Whether an event was applied.</summary>
    /// <param name="eventId">The event identifier.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns><see langword="true"/> when the ledger holds the event.</returns>
    ValueTask<bool> ContainsAsync(EventId eventId, CancellationToken cancellationToken = default);

    /// <summary>Finds the ledger entry of an event.</summary>
    /// <param name="eventId">The event identifier.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entry, or <see langword="null"/>.</returns>
    ValueTask<ProcessedEvent?> FindEntryAsync(EventId eventId, CancellationToken cancellationToken = default);

    /// <summary>Removes entries processed before an instant.</summary>
    /// <param name="processedBefore">Entries with <see cref="ProcessedEvent.ProcessedAt"/> earlier than this go.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    /// <returns>How many entries were removed.</returns>
    ValueTask<int> PruneAsync(Instant processedBefore, CancellationToken cancellationToken = default);
}
