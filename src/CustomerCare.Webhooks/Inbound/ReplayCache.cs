using NodaTime;

namespace CustomerCare.Webhooks;

/// <summary>
/// The ids of recently accepted signed posts, so a captured post sent again inside the timestamp window is refused.
/// </summary>
/// <remarks>
/// An id is kept for <c>window</c> (twice the timestamp tolerance: the longest a replay of a fresh post can still pass
/// the timestamp check); bounded: past <c>capacity</c> ids the oldest is forgotten. Time comes from the caller's clock.
/// Thread-safe.
/// </remarks>
internal sealed class ReplayCache(int capacity, Duration window)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Instant> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, Instant At)> _order = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _seen.Count;
            }
        }
    }

    /// <summary>Records every key, or none when one of them was seen within the window.</summary>
    /// <returns>The first key already seen, or <see langword="null"/> when all were recorded.</returns>
    public string? TryAddAll(IReadOnlyList<string> keys, Instant now)
    {
        lock (_lock)
        {
            Prune(now);
            foreach (var key in keys)
            {
                if (_seen.ContainsKey(key))
                {
                    return key;
                }
            }

            foreach (var key in keys)
            {
                if (_seen.TryAdd(key, now))
                {
                    _order.Enqueue((key, now));
                }
            }

            while (_seen.Count > capacity && _order.TryDequeue(out var oldest))
            {
                Forget(oldest);
            }

            return null;
        }
    }

    /// <summary>Forgets keys, for a post that was not accepted after all (so its sender's retry is not a replay).</summary>
    public void RemoveAll(IEnumerable<string> keys)
    {
        lock (_lock)
        {
            foreach (var key in keys)
            {
                _seen.Remove(key);
            }
        }
    }

    private void Prune(Instant now)
    {
        while (_order.TryPeek(out var oldest) && oldest.At + window < now)
        {
            _order.Dequeue();
            Forget(oldest);
        }
    }

    private void Forget((string Key, Instant At) entry)
    {
        // A key removed and added again has a newer entry in the queue; only the entry that is current is forgotten.
        if (_seen.TryGetValue(entry.Key, out var at) && at == entry.At)
        {
            _seen.Remove(entry.Key);
        }
    }
}
