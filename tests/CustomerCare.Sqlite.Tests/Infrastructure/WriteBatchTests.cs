using CustomerCare.Customers;
using CustomerCare.Specifications;
using CustomerCare.Sqlite.Internal;
using CustomerCare.Storage;
using CustomerCare.Storage.Batching;
using CustomerCare.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Sqlite.Tests.Infrastructure;

public sealed class WriteBatchTests
{
    private readonly CustomerBuilder _customers = new();

    [Fact]
    public async Task Batch_ItsWrites_AreSeenByItsFlowAtOnceAndByOthersOnlyOnceItCommits()
    {
        using var file = new TempDatabase();
        var store = new SqliteCustomerStore(file.Database);
        using var other = file.Reopen();
        var outside = new SqliteCustomerStore(other);
        var customer = _customers.Named("Işıl", "Çağlayan").Build();

        await using (await new SqliteWriteBatcher(file.Database).BeginAsync())
        {
            Assert.Equal(CommitOutcome.Committed, (await store.CommitAsync(Changes(customer))).Outcome);

            Assert.Equal("Işıl", (await store.FindAsync(customer.Id))?.Name.GivenName);
            Assert.Null(await outside.FindAsync(customer.Id));
        }

        Assert.Equal("Işıl", (await outside.FindAsync(customer.Id))?.Name.GivenName);
    }

    [Fact]
    public async Task Batch_CommitsEveryWritesPerBatchCommitWrites()
    {
        using var file = new TempDatabase(o => o.WritesPerBatchCommit = 3);
        var store = new SqliteCustomerStore(file.Database);
        using var other = file.Reopen();
        var outside = new SqliteCustomerStore(other);

        await using (await new SqliteWriteBatcher(file.Database).BeginAsync())
        {
            for (var i = 0; i < 4; i++)
            {
                await store.CommitAsync(Changes(_customers.Build()));
            }

            Assert.Equal(3, await outside.CountAsync(new Specification<Customer>()));
        }

        Assert.Equal(4, await outside.CountAsync(new Specification<Customer>()));
    }

    [Fact]
    public async Task Batch_AWriteThatThrows_IsUndoneAloneAndTheOthersStay()
    {
        using var file = new TempDatabase();
        await file.Database.WriteAsync(write => Execute(write, "CREATE TABLE notes (text TEXT NOT NULL);"), CancellationToken.None);

        await using (await new SqliteWriteBatcher(file.Database).BeginAsync())
        {
            await file.Database.WriteAsync(write => Execute(write, "INSERT INTO notes (text) VALUES ('önce');"), CancellationToken.None);
            await Assert.ThrowsAsync<InvalidOperationException>(async () => await file.Database.WriteAsync<int>(
                async write =>
                {
                    await Execute(write, "INSERT INTO notes (text) VALUES ('yarım');");
                    throw new InvalidOperationException("the work failed after its row");
                },
                CancellationToken.None));
            await file.Database.WriteAsync(write => Execute(write, "INSERT INTO notes (text) VALUES ('sonra');"), CancellationToken.None);
        }

        using var other = file.Reopen();
        var notes = await other.ReadAsync(
            async connection =>
            {
                using var command = connection.Command("SELECT group_concat(text, ',') FROM (SELECT text FROM notes ORDER BY rowid);");
                return (string?)await command.ExecuteScalarAsync();
            },
            CancellationToken.None);
        Assert.Equal("önce,sonra", notes);
    }

    [Fact]
    public async Task Batch_AVersionConflict_IsRolledBackAloneAndTheOthersStay()
    {
        using var file = new TempDatabase();
        var store = new SqliteCustomerStore(file.Database);
        var first = _customers.Named("Ayşe").Build();
        var second = _customers.Named("İlker").Build();

        await using (await new SqliteWriteBatcher(file.Database).BeginAsync())
        {
            await store.CommitAsync(Changes(first));
            var conflict = await store.CommitAsync(new CustomerChangeSet
            {
                Customers = [new VersionedWrite<Customer>(second, 0), new VersionedWrite<Customer>(first with { Name = new PersonName("Ayşegül") }, 0)],
            });
            Assert.Equal(CommitOutcome.VersionConflict, conflict.Outcome);
        }

        using var other = file.Reopen();
        var outside = new SqliteCustomerStore(other);
        Assert.Equal("Ayşe", (await outside.FindAsync(first.Id))?.Name.GivenName);
        Assert.Null(await outside.FindAsync(second.Id));
    }

    [Fact]
    public async Task Batch_AWriterOfAnotherFlow_WaitsUntilTheBatchIsDisposed()
    {
        using var file = new TempDatabase();
        var store = new SqliteCustomerStore(file.Database);
        var inBatch = _customers.Build();
        var outsideTheBatch = _customers.Build();
        Task<CommitResult> waiting;

        await using (await new SqliteWriteBatcher(file.Database).BeginAsync())
        {
            await store.CommitAsync(Changes(inBatch));
            using (ExecutionContext.SuppressFlow())
            {
                waiting = Task.Run(async () => await store.CommitAsync(Changes(outsideTheBatch)));
            }

            await Task.Delay(200);
            // It cannot have finished: the batch holds the write gate until it is disposed.
            Assert.False(waiting.IsCompleted);
        }

        Assert.Equal(CommitOutcome.Committed, (await waiting).Outcome);
        Assert.Equal(2, await store.CountAsync(new Specification<Customer>()));
    }

    [Fact]
    public async Task Batch_BegunInsideAnother_JoinsItAndCommitsWithTheOuterOne()
    {
        using var file = new TempDatabase();
        var store = new SqliteCustomerStore(file.Database);
        var batcher = new SqliteWriteBatcher(file.Database);
        using var other = file.Reopen();
        var outside = new SqliteCustomerStore(other);

        await using (await batcher.BeginAsync())
        {
            await using (await batcher.BeginAsync())
            {
                await store.CommitAsync(Changes(_customers.Build()));
            }

            Assert.Equal(0, await outside.CountAsync(new Specification<Customer>()));
        }

        Assert.Equal(1, await outside.CountAsync(new Specification<Customer>()));
    }

    [Fact]
    public async Task Batch_OfManyWrites_CheckpointsBetweenCommits_SoTheLogStartsAgainInsteadOfGrowing()
    {
        using var file = new TempDatabase(o => o.WritesPerBatchCommit = 50);
        file.Database.WritesPerBatchCheckpoint = 250;
        var store = new SqliteCustomerStore(file.Database);
        var builder = _customers.Named("Çiğdem", new string('ş', 100));

        await using (await new SqliteWriteBatcher(file.Database).BeginAsync())
        {
            for (var i = 0; i < 3_000; i++)
            {
                await store.CommitAsync(Changes(builder.Build()));
            }
        }

        // Measured here: 1.1 MB with the checkpoints between commits, 11.5 MB without them.
        var log = new FileInfo(file.Path + "-wal").Length;
        Assert.True(log < 4 * 1024 * 1024, $"The log grew to {log:N0} bytes: it never started again from its beginning.");
        Assert.Equal(3_000, await store.CountAsync(new Specification<Customer>()));
    }

    [Fact]
    public async Task UseSqlite_RegistersTheSqliteBatcher()
    {
        using var file = new TempDatabase();
        var services = new ServiceCollection();
        services.AddCustomerCare().UseSqlite(file.Path);
        await using var provider = services.BuildServiceProvider();

        Assert.IsType<SqliteWriteBatcher>(provider.GetRequiredService<IWriteBatcher>());
    }

    [Fact]
    public async Task WithoutUseSqlite_ABatchChangesNothing()
    {
        var services = new ServiceCollection();
        services.AddCustomerCare();
        await using var provider = services.BuildServiceProvider();

        Assert.IsType<NoWriteBatching>(provider.GetRequiredService<IWriteBatcher>());
    }

    private static CustomerChangeSet Changes(Customer customer) =>
        new() { Customers = [new VersionedWrite<Customer>(customer, 0)] };

    private static async ValueTask<int> Execute(SqliteWrite write, string sql)
    {
        using var command = write.Command(sql);
        return await command.ExecuteNonQueryAsync(write.CancellationToken);
    }
}
