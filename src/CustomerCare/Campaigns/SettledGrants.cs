using System.Collections.Concurrent;
using CustomerCare.Customers;

namespace CustomerCare.Campaigns;

/// <summary>
/// The (customer, period) grants of one campaign that this process has seen stored and heard by every observer: a
/// rerun skips them without asking the ledger again.
/// </summary>
/// <remarks>
/// A fact, never a guess: the ledger keeps grants for good, so an entry stays true. The set is bounded; when it is full
/// it starts empty again, which costs only the ledger questions it saved. Thread-safe.
/// </remarks>
internal sealed class SettledGrants
{
    /// <summary>How many grants one campaign remembers before it starts again: about 100 bytes each.</summary>
    public const int Capacity = 500_000;

    private readonly ConcurrentDictionary<(CustomerId Customer, string Period), byte> _settled = new();
    private int _count;

    /// <summary>Whether the grant was settled before.</summary>
    public bool Contains(CustomerId customer, string period) => _settled.ContainsKey((customer, period));

    /// <summary>Remembers a grant whose observers have all returned.</summary>
    public void Add(CustomerId customer, string period)
    {
        if (!_settled.TryAdd((customer, period), 0))
        {
            return;
        }

        if (Interlocked.Increment(ref _count) > Capacity)
        {
            // A racing add may be lost with the rest; it is asked of the ledger again, as before it was remembered.
            _settled.Clear();
            Interlocked.Exchange(ref _count, 0);
        }
    }
}
