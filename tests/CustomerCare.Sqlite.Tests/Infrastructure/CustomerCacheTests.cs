using CustomerCare.Customers;
using CustomerCare.Storage;
using CustomerCare.Storage.Serialization;
using CustomerCare.Testing;

namespace CustomerCare.Sqlite.Tests.Infrastructure;

public sealed class CustomerCacheTests
{
    [Fact]
    public async Task Find_WhenAnotherProcessChangedTheCustomer_ReturnsTheNewVersion()
    {
        using var file = new TempDatabase();
        var mine = new SqliteCustomerStore(file.Database);
        var customer = new CustomerBuilder().WithId("c-1").Named("Işıl", "Şahin").Build();
        Assert.True((await mine.CommitAsync(Changes(customer, 0))).IsCommitted);
        Assert.Equal("Işıl", (await mine.FindAsync(customer.Id))!.Name.GivenName);

        using var otherDatabase = file.Reopen();
        var theirs = new SqliteCustomerStore(otherDatabase);
        var renamed = (await theirs.FindAsync(customer.Id))! with { Name = new PersonName("İlker", "Çağlar") };
        Assert.True((await theirs.CommitAsync(Changes(renamed, renamed.Version))).IsCommitted);

        var seen = await mine.FindAsync(customer.Id);
        Assert.Equal("İlker", seen!.Name.GivenName);
        Assert.Equal(2, seen.Version);
    }

    [Fact]
    public async Task Find_OfAnUnchangedCustomer_ReusesTheParsedCustomer()
    {
        using var file = new TempDatabase();
        var store = new SqliteCustomerStore(file.Database);
        var customer = new CustomerBuilder().WithId("c-1").Build();
        await store.CommitAsync(Changes(customer, 0));

        var first = await store.FindAsync(customer.Id);
        var second = await store.FindAsync(customer.Id);

        Assert.Same(first, second);
        AssertStored(customer, first);
    }

    [Fact]
    public async Task Find_WithTheCacheTurnedOff_ParsesEveryTime()
    {
        using var file = new TempDatabase(o => o.CustomerCacheSize = 0);
        var store = new SqliteCustomerStore(file.Database);
        var customer = new CustomerBuilder().WithId("c-1").Build();
        await store.CommitAsync(Changes(customer, 0));

        var first = await store.FindAsync(customer.Id);
        var second = await store.FindAsync(customer.Id);

        Assert.NotSame(first, second);
        AssertStored(customer, first);
        AssertStored(customer, second);
    }

    [Fact]
    public async Task List_AfterMoreCustomersThanTheCacheHolds_ReturnsEveryCustomerAsStored()
    {
        using var file = new TempDatabase(o => o.CustomerCacheSize = 4);
        var store = new SqliteCustomerStore(file.Database);
        var builder = new CustomerBuilder();
        var customers = Enumerable.Range(0, 25).Select(i => builder.Named("Müşteri", $"No{i}").Build()).ToArray();
        await store.CommitAsync(new CustomerChangeSet { Customers = [.. customers.Select(c => new VersionedWrite<Customer>(c, 0))] });

        for (var round = 0; round < 2; round++)
        {
            var listed = (await store.ListAsync(new CustomerCare.Specifications.Specification<Customer>())).ToDictionary(c => c.Id);
            Assert.Equal(customers.Length, listed.Count);
            foreach (var customer in customers)
            {
                AssertStored(customer, listed[customer.Id]);
            }
        }
    }

    [Fact]
    public async Task Find_InAWriteBatch_AfterTheBatchWroteOrReadTheCustomer_ReadsNoRow()
    {
        using var file = new TempDatabase();
        var store = new SqliteCustomerStore(file.Database);
        var written = new CustomerBuilder().WithId("c-1").Named("Çağla", "Öztürk").Build();
        var read = new CustomerBuilder().WithId("c-2").Named("Ilgaz", "İnce").Build();
        await store.CommitAsync(Changes(read, 0));

        await using (await new SqliteWriteBatcher(file.Database).BeginAsync())
        {
            var before = store.RowsRead;
            await store.CommitAsync(Changes(written, 0));
            AssertStored(written, await store.FindAsync(written.Id));
            AssertStored(written, await store.FindAsync(written.Id));
            Assert.Equal(before, store.RowsRead);

            AssertStored(read, await store.FindAsync(read.Id));
            AssertStored(read, await store.FindAsync(read.Id));
            Assert.Equal(before + 1, store.RowsRead);
        }

        // A new batch cannot know what happened between the two, so it reads the row again.
        await using (await new SqliteWriteBatcher(file.Database).BeginAsync())
        {
            var before = store.RowsRead;
            AssertStored(written, await store.FindAsync(written.Id));
            Assert.Equal(before + 1, store.RowsRead);
        }
    }

    [Fact]
    public async Task Find_InAWriteBatch_AfterAnotherProcessCommittedBetweenItsTransactions_ReadsTheNewVersion()
    {
        // One write per commit, so the other process can take the file's write lock between the batch's transactions.
        using var file = new TempDatabase(o => o.WritesPerBatchCommit = 1);
        var mine = new SqliteCustomerStore(file.Database);
        var customer = new CustomerBuilder().WithId("c-1").Named("Işıl", "Şahin").Build();
        using var otherDatabase = file.Reopen();
        var theirs = new SqliteCustomerStore(otherDatabase);

        await using (await new SqliteWriteBatcher(file.Database).BeginAsync())
        {
            // Committed at once, and cached under the batch's trust; a read here would hold the write lock until the next commit.
            await mine.CommitAsync(Changes(customer, 0));

            var renamed = (await theirs.FindAsync(customer.Id))! with { Name = new PersonName("İlker", "Çağlar") };
            Assert.True((await theirs.CommitAsync(Changes(renamed, renamed.Version))).IsCommitted);

            var seen = await mine.FindAsync(customer.Id);
            Assert.Equal(("İlker", 2L), (seen!.Name.GivenName, seen.Version));
        }
    }

    [Fact]
    public async Task Find_InAWriteBatch_AfterAnotherStoreOnTheSameDatabaseWroteTheCustomer_ReturnsWhatItWrote()
    {
        using var file = new TempDatabase();
        var first = new SqliteCustomerStore(file.Database);
        var second = new SqliteCustomerStore(file.Database);
        var customer = new CustomerBuilder().WithId("c-1").Named("Işıl", "Şahin").Build();
        await first.CommitAsync(Changes(customer, 0));

        await using (await new SqliteWriteBatcher(file.Database).BeginAsync())
        {
            Assert.Equal("Işıl", (await first.FindAsync(customer.Id))!.Name.GivenName);
            var renamed = (await second.FindAsync(customer.Id))! with { Name = new PersonName("İlker", "Çağlar") };
            Assert.True((await second.CommitAsync(Changes(renamed, renamed.Version))).IsCommitted);

            var seen = await first.FindAsync(customer.Id);
            Assert.Equal(("İlker", 2L), (seen!.Name.GivenName, seen.Version));
        }
    }

    [Fact]
    public void Options_WithANegativeCacheSize_AreRefusedNamingTheOptionAndValue()
    {
        var error = Assert.Throws<ArgumentException>(() => new TempDatabase(o => o.CustomerCacheSize = -1));
        Assert.Contains("SqliteStoreOptions.CustomerCacheSize -1", error.Message, StringComparison.Ordinal);
    }

    private static void AssertStored(Customer written, Customer? read)
    {
        Assert.NotNull(read);
        Assert.Equal(StorageJson.Serialize(written with { Version = 1 }), StorageJson.Serialize(read));
    }

    private static CustomerChangeSet Changes(Customer customer, long expectedVersion) =>
        new() { Customers = [new VersionedWrite<Customer>(customer, expectedVersion)] };
}
