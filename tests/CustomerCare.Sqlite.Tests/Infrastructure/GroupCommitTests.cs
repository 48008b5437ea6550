using System.Collections.Concurrent;
using System.Globalization;
using CustomerCare.Sqlite.Internal;

namespace CustomerCare.Sqlite.Tests.Infrastructure;

/// <summary>
/// Writes that queue behind a running write commit together, each undone alone when it fails. Every test holds the
/// write gate with a first write until the others are queued, so the groups are the same on every run.
/// </summary>
public sealed class GroupCommitTests
{
    [Fact]
    public async Task QueuedWrites_CommitAsOneGroup_AndOneThatThrowsOrRollsBack_IsUndoneAlone()
    {
        using var file = new TempDatabase();
        var database = file.Database;
        await database.WriteAsync(write => Execute(write, "CREATE TABLE notes (text TEXT NOT NULL);"), CancellationToken.None);
        var groups = new ConcurrentQueue<int>();
        database.GroupCommitted = groups.Enqueue;
        await using var holder = await HoldGateAsync(database, "ilk");

        var good = database.WriteAsync(write => Execute(write, "INSERT INTO notes (text) VALUES ('ğ');"), CancellationToken.None);
        var failing = database.WriteAsync<int>(
            async write =>
            {
                await Execute(write, "INSERT INTO notes (text) VALUES ('yarım');");
                throw new InvalidOperationException("the work failed after its row");
            },
            CancellationToken.None);
        var rolledBack = database.WriteAsync(
            async write =>
            {
                await Execute(write, "INSERT INTO notes (text) VALUES ('geri');");
                write.Rollback();
                return 7;
            },
            CancellationToken.None);
        var last = database.WriteAsync(write => Execute(write, "INSERT INTO notes (text) VALUES ('ş');"), CancellationToken.None);
        await WaitUntilQueuedAsync(database, 4);
        await holder.ReleaseAsync();

        Assert.Equal(1, await good);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await failing);
        Assert.Equal("the work failed after its row", error.Message);
        Assert.Equal(7, await rolledBack);
        Assert.Equal(1, await last);
        Assert.Equal("ilk,ğ,ş", await NotesAsync(file));
        Assert.Equal([1, 3], groups);
    }

    [Fact]
    public async Task TwoHundredQueuedWrites_CommitOnce_AndAllLand()
    {
        using var file = new TempDatabase();
        var database = file.Database;
        await database.WriteAsync(write => Execute(write, "CREATE TABLE notes (text TEXT NOT NULL);"), CancellationToken.None);
        var groups = new ConcurrentQueue<int>();
        database.GroupCommitted = groups.Enqueue;
        await using var holder = await HoldGateAsync(database, "0");

        var writes = Enumerable.Range(1, 200)
            .Select(i => database.WriteAsync(write => Execute(write, $"INSERT INTO notes (text) VALUES ('{i.ToString(CultureInfo.InvariantCulture)}');"), CancellationToken.None).AsTask())
            .ToArray();
        await WaitUntilQueuedAsync(database, 200);
        await holder.ReleaseAsync();
        await Task.WhenAll(writes);

        Assert.Equal([1, 200], groups);
        Assert.Equal(string.Join(",", Enumerable.Range(0, 201)), await NotesAsync(file));
    }

    [Fact]
    public async Task AWriteCancelledWhileQueued_NeverRuns()
    {
        using var file = new TempDatabase();
        var database = file.Database;
        await database.WriteAsync(write => Execute(write, "CREATE TABLE notes (text TEXT NOT NULL);"), CancellationToken.None);
        await using var holder = await HoldGateAsync(database, "ilk");
        using var cancel = new CancellationTokenSource();

        var cancelled = database.WriteAsync(write => Execute(write, "INSERT INTO notes (text) VALUES ('iptal');"), cancel.Token);
        var kept = database.WriteAsync(write => Execute(write, "INSERT INTO notes (text) VALUES ('son');"), CancellationToken.None);
        await WaitUntilQueuedAsync(database, 2);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await cancelled);
        await holder.ReleaseAsync();

        Assert.Equal(1, await kept);
        Assert.Equal("ilk,son", await NotesAsync(file));
    }

    /// <summary>Starts a write that inserts a note and then waits, holding the write gate, until released.</summary>
    private static async Task<GateHolder> HoldGateAsync(SqliteDatabase database, string note)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var write = database.WriteAsync(
            async write =>
            {
                await Execute(write, $"INSERT INTO notes (text) VALUES ('{note}');");
                started.SetResult();
                await release.Task;
                return 0;
            },
            CancellationToken.None).AsTask();
        await started.Task;
        return new GateHolder(write, release);
    }

    private static async Task WaitUntilQueuedAsync(SqliteDatabase database, int count)
    {
        // Waits for the callers to reach the queue; a generous bound turns a hang into a failure, not a timing check.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (database.QueuedWrites < count)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(1), $"Only {database.QueuedWrites} of {count} writes were queued.");
            await Task.Delay(1);
        }
    }

    private static async Task<string?> NotesAsync(TempDatabase file)
    {
        using var other = file.Reopen();
        return await other.ReadAsync(
            async connection =>
            {
                using var command = connection.Command("SELECT group_concat(text, ',') FROM (SELECT text FROM notes ORDER BY rowid);");
                return (string?)await command.ExecuteScalarAsync();
            },
            CancellationToken.None);
    }

    private static async ValueTask<int> Execute(SqliteWrite write, string sql)
    {
        using var command = write.Command(sql);
        return await command.ExecuteNonQueryAsync(write.CancellationToken);
    }

    private sealed class GateHolder(Task write, TaskCompletionSource release) : IAsyncDisposable
    {
        public async Task ReleaseAsync()
        {
            release.TrySetResult();
            await write;
        }

        public async ValueTask DisposeAsync() => await ReleaseAsync();
    }
}
