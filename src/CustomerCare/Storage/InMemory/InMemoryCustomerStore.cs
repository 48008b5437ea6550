using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Privacy.Erasure;
using CustomerCare.Specifications;
using NodaTime;

namespace CustomerCare.Storage.InMemory;

/// <summary>
/// The default <see cref="ICustomerStore"/> and <see cref="IProcessedEventLedger"/>: everything in process memory,
/// lost when the process ends.
/// </summary>
/// <remarks>
/// Readers see immutable snapshots and never block; commits are serialized by one lock and swap in a new snapshot,
/// so a reader sees a change set completely or not at all. Thread-safe.
/// </remarks>
public sealed class InMemoryCustomerStore : ICustomerStore, IProcessedEventLedger, IPersonalDataHolder
{
    private readonly Lock _writeLock = new();
    private volatile Snapshot _state = Snapshot.Empty;

    /// <inheritdoc />
    public ValueTask<Customer?> FindAsync(CustomerId id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_state.Customers.GetValueOrDefault(id.Value));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Customer>> ListAsync(ISpecification<Customer> specification, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<Customer> result = InMemorySpecificationEvaluator.Evaluate(_state.Customers.Values, specification).ToArray();
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Customer> StreamAsync(ISpecification<Customer> specification, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specification);
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var customer in InMemorySpecificationEvaluator.Evaluate(_state.Customers.Values, specification))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return customer;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<long> CountAsync(ISpecification<Customer> specification, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(InMemorySpecificationEvaluator.Count(_state.Customers.Values, specification));
    }

    /// <inheritdoc />
    public ValueTask<Order?> FindOrderAsync(OrderId id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_state.Orders.GetValueOrDefault(id.Value));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Order>> ListOrdersAsync(ISpecification<Order> specification, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<Order> result = InMemorySpecificationEvaluator.Evaluate(_state.Orders.Values, specification).ToArray();
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public ValueTask<CommitResult> CommitAsync(CustomerChangeSet changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        changes.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        lock (_writeLock)
        {
            var state = _state;
            if (FindConflict(state, changes) is { } conflict)
            {
                return ValueTask.FromResult(conflict);
            }

            var customers = state.Customers.ToBuilder();
            foreach (var write in changes.Customers)
            {
                customers[write.Item.Id.Value] = write.Item with { Version = write.ExpectedVersion + 1 };
            }

            var orders = state.Orders.ToBuilder();
            foreach (var write in changes.Orders)
            {
                orders[write.Item.Id.Value] = write.Item with { Version = write.ExpectedVersion + 1 };
            }

            var events = state.Events.ToBuilder();
            foreach (var entry in changes.Events)
            {
                events[entry.EventId.Value] = entry;
            }

            _state = new Snapshot(customers.ToImmutable(), orders.ToImmutable(), events.ToImmutable());
            return ValueTask.FromResult(CommitResult.Committed);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> ContainsAsync(EventId eventId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_state.Events.ContainsKey(eventId.Value));
    }

    /// <inheritdoc />
    public ValueTask<ProcessedEvent?> FindEntryAsync(EventId eventId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_state.Events.GetValueOrDefault(eventId.Value));
    }

    /// <inheritdoc />
    public ValueTask<int> PruneAsync(Instant processedBefore, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_writeLock)
        {
            var state = _state;
            var stale = state.Events.Values.Where(e => e.ProcessedAt < processedBefore).Select(e => e.EventId.Value).ToArray();
            _state = state with { Events = state.Events.RemoveRange(stale) };
            return ValueTask.FromResult(stale.Length);
        }
    }

    /// <inheritdoc />
    /// <remarks>Sections <c>profile</c>, <c>orders</c> and <c>processed_events</c>.</remarks>
    public ValueTask<IReadOnlyList<PersonalDataSection>> ExportAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var state = _state;
        if (!state.Customers.TryGetValue(customerId.Value, out var customer))
        {
            return ValueTask.FromResult<IReadOnlyList<PersonalDataSection>>([]);
        }

        IReadOnlyList<PersonalDataSection> sections =
        [
            PersonalDataSection.From("profile", customer),
            PersonalDataSection.From("orders", state.Orders.Values.Where(o => o.CustomerId == customerId).ToArray()),
            PersonalDataSection.From("processed_events", state.Events.Values.Where(e => e.CustomerId == customerId).OrderBy(e => e.ProcessedAt).ThenBy(e => e.EventId.Value, StringComparer.Ordinal).ToArray()),
        ];
        return ValueTask.FromResult(sections);
    }

    /// <inheritdoc />
    /// <remarks>Anonymizes the profile with <see cref="CustomerAnonymizer"/> under the next version; orders and processed events carry no identity and stay.</remarks>
    public ValueTask<ErasureChanges> EraseAsync(CustomerId customerId, ErasureContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_writeLock)
        {
            var state = _state;
            if (!state.Customers.TryGetValue(customerId.Value, out var customer) || CustomerAnonymizer.IsAnonymized(customer))
            {
                return ValueTask.FromResult(ErasureChanges.None);
            }

            var anonymized = CustomerAnonymizer.Anonymize(customer) with { Version = customer.Version + 1 };
            _state = state with { Customers = state.Customers.SetItem(customerId.Value, anonymized) };
            return ValueTask.FromResult(ErasureChanges.None.With("profile", 1));
        }
    }

    private static CommitResult? FindConflict(Snapshot state, CustomerChangeSet changes)
    {
        foreach (var entry in changes.Events)
        {
            if (state.Events.ContainsKey(entry.EventId.Value))
            {
                return new CommitResult(CommitOutcome.EventAlreadyProcessed, entry.EventId.Value);
            }
        }

        foreach (var write in changes.Customers)
        {
            var stored = state.Customers.GetValueOrDefault(write.Item.Id.Value)?.Version ?? 0;
            if (stored != write.ExpectedVersion)
            {
                return new CommitResult(CommitOutcome.VersionConflict, write.Item.Id.Value);
            }
        }

        foreach (var write in changes.Orders)
        {
            var stored = state.Orders.GetValueOrDefault(write.Item.Id.Value)?.Version ?? 0;
            if (stored != write.ExpectedVersion)
            {
                return new CommitResult(CommitOutcome.VersionConflict, write.Item.Id.Value);
            }
        }

        return null;
    }

    private sealed record Snapshot(
        ImmutableSortedDictionary<string, Customer> Customers,
        ImmutableSortedDictionary<string, Order> Orders,
        ImmutableDictionary<string, ProcessedEvent> Events)
    {
        public static Snapshot Empty { get; } = new(
            ImmutableSortedDictionary.Create<string, Customer>(StringComparer.Ordinal),
            ImmutableSortedDictionary.Create<string, Order>(StringComparer.Ordinal),
            ImmutableDictionary.Create<string, ProcessedEvent>(StringComparer.Ordinal));
    }
}
