using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Specifications;

namespace CustomerCare.Storage;

/// <summary>Stores customers and their orders. A storage plugin implements it together with <see cref="IProcessedEventLedger"/>.</summary>
/// <remarks>
/// <para><b>Thread safety.</b> Every member may be called concurrently, from several threads and, for a shared
/// database, from several application instances.</para>
/// <para><b>Atomicity.</b> <see cref="CommitAsync"/> is the only write, and it is all-or-nothing: the customers, the
/// orders and the processed-event entries of one change set are written together or not at all. It is a conditional
/// write: each item carries the version it was read at, and the commit fails with
/// <see cref="CommitOutcome.VersionConflict"/> when any item has moved on, and with
/// <see cref="CommitOutcome.EventAlreadyProcessed"/> when any event of the set is already in the ledger. Two
/// concurrent commits of the same event can never both succeed.</para>
/// <para><b>Versions.</b> A committed item is stored with version <c>ExpectedVersion + 1</c>; reads return it with that
/// version. Expected version 0 means "must not exist yet".</para>
/// <para><b>Queries.</b> Results equal what <see cref="InMemorySpecificationEvaluator"/> returns over all stored items
/// in ascending ordinal identifier order. Returned instances are immutable snapshots.</para>
/// <para><b>Errors.</b> Cancellation throws <see cref="OperationCanceledException"/> and writes nothing. Storage failures
/// surface as the plugin's own exceptions; a business outcome (conflict, duplicate) is a <see cref="CommitResult"/>,
/// never an exception.</para>
/// </remarks>
public interface ICustomerStore
{
    /// <summary>Finds a customer by identifier.</summary>
    /// <param name="id">The customer identifier.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The customer, or <see langword="null"/>.</returns>
    ValueTask<Customer?> FindAsync(CustomerId id, CancellationToken cancellationToken = default);

    /// <summary>Lists the customers a specification selects, ordered and paged as it says.</summary>
    /// <param name="specification">The query.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The customers.</returns>
    ValueTask<IReadOnlyList<Customer>> ListAsync(ISpecification<Customer> specification, CancellationToken cancellationToken = default);

    /// <summary>Streams the customers a specification selects, for populations too large to hold in one list.</summary>
    /// <param name="specification">The query.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The customers, in the same order as <see cref="ListAsync"/>.</returns>
    IAsyncEnumerable<Customer> StreamAsync(ISpecification<Customer> specification, CancellationToken cancellationToken = default);

    /// <summary>Counts the customers whose criteria hold; ordering and paging are ignored.</summary>
    /// <param name="specification">The query.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The count.</returns>
    ValueTask<long> CountAsync(ISpecification<Customer> specification, CancellationToken cancellationToken = default);

    /// <summary>Finds an order by identifier.</summary>
    /// <param name="id">The order identifier.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The order, or <see langword="null"/>.</returns>
    ValueTask<Order?> FindOrderAsync(OrderId id, CancellationToken cancellationToken = default);

    /// <summary>Lists the orders a specification selects, ordered and paged as it says.</summary>
    /// <param name="specification">The query.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The orders.</returns>
    ValueTask<IReadOnlyList<Order>> ListOrdersAsync(ISpecification<Order> specification, CancellationToken cancellationToken = default);

    /// <summary>Writes a change set atomically and conditionally (see the remarks on the type).</summary>
    /// <param name="changes">The change set.</param>
    /// <param name="cancellationToken">Cancels the write; a cancelled commit writes nothing.</param>
    /// <returns>Whether it was committed, and if not, why.</returns>
    ValueTask<CommitResult> CommitAsync(CustomerChangeSet changes, CancellationToken cancellationToken = default);
}
