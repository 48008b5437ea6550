using Microsoft.Data.Sqlite;

namespace CustomerCare.Sqlite.Internal;

/// <summary>
/// Checkpoints the write-ahead log in the background, so that no committing caller pays for copying the log into the
/// database file and syncing it.
/// </summary>
/// <remarks>
/// Connections are opened with <c>wal_autocheckpoint = 0</c>; without this, SQLite checkpoints inside whichever commit
/// pushes the log past 1,000 pages, and that commit waits for the copy and an fsync (milliseconds on a slow disk, which
/// is the tail of every latency distribution). Here every <see cref="CommitsPerCheckpoint"/> commits start one
/// <c>PASSIVE</c> checkpoint on a pooled connection of its own; a passive checkpoint never blocks writers or readers.
/// Thread-safe.
/// </remarks>
internal sealed class WalCheckpointer
{
    /// <summary>How many commits go by between two checkpoints: about 1,000 log pages for the small writes of the stores.</summary>
    public const int CommitsPerCheckpoint = 250;

    private readonly Func<CancellationToken, ValueTask<SqliteConnection>> _open;
    private readonly Lock _gate = new();
    private int _commits;
    private Task _running = Task.CompletedTask;

    /// <summary>Creates the checkpointer.</summary>
    /// <param name="open">Opens a configured pooled connection.</param>
    public WalCheckpointer(Func<CancellationToken, ValueTask<SqliteConnection>> open) => _open = open;

    private SqliteException? _failure;

    /// <summary>Counts the writes of a commit, and starts a background checkpoint when enough have gone by and none is running.</summary>
    /// <param name="writes">How many store writes the commit held: a group commit holds several.</param>
    public void Committed(int writes)
    {
        var after = Interlocked.Add(ref _commits, writes);
        if (after / CommitsPerCheckpoint == (after - writes) / CommitsPerCheckpoint)
        {
            return;
        }

        lock (_gate)
        {
            if (_running.IsCompleted)
            {
                _running = Task.Run(CheckpointAsync);
            }
        }
    }

    /// <summary>Takes the error of the last background checkpoint that failed for a reason other than a lock, once.</summary>
    /// <returns>The error, or <see langword="null"/>.</returns>
    public SqliteException? TakeFailure() => Interlocked.Exchange(ref _failure, null);

    /// <summary>Waits for a running checkpoint to end, before the pool is cleared.</summary>
    public void WaitForRunning()
    {
        Task running;
        lock (_gate)
        {
            running = _running;
        }

        running.Wait();
    }

    /// <summary>
    /// Checkpoints on the calling connection, now: a write batch does this between its commits, because its transaction
    /// is open nearly all the time, and a checkpoint in the background rarely finishes in the moment between two of its
    /// transactions, which is the only moment the log can start again from its beginning.
    /// </summary>
    /// <param name="connection">A connection outside any transaction.</param>
    public void CheckpointOn(SqliteConnection connection)
    {
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            command.ExecuteNonQuery();
        }
        catch (SqliteException e)
        {
            Record(e);
        }
    }

    private async Task CheckpointAsync()
    {
        try
        {
            await using var connection = await _open(CancellationToken.None);
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await command.ExecuteNonQueryAsync();
        }
        catch (SqliteException e)
        {
            Record(e);
        }
    }

    private void Record(SqliteException error)
    {
        // Another process holding the checkpoint lock, or a busy file, is not a failure: the next round checkpoints what
        // this one missed. Anything else is not thrown here, where nobody would see it: the next write reports it.
        if (!SqliteFaults.IsTransient(error))
        {
            _failure = error;
        }
    }
}
