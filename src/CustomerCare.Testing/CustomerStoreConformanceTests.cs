using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Storage;
using Xunit;

namespace CustomerCare.Testing;

/// <summary>
/// The required conformance suite of <see cref="ICustomerStore"/>: the atomic conditional commit, versions, queries
/// that match <see cref="Specifications.InMemorySpecificationEvaluator"/>, cancellation and field round-trips.
/// </summary>
/// <remarks>
/// <para>
/// Derive it once per store in the plugin's test project and override <see cref="StoreConformanceTestsBase.CreateStoreAsync"/>.
/// Every test creates its own store. Derive <see cref="CustomerStoreConcurrencyConformanceTests"/> as well, or state
/// that the store does not support concurrent commits by overriding <see cref="SupportsConcurrentCommits"/>.
/// </para>
/// <para>
/// Instants in the data have millisecond precision, money amounts up to four decimal places, identifiers up to their
/// maximum length with non-ASCII letters: a store must return every one of them exactly.
/// </para>
/// </remarks>
[ConformanceSuite(typeof(ICustomerStore))]
public abstract partial class CustomerStoreConformanceTests : StoreConformanceTestsBase
{
    /// <summary>
    /// Whether the store supports concurrent commits from several threads or processes, and so must pass
    /// <see cref="CustomerStoreConcurrencyConformanceTests"/>. <see langword="true"/> unless overridden.
    /// </summary>
    /// <remarks>
    /// The <see cref="ICustomerStore"/> contract asks for thread safety; override with <see langword="false"/> only
    /// for a store documented as single-writer, and say so in its README.
    /// </remarks>
    protected virtual bool SupportsConcurrentCommits => true;

    /// <summary>A claimed concurrency capability has its suite derived in the same test assembly.</summary>
    [Fact]
    public void SupportsConcurrentCommits_WhenClaimed_HasItsSuiteInTheTestAssembly()
    {
        var derived = ConformanceCoverage.Derives(GetType().Assembly, typeof(CustomerStoreConcurrencyConformanceTests));
        Assert.True(
            !SupportsConcurrentCommits || derived,
            $"{GetType().Name} claims SupportsConcurrentCommits (the default), but its test assembly has no public concrete subclass of "
            + $"{nameof(CustomerStoreConcurrencyConformanceTests)}. Derive it to run the concurrency tests, or override SupportsConcurrentCommits => false "
            + "for a store documented as single-writer.");
    }

    /// <summary><see cref="ICustomerStore.FindAsync"/> returns <see langword="null"/> for an identifier never written.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task FindAsync_UnknownCustomer_ReturnsNull()
    {
        await using var store = await CreateStoreAsync();
        await InsertAsync(store, NewCustomer("c-known"));

        Assert.Null(await store.Customers.FindAsync(CustomerId.From("c-unknown")));
        Assert.Null(await store.Customers.FindAsync(CustomerId.From("C-KNOWN")));
    }

    /// <summary><see cref="ICustomerStore.FindOrderAsync"/> returns <see langword="null"/> for an identifier never written.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task FindOrderAsync_UnknownOrder_ReturnsNull()
    {
        await using var store = await CreateStoreAsync();
        var owner = NewCustomer("c-owner");
        await CommitOrFailAsync(store, new CustomerChangeSet { Customers = [new(owner, 0)], Orders = [new(NewOrder("o-known", owner, 10m, Epoch), 0)] });

        Assert.Null(await store.Customers.FindOrderAsync(OrderId.From("o-unknown")));
        Assert.Null(await store.Customers.FindOrderAsync(OrderId.From("O-KNOWN")));
    }
}
