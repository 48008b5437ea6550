using CustomerCare.Customers;
using CustomerCare.Orders;

namespace CustomerCare.Storage;

/// <summary>The writes of one atomic commit: customers and orders, each with the version it was read at, and the events they apply.</summary>
/// <remarks>An item may appear once per change set; <see cref="Validate"/> checks that.</remarks>
public sealed record CustomerChangeSet
{
    /// <summary>Customers to write.</summary>
    public IReadOnlyList<VersionedWrite<Customer>> Customers { get; init; } = [];

    /// <summary>Orders to write.</summary>
    public IReadOnlyList<VersionedWrite<Order>> Orders { get; init; } = [];

    /// <summary>Events to record in the ledger.</summary>
    public IReadOnlyList<ProcessedEvent> Events { get; init; } = [];

    /// <summary>Whether the set writes nothing.</summary>
    public bool IsEmpty => Customers.Count == 0 && Orders.Count == 0 && Events.Count == 0;

    /// <summary>Checks that no customer, order or event appears twice and that versions are not negative.</summary>
    /// <exception cref="ArgumentException">The set repeats an item or has a negative version.</exception>
    public void Validate()
    {
        Unique(Customers.Select(w => w.Item.Id.Value), "customer");
        Unique(Orders.Select(w => w.Item.Id.Value), "order");
        Unique(Events.Select(e => e.EventId.Value), "event");
        if (Customers.Any(w => w.ExpectedVersion < 0) || Orders.Any(w => w.ExpectedVersion < 0))
        {
            throw new ArgumentException("An expected version cannot be negative.", nameof(Customers));
        }
    }

    private static void Unique(IEnumerable<string> keys, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!seen.Add(key))
            {
                throw new ArgumentException($"The change set has {what} '{key}' twice.", what);
            }
        }
    }
}

/// <summary>An item to write, with the version it was read at (0 when it must not exist yet).</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Item">The new state.</param>
/// <param name="ExpectedVersion">The version the store must still hold.</param>
public sealed record VersionedWrite<T>(T Item, long ExpectedVersion);
