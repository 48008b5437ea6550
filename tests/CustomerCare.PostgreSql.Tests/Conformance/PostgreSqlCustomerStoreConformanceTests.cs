using CustomerCare.PostgreSql.Tests.Infrastructure;
using CustomerCare.Testing;

namespace CustomerCare.PostgreSql.Tests.Conformance;

// The customer store's suites: each test gets a schema of its own, dropped when the store under test is disposed.

internal static class CustomerStores
{
    public static async ValueTask<CustomerStoreUnderTest> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync();
        return CustomerStoreUnderTest.For(new PostgreSqlCustomerStore(database.Database), () => database.DisposeAsync());
    }
}

public sealed class PostgreSqlCustomerStoreConformanceTests : CustomerStoreConformanceTests
{
    protected override ValueTask<CustomerStoreUnderTest> CreateStoreAsync() => CustomerStores.CreateAsync();
}

public sealed class PostgreSqlCustomerStoreConcurrencyConformanceTests : CustomerStoreConcurrencyConformanceTests
{
    protected override ValueTask<CustomerStoreUnderTest> CreateStoreAsync() => CustomerStores.CreateAsync();
}

public sealed class PostgreSqlProcessedEventLedgerConformanceTests : ProcessedEventLedgerConformanceTests
{
    protected override ValueTask<CustomerStoreUnderTest> CreateStoreAsync() => CustomerStores.CreateAsync();
}

public sealed class PostgreSqlProcessedEventLedgerPruningConformanceTests : ProcessedEventLedgerPruningConformanceTests
{
    protected override ValueTask<CustomerStoreUnderTest> CreateStoreAsync() => CustomerStores.CreateAsync();
}
