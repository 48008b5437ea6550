namespace CustomerCare.Webhooks;

/// <summary>The ids of the most recent messages this instance delivered, so a repeated send reports success without sending again.</summary>
/// <remarks>Bounded: the oldest id is forgotten when the set is full. Thread-safe.</remarks>
internal sealed class SentIds(int capacity)
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public bool Contains(string id)
    {
        lock (_lock)
        {
            return _ids.Contains(id);
        }
    }

    public void Add(string id)
    {
        lock (_lock)
        {
            if (!_ids.Add(id))
            {
                return;
            }

            _order.Enqueue(id);
            if (_order.Count > capacity)
            {
                _ids.Remove(_order.Dequeue());
            }
        }
    }
}
