using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using CustomerCare.Storage.InMemory;
using NodaTime;

namespace CustomerCare.Tests.Conformance;

/// <summary>Forwards both storage contracts to a real in-memory store; tests override one member to break or observe it.</summary>
internal abstract class DelegatingStore(InMemoryCustomerStore inner) : ICustomerStore, IProcessedEventLedger
{
    protected InMemoryCustomerStore Inner { get; } = inner;

    public virtual ValueTask<Customer?> FindAsync(CustomerId id, CancellationToken cancellationToken = default) => Inner.FindAsync(id, cancellationToken);

    public virtual ValueTask<IReadOnlyList<Customer>> ListAsync(ISpecification<Customer> specification, CancellationToken cancellationToken = default) =>
        Inner.ListAsync(specification, cancellationToken);

    public virtual IAsyncEnumerable<Customer> StreamAsync(ISpecification<Customer> specification, CancellationToken cancellationToken = default) =>
        Inner.StreamAsync(specification, cancellationToken);

    public virtual ValueTask<long> CountAsync(ISpecification<Customer> specification, CancellationToken cancellationToken = default) =>
        Inner.CountAsync(specification, cancellationToken);

    public virtual ValueTask<Order?> FindOrderAsync(OrderId id, CancellationToken cancellationToken = default) => Inner.FindOrderAsync(id, cancellationToken);

    public virtual ValueTask<IReadOnlyList<Order>> ListOrdersAsync(ISpecification<Order> specification, CancellationToken cancellationToken = default) =>
        Inner.ListOrdersAsync(specification, cancellationToken);

    public virtual ValueTask<CommitResult> CommitAsync(CustomerChangeSet changes, CancellationToken cancellationToken = default) =>
        Inner.CommitAsync(changes, cancellationToken);

    public virtual ValueTask<bool> ContainsAsync(EventId eventId, CancellationToken cancellationToken = default) => Inner.ContainsAsync(eventId, cancellationToken);

    public virtual ValueTask<ProcessedEvent?> FindEntryAsync(EventId eventId, CancellationToken cancellationToken = default) =>
        Inner.FindEntryAsync(eventId, cancellationToken);

    public virtual ValueTask<int> PruneAsync(Instant processedBefore, CancellationToken cancellationToken = default) =>
        Inner.PruneAsync(processedBefore, cancellationToken);
}
