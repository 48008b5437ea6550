using CustomerCare.Notifications;
using NodaTime;

namespace CustomerCare.Storage.InMemory;

/// <summary>
/// The open messages of <see cref="InMemoryOutboxStore"/> in claim order, so a claim reads only what it returns
/// instead of sorting every open message: pending ones per priority (highest first) by due time and id; in-flight
/// ones by lease end. Not thread-safe; the store calls it under its lock.
/// </summary>
internal sealed class OutboxQueue
{
    private static readonly Comparer<OutboxMessage> DueOrder = Comparer<OutboxMessage>.Create((x, y) =>
    {
        var byDue = x.DueAt.CompareTo(y.DueAt);
        return byDue != 0 ? byDue : string.CompareOrdinal(x.Id, y.Id);
    });

    private static readonly Comparer<OutboxMessage> ClaimOrder = Comparer<OutboxMessage>.Create((x, y) =>
    {
        var byPriority = y.Priority.CompareTo(x.Priority);
        return byPriority != 0 ? byPriority : DueOrder.Compare(x, y);
    });

    private static readonly Comparer<OutboxMessage> LeaseOrder = Comparer<OutboxMessage>.Create((x, y) =>
    {
        var byLease = Nullable.Compare(x.LeaseUntil, y.LeaseUntil);
        return byLease != 0 ? byLease : string.CompareOrdinal(x.Id, y.Id);
    });

    private readonly SortedDictionary<int, SortedSet<OutboxMessage>> _pendingByPriority = new(Comparer<int>.Create((x, y) => y.CompareTo(x)));
    private readonly SortedSet<OutboxMessage> _inFlight = new(LeaseOrder);

    /// <summary>Takes a message's old state out of the queue and puts its new state in, when either is open.</summary>
    /// <param name="previous">The state stored before, if any.</param>
    /// <param name="current">The state stored now.</param>
    public void Replace(OutboxMessage? previous, OutboxMessage current)
    {
        if (previous is not null)
        {
            Remove(previous);
        }

        switch (current.Status)
        {
            case OutboxStatus.Pending:
                if (!_pendingByPriority.TryGetValue(current.Priority, out var pending))
                {
                    _pendingByPriority[current.Priority] = pending = new SortedSet<OutboxMessage>(DueOrder);
                }

                pending.Add(current);
                break;
            case OutboxStatus.InFlight:
                _inFlight.Add(current);
                break;
        }
    }

    /// <summary>
    /// The first <paramref name="limit"/> claimable messages in claim order: pending and due, or in flight with an ended
    /// lease; ordered by priority (highest first), due time, then id.
    /// </summary>
    /// <param name="now">The claim's instant.</param>
    /// <param name="limit">How many at most.</param>
    public List<OutboxMessage> Claimable(Instant now, int limit)
    {
        var candidates = new List<OutboxMessage>(limit);
        foreach (var pending in _pendingByPriority.Values)
        {
            candidates.AddRange(pending.TakeWhile(m => m.DueAt <= now).Take(limit - candidates.Count));
            if (candidates.Count == limit)
            {
                break;
            }
        }

        var expired = _inFlight.TakeWhile(m => m.LeaseUntil <= now).ToList();
        if (expired.Count == 0)
        {
            return candidates;
        }

        // Leases that ended are rare (a dispatcher died), so merging them by a full sort of the few candidates is cheap.
        candidates.AddRange(expired);
        candidates.Sort(ClaimOrder);
        return candidates.Count > limit ? candidates[..limit] : candidates;
    }

    private void Remove(OutboxMessage previous)
    {
        switch (previous.Status)
        {
            case OutboxStatus.Pending when _pendingByPriority.TryGetValue(previous.Priority, out var pending):
                pending.Remove(previous);
                if (pending.Count == 0)
                {
                    // An emptied priority would otherwise be visited by every later claim.
                    _pendingByPriority.Remove(previous.Priority);
                }

                break;
            case OutboxStatus.InFlight:
                _inFlight.Remove(previous);
                break;
        }
    }
}
