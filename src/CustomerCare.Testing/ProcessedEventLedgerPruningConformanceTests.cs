using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using NodaTime;
using Xunit;

namespace CustomerCare.Testing;

/// <summary>
/// The pruning capability of <see cref="IProcessedEventLedger"/>: <see cref="IProcessedEventLedger.PruneAsync"/>
/// removes exactly the entries processed before an instant, reports how many, and touches nothing else.
/// </summary>
/// <remarks>
/// Separate from <see cref="ProcessedEventLedgerConformanceTests"/> so that a store whose database expires entries by
/// itself opts out by not deriving it (and overriding <c>SupportsPruning =&gt; false</c> on the required suite); its
/// pruning tests then do not exist, rather than pass without checking anything.
/// </remarks>
[ConformanceSuite(typeof(IProcessedEventLedger), Capability = "Pruning")]
public abstract class ProcessedEventLedgerPruningConformanceTests : StoreConformanceTestsBase
{
    /// <summary>
    /// Pruning removes the entries processed strictly before the instant, keeps the one processed exactly at it and
    /// later ones, and returns the number removed; pruning again removes nothing.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Prune_RemovesOnlyEntriesProcessedBeforeTheInstant_AndReturnsTheirCount()
    {
        await using var store = await CreateStoreAsync();
        var customer = NewCustomer("c-1");
        var cutoff = Epoch.Plus(Duration.FromDays(90));
        ProcessedEvent[] old = [Entry("evt-old-1", customer, Epoch), Entry("evt-old-2", customer, cutoff - Duration.FromMilliseconds(1))];
        ProcessedEvent[] kept = [Entry("evt-at-cutoff", customer, cutoff), Entry("evt-new", customer, cutoff + Duration.FromDays(1))];
        await CommitOrFailAsync(store, new CustomerChangeSet { Customers = [new(customer, 0)], Events = [.. old, .. kept] });

        Assert.Equal(old.Length, await store.Ledger.PruneAsync(cutoff));
        Assert.Equal(0, await store.Ledger.PruneAsync(cutoff));

        foreach (var entry in old)
        {
            Assert.False(await store.Ledger.ContainsAsync(entry.EventId), $"Entry '{entry.EventId}' processed at {entry.ProcessedAt} survived pruning before {cutoff}.");
        }

        foreach (var entry in kept)
        {
            Assert.Equal(entry, await store.Ledger.FindEntryAsync(entry.EventId));
        }
    }

    /// <summary>Pruning an empty ledger, or one with only recent entries, returns zero.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Prune_NothingOldEnough_ReturnsZero()
    {
        await using var store = await CreateStoreAsync();
        Assert.Equal(0, await store.Ledger.PruneAsync(Epoch));

        var customer = NewCustomer("c-1");
        await CommitOrFailAsync(store, new CustomerChangeSet { Customers = [new(customer, 0)], Events = [Entry("evt-1", customer, Epoch)] });

        Assert.Equal(0, await store.Ledger.PruneAsync(Epoch));
        Assert.True(await store.Ledger.ContainsAsync(EventId.From("evt-1")));
    }

    /// <summary>Pruning removes ledger entries only: customers and orders stay, at their versions.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Prune_LeavesCustomersAndOrders()
    {
        await using var store = await CreateStoreAsync();
        var customer = NewCustomer("c-1", "Ankara");
        var order = NewOrder("o-1", customer, 10m, Epoch);
        await CommitOrFailAsync(store, new CustomerChangeSet { Customers = [new(customer, 0)], Orders = [new(order, 0)], Events = [Entry("evt-1", customer, Epoch)] });

        Assert.Equal(1, await store.Ledger.PruneAsync(Epoch.Plus(Duration.FromDays(1))));

        StoreAssert.SameCustomer(customer, await store.Customers.FindAsync(customer.Id), 1, "FindAsync after pruning");
        StoreAssert.SameOrder(order, await store.Customers.FindOrderAsync(order.Id), 1, "FindOrderAsync after pruning");
        Assert.Equal(1, await store.Customers.CountAsync(new Specification<Customer>()));
    }

    /// <summary>After its entry is pruned, an event redelivered is committed again, as the retention option documents.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Prune_ThenTheSameEventCommittedAgain_IsCommitted()
    {
        await using var store = await CreateStoreAsync();
        var customer = NewCustomer("c-1");
        await CommitOrFailAsync(store, new CustomerChangeSet { Customers = [new(customer, 0)], Events = [Entry("evt-1", customer, Epoch)] });
        await store.Ledger.PruneAsync(Epoch.Plus(Duration.FromDays(1)));
        var redelivered = Entry("evt-1", customer, Epoch.Plus(Duration.FromDays(2)));

        var result = await store.Customers.CommitAsync(new CustomerChangeSet { Customers = [new(customer, 1)], Events = [redelivered] });

        Assert.Equal(CommitOutcome.Committed, result.Outcome);
        Assert.Equal(redelivered, await store.Ledger.FindEntryAsync(redelivered.EventId));
    }

    /// <summary>A cancelled prune throws <see cref="OperationCanceledException"/> and removes nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Prune_CancelledToken_ThrowsOperationCanceledAndRemovesNothing()
    {
        await using var store = await CreateStoreAsync();
        var customer = NewCustomer("c-1");
        await CommitOrFailAsync(store, new CustomerChangeSet { Customers = [new(customer, 0)], Events = [Entry("evt-1", customer, Epoch)] });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.Ledger.PruneAsync(Epoch.Plus(Duration.FromDays(1)), CancelledToken()));

        Assert.True(await store.Ledger.ContainsAsync(EventId.From("evt-1")));
    }
}
