using CustomerCare.Customers;
using CustomerCare.Storage;
using CustomerCare.Testing;

namespace CustomerCare.Sqlite.Tests.Infrastructure;

/// <summary>
/// An update names in its SET list only the query columns that changed when the replaced version is known, because
/// SQLite rewrites the index entry of every column named there. Triggers on <c>UPDATE OF</c> a column show which were named.
/// </summary>
public sealed class CustomerColumnWriteTests
{
    [Fact]
    public async Task Update_OfAKnownVersion_NamesOnlyTheColumnsThatChanged()
    {
        using var file = new TempDatabase();
        var store = new SqliteCustomerStore(file.Database);
        var customer = new CustomerBuilder().WithId("c-1").Named("Işıl", "Şahin").InCity("İzmir").Build();
        await store.CommitAsync(Changes(customer, 0));
        await store.CommitAsync(Changes(new CustomerBuilder().WithId("c-2").InCity("Iğdır").Build(), 0));
        LogUpdatesOf(file.Path, "city_key", "document");

        var renamed = (await store.FindAsync(customer.Id))! with { Name = new PersonName("İlker", "Çağlar") };
        Assert.True((await store.CommitAsync(Changes(renamed, renamed.Version))).IsCommitted);
        Assert.Equal(["document"], UpdatesLogged(file.Path));

        var moved = (await store.FindAsync(customer.Id))! with { City = "Iğdır" };
        Assert.True((await store.CommitAsync(Changes(moved, moved.Version))).IsCommitted);
        Assert.Equal(["city_key", "document", "document"], UpdatesLogged(file.Path));
        Assert.Equal(RawSql.Scalar(file.Path, "SELECT city_key FROM customers WHERE id = 'c-2';"), RawSql.Scalar(file.Path, "SELECT city_key FROM customers WHERE id = 'c-1';"));
        var stored = await store.FindAsync(customer.Id);
        Assert.Equal(("İlker", "Iğdır", 3L), (stored!.Name.GivenName, stored.City, stored.Version));
    }

    [Fact]
    public async Task Update_WithTheCacheTurnedOff_NamesEveryColumn()
    {
        using var file = new TempDatabase(o => o.CustomerCacheSize = 0);
        var store = new SqliteCustomerStore(file.Database);
        var customer = new CustomerBuilder().WithId("c-1").InCity("İzmir").Build();
        await store.CommitAsync(Changes(customer, 0));
        LogUpdatesOf(file.Path, "city_key");

        var renamed = (await store.FindAsync(customer.Id))! with { Name = new PersonName("İlker", "Çağlar") };
        Assert.True((await store.CommitAsync(Changes(renamed, renamed.Version))).IsCommitted);

        Assert.Equal(["city_key"], UpdatesLogged(file.Path));
    }

    [Fact]
    public async Task Update_OfARowWhoseColumnsAnOlderStoreComputed_WritesEveryColumn()
    {
        using var file = new TempDatabase();
        var store = new SqliteCustomerStore(file.Database);
        var customer = new CustomerBuilder().WithId("c-1").InCity("İzmir").Build();
        await store.CommitAsync(Changes(customer, 0));
        var expected = RawSql.Scalar(file.Path, "SELECT city_key FROM customers WHERE id = 'c-1';");
        var known = await store.FindAsync(customer.Id);
        RawSql.Execute(file.Path, "UPDATE customers SET city_key = 'stale', columns_version = 0 WHERE id = 'c-1';");

        var renamed = known! with { Name = new PersonName("İlker", "Çağlar") };
        Assert.True((await store.CommitAsync(Changes(renamed, renamed.Version))).IsCommitted);

        Assert.Equal(expected, RawSql.Scalar(file.Path, "SELECT city_key FROM customers WHERE id = 'c-1';"));
        Assert.NotEqual(0L, RawSql.Scalar(file.Path, "SELECT columns_version FROM customers WHERE id = 'c-1';"));
    }

    [Fact]
    public async Task Update_OfAKnownVersionAnotherProcessReplaced_IsAVersionConflict()
    {
        using var file = new TempDatabase();
        var mine = new SqliteCustomerStore(file.Database);
        var customer = new CustomerBuilder().WithId("c-1").InCity("İzmir").Build();
        await mine.CommitAsync(Changes(customer, 0));
        var known = await mine.FindAsync(customer.Id);

        using var otherDatabase = file.Reopen();
        var theirs = new SqliteCustomerStore(otherDatabase);
        var theirChange = (await theirs.FindAsync(customer.Id))! with { City = "Muş" };
        Assert.True((await theirs.CommitAsync(Changes(theirChange, theirChange.Version))).IsCommitted);

        var result = await mine.CommitAsync(Changes(known! with { Name = new PersonName("İlker", "Çağlar") }, known.Version));

        Assert.Equal(CommitOutcome.VersionConflict, result.Outcome);
        Assert.Equal("Muş", (await mine.FindAsync(customer.Id))!.City);
    }

    private static void LogUpdatesOf(string path, params string[] columns)
    {
        RawSql.Execute(path, "CREATE TABLE updates_logged (n INTEGER PRIMARY KEY, column_name TEXT NOT NULL);");
        foreach (var column in columns)
        {
            RawSql.Execute(path, $"CREATE TRIGGER log_{column} AFTER UPDATE OF {column} ON customers BEGIN INSERT INTO updates_logged (column_name) VALUES ('{column}'); END;");
        }
    }

    // Sorted: the order in which two triggers of one update fire is not the point.
    private static string[] UpdatesLogged(string path) => RawSql.Strings(path, "SELECT column_name FROM updates_logged ORDER BY column_name;");

    private static CustomerChangeSet Changes(Customer customer, long expectedVersion) =>
        new() { Customers = [new VersionedWrite<Customer>(customer, expectedVersion)] };
}
