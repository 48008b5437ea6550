using CustomerCare.Customers;
using CustomerCare.Privacy.Breach;
using NodaTime;

namespace CustomerCare.Storage.InMemory;

/// <summary>The default <see cref="IBreachRegister"/>: breaches and notifications in process memory, lost with the process.</summary>
/// <remarks>Thread-safe: one lock makes each write one step.</remarks>
public sealed class InMemoryBreachRegister : IBreachRegister
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, DataBreach> _breaches = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedDictionary<string, BreachNotification>> _notifications = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<bool> RecordAsync(DataBreach breach, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(breach);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return ValueTask.FromResult(_breaches.TryAdd(breach.Id, breach));
        }
    }

    /// <inheritdoc />
    public ValueTask<DataBreach?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return ValueTask.FromResult(_breaches.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<DataBreach>> ListAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            IReadOnlyList<DataBreach> list = [.. _breaches.Values.OrderBy(b => b.DetectedAt).ThenBy(b => b.Id, StringComparer.Ordinal)];
            return ValueTask.FromResult(list);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> MarkAuthorityNotifiedAsync(string id, Instant at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_breaches.TryGetValue(id, out var breach) || breach.AuthorityNotifiedAt is not null)
            {
                return ValueTask.FromResult(false);
            }

            _breaches[id] = breach with { AuthorityNotifiedAt = at };
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<int> RecordNotificationsAsync(IReadOnlyList<BreachNotification> notifications, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (notifications.FirstOrDefault(n => !_breaches.ContainsKey(n.BreachId)) is { } orphan)
            {
                throw new KeyNotFoundException($"Breach '{orphan.BreachId}' is not recorded; record it before its notifications.");
            }

            var added = 0;
            foreach (var notification in notifications)
            {
                if (!_notifications.TryGetValue(notification.BreachId, out var ofBreach))
                {
                    ofBreach = new SortedDictionary<string, BreachNotification>(StringComparer.Ordinal);
                    _notifications[notification.BreachId] = ofBreach;
                }

                if (ofBreach.TryAdd(notification.CustomerId.Value, notification))
                {
                    added++;
                }
            }

            return ValueTask.FromResult(added);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<BreachNotification>> NotificationsAsync(string breachId, CustomerId? afterCustomer, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(breachId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            IReadOnlyList<BreachNotification> page = _notifications.TryGetValue(breachId, out var ofBreach)
                ? [.. ofBreach.Where(p => afterCustomer is not { } after || string.CompareOrdinal(p.Key, after.Value) > 0).Take(limit).Select(p => p.Value)]
                : [];
            return ValueTask.FromResult(page);
        }
    }

    /// <inheritdoc />
    public ValueTask<long> CountNotificationsAsync(string breachId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(breachId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return ValueTask.FromResult(_notifications.TryGetValue(breachId, out var ofBreach) ? (long)ofBreach.Count : 0);
        }
    }
}
