using CustomerCare.Customers;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using CustomerCare.Storage.InMemory;
using CustomerCare.Testing;

namespace CustomerCare.Tests.Conformance;

/// <summary>Contract points of the in-memory store found while writing the kit, kept as regressions.</summary>
public sealed class InMemoryStoreRegressionTests
{
    [Fact]
    public async Task StreamAsync_CancelledTokenOnAnEmptyStore_ThrowsOperationCanceled()
    {
        var store = new InMemoryCustomerStore();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var customer in store.StreamAsync(new Specification<Customer>(), new CancellationToken(canceled: true)))
            {
                Assert.Fail($"Yielded '{customer.Id}' after cancellation.");
            }
        });
    }

    [Fact]
    public async Task ListAsync_OrderedByCustomerIdOrMoney_SortsOrdinallyAndByAmount()
    {
        var store = new InMemoryCustomerStore();
        var builder = new CustomerBuilder();
        Customer[] customers =
        [
            builder.WithId("c-b").WithStats(new PurchaseStats(Currency.TRY) with { TotalSpend = new Money(5m, Currency.TRY) }).Build(),
            builder.WithId("C-a").WithStats(new PurchaseStats(Currency.TRY) with { TotalSpend = new Money(7m, Currency.TRY) }).Build(),
        ];
        await store.CommitAsync(new CustomerChangeSet { Customers = customers.Select(c => new VersionedWrite<Customer>(c, 0)).ToArray() });

        var byId = await store.ListAsync(new Specification<Customer>(q => q.OrderByDescending(c => c.Id)));
        var bySpend = await store.ListAsync(new Specification<Customer>(q => q.OrderBy(c => c.Stats.TotalSpend)));

        Assert.Equal(["c-b", "C-a"], byId.Select(c => c.Id.Value));
        Assert.Equal(["c-b", "C-a"], bySpend.Select(c => c.Id.Value));
    }
}
