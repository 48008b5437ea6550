using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerCare.Testing;

/// <summary>
/// The common base of the storage suites: how a suite gets a fresh store. Derive one of the suites, not this class.
/// </summary>
/// <remarks>
/// xunit creates a new instance of the derived class for every test, and every test calls
/// <see cref="CreateStoreAsync"/> once and disposes the result at its end. Tests of one class may run in parallel with
/// tests of other classes, so each store must be isolated (its own database, schema or file).
/// </remarks>
public abstract class StoreConformanceTestsBase
{
    private protected static readonly Instant Epoch = Instant.FromUtc(2026, 3, 1, 9, 0);

    /// <summary>Creates an empty store, isolated from every other test, for one test.</summary>
    /// <returns>The store and how to clean it up.</returns>
    protected abstract ValueTask<CustomerStoreUnderTest> CreateStoreAsync();

    private protected static CancellationToken CancelledToken() => new(canceled: true);

    private protected static CustomerEventProcessor CreateProcessor(CustomerStoreUnderTest store, IClock clock) =>
        new(store.Customers, store.Ledger, clock, Options.Create(new CustomerCareOptions { MaxCommitAttempts = 100 }));

    private protected static ProcessedEvent Entry(string eventId, Customer customer, Instant processedAt, string kind = "customer_registered") =>
        new(EventId.From(eventId), kind, customer.Id, processedAt);

    private protected static Customer NewCustomer(string id, string? city = null) =>
        new CustomerBuilder().WithId(id).InCity(city).Build();

    private protected static Order NewOrder(string id, Customer owner, decimal total, Instant placedAt) =>
        new(OrderId.From(id), owner.Id, placedAt, new Money(total, owner.Stats.TotalSpend.Currency));

    /// <summary>Commits a change set that must succeed, with a message naming the outcome when it does not.</summary>
    private protected static async Task CommitOrFailAsync(CustomerStoreUnderTest store, CustomerChangeSet changes)
    {
        var result = await store.Customers.CommitAsync(changes);
        Xunit.Assert.True(result.IsCommitted, $"A commit that should succeed returned {result.Outcome} (conflict key '{result.ConflictKey}').");
    }

    /// <summary>Inserts customers, each new (expected version 0), in one commit.</summary>
    private protected static Task InsertAsync(CustomerStoreUnderTest store, params Customer[] customers) =>
        CommitOrFailAsync(store, new CustomerChangeSet { Customers = customers.Select(c => new VersionedWrite<Customer>(c, 0)).ToArray() });
}
