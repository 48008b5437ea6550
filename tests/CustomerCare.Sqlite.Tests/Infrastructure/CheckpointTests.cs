using CustomerCare.Customers;
using CustomerCare.Storage;
using CustomerCare.Testing;

namespace CustomerCare.Sqlite.Tests.Infrastructure;

public sealed class CheckpointTests
{
    [Fact]
    public async Task Commits_AreMovedFromTheLogIntoTheDatabaseFile_WithoutACallerDoingIt()
    {
        using var file = new TempDatabase();
        var store = new SqliteCustomerStore(file.Database);
        var builder = new CustomerBuilder();
        await store.CommitAsync(Changes(builder.Build()));
        var before = new FileInfo(file.Path).Length;

        // Enough single-row commits for two background checkpoints; no caller asks for one.
        for (var i = 0; i < 2 * 250; i++)
        {
            await store.CommitAsync(Changes(builder.Named("Çiğdem", new string('ş', 60)).Build()));
        }

        file.Database.WaitForCheckpoint();

        Assert.True(new FileInfo(file.Path).Length > before, $"The database file stayed at {before} bytes: nothing was checkpointed into it.");
        Assert.Equal(501, await store.CountAsync(new CustomerCare.Specifications.Specification<Customer>()));
    }

    private static CustomerChangeSet Changes(Customer customer) =>
        new() { Customers = [new VersionedWrite<Customer>(customer, 0)] };
}
