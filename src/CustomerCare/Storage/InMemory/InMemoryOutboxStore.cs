using CustomerCare.Customers;
using CustomerCare.Notifications;
using CustomerCare.Privacy.Erasure;
using NodaTime;

namespace CustomerCare.Storage.InMemory;

/// <summary>The default <see cref="IOutboxStore"/>: messages in process memory, lost with the process.</summary>
/// <remarks>
/// Thread-safe: one lock per store makes each claim and each completion one step. Open messages are kept in claim order,
/// so a claim reads only what it returns, and a customer's messages are indexed; neither grows with the sent history.
/// </remarks>
public sealed class InMemoryOutboxStore : IOutboxStore, IPersonalDataHolder
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, OutboxMessage> _messages = new(StringComparer.Ordinal);
    private readonly OutboxQueue _queue = new();
    private readonly Dictionary<CustomerId, List<string>> _byCustomer = [];
    private readonly Dictionary<OutboxStatus, long> _counts = [];

    /// <inheritdoc />
    public ValueTask<bool> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (_messages.ContainsKey(message.Id))
            {
                return ValueTask.FromResult(false);
            }

            Put(message with { Status = OutboxStatus.Pending, ClaimedBy = null, LeaseUntil = null });
            if (message.CustomerId is { } customerId)
            {
                if (!_byCustomer.TryGetValue(customerId, out var ids))
                {
                    _byCustomer[customerId] = ids = [];
                }

                ids.Add(message.Id);
            }

            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<OutboxMessage>> ClaimDueAsync(Instant now, string dispatcherId, Duration lease, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dispatcherId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var claimed = _queue.Claimable(now, limit)
                .Select(m => m with { Status = OutboxStatus.InFlight, ClaimedBy = dispatcherId, LeaseUntil = now + lease })
                .ToArray();
            foreach (var message in claimed)
            {
                Put(message);
            }

            return ValueTask.FromResult<IReadOnlyList<OutboxMessage>>(claimed);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> CompleteAsync(OutboxMessage completed, string dispatcherId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(completed);
        ArgumentException.ThrowIfNullOrWhiteSpace(dispatcherId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_messages.TryGetValue(completed.Id, out var stored) || stored.Status != OutboxStatus.InFlight || !string.Equals(stored.ClaimedBy, dispatcherId, StringComparison.Ordinal))
            {
                return ValueTask.FromResult(false);
            }

            Put(stored with
            {
                Status = completed.Status,
                Attempts = completed.Attempts,
                DueAt = completed.DueAt,
                LastError = completed.LastError,
                SentAt = completed.SentAt,
                ProviderMessageId = completed.ProviderMessageId,
                ClaimedBy = null,
                LeaseUntil = null,
            });
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<OutboxMessage?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return ValueTask.FromResult(_messages.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<OutboxMessage>> ListForCustomerAsync(Customers.CustomerId customerId, Instant since, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            IReadOnlyList<OutboxMessage> result = [.. OfCustomer(customerId).Where(m => m.EnqueuedAt >= since).OrderBy(m => m.EnqueuedAt).ThenBy(m => m.Id, StringComparer.Ordinal)];
            return ValueTask.FromResult(result);
        }
    }

    /// <inheritdoc />
    public ValueTask<long> CountAsync(OutboxStatus status, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return ValueTask.FromResult(_counts.GetValueOrDefault(status));
        }
    }

    /// <inheritdoc />
    /// <remarks>Section <c>messages</c>: those queued for the customer, oldest first.</remarks>
    public ValueTask<IReadOnlyList<PersonalDataSection>> ExportAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var messages = _messages.Values.Where(m => m.CustomerId == customerId).OrderBy(m => m.EnqueuedAt).ThenBy(m => m.Id, StringComparer.Ordinal).ToArray();
            return ValueTask.FromResult<IReadOnlyList<PersonalDataSection>>(messages.Length == 0 ? [] : [PersonalDataSection.From("messages", messages)]);
        }
    }

    /// <inheritdoc />
    /// <remarks>Masks the recipient, subject, body, metadata and error of every message for the customer (by customer or recipient); waiting ones become dead letters.</remarks>
    public ValueTask<ErasureChanges> EraseAsync(CustomerId customerId, ErasureContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var changed = 0;
            foreach (var message in _messages.Values.Where(m => PersonalDataRedaction.Concerns(m, context)).ToArray())
            {
                if (PersonalDataRedaction.TryRedact(message, context, out var redacted))
                {
                    Put(redacted);
                    changed++;
                }
            }

            return ValueTask.FromResult(ErasureChanges.None.With("messages", changed));
        }
    }

    /// <summary>Stores a message's new state and keeps the claim queue and the counts in step; called under the lock.</summary>
    private void Put(OutboxMessage message)
    {
        if (_messages.TryGetValue(message.Id, out var previous))
        {
            _counts[previous.Status]--;
        }

        _messages[message.Id] = message;
        _counts[message.Status] = _counts.GetValueOrDefault(message.Status) + 1;
        _queue.Replace(previous, message);
    }

    private IEnumerable<OutboxMessage> OfCustomer(CustomerId customerId) =>
        _byCustomer.TryGetValue(customerId, out var ids) ? ids.Select(id => _messages[id]) : [];
}
