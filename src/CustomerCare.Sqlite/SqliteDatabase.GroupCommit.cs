using System.Collections.Concurrent;
using CustomerCare.Sqlite.Internal;
using Microsoft.Data.Sqlite;

namespace CustomerCare.Sqlite;

/// <summary>
/// Group commit: writes that arrive while another is running wait in a queue, and whoever takes the write gate next runs
/// all of them in one transaction, each in a savepoint of its own, and completes each after the one commit. A write
/// that throws or asks for a rollback is undone alone; a write returns only once its transaction has committed.
/// </summary>
/// <remarks>
/// One writer at a time is SQLite's rule; what concurrent writers paid for was a transaction each (begin, locks, the
/// log frames of the pages they share, commit). A lone write runs as before, without a savepoint.
/// </remarks>
public sealed partial class SqliteDatabase
{
    private const int MaxWritesPerGroup = 256;
    private readonly ConcurrentQueue<QueuedWrite> _queued = new();

    /// <summary>Called after each group's commit with how many writes it held; for tests.</summary>
    internal Action<int>? GroupCommitted { get; set; }

    /// <summary>How many writes wait in the queue (some may have been given up); for tests.</summary>
    internal int QueuedWrites => _queued.Count;

    /// <summary>Queues a write, and runs the queue when this caller gets the write gate first.</summary>
    private async ValueTask<T> WriteGroupedAsync<T>(Func<SqliteWrite, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        var queued = new QueuedWrite<T>(work, cancellationToken);
        _queued.Enqueue(queued);
        try
        {
            await _writeGate.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (!queued.TryAbandon())
        {
            // A group took the write before the caller gave up: it runs, and its outcome is the caller's.
            return await queued.Outcome;
        }

        try
        {
            while (!queued.IsCompleted)
            {
                // The gate's previous holder may have run this write already; otherwise it is still queued, and only the
                // gate's holder takes from the queue.
                var group = TakeGroup();
                if (group.Count == 0)
                {
                    // Withdrawn first, so that no later group runs a write whose caller was told it failed.
                    queued.TryAbandon();
                    throw new InvalidOperationException("A queued write was neither run nor left in the queue.");
                }

                await RunGroupAsync(group);
            }
        }
        finally
        {
            _writeGate.Release();
        }

        return await queued.Outcome;
    }

    private List<QueuedWrite> TakeGroup()
    {
        var group = new List<QueuedWrite>();
        while (group.Count < MaxWritesPerGroup && _queued.TryDequeue(out var next))
        {
            if (next.TryTake())
            {
                group.Add(next);
            }
        }

        return group;
    }

    /// <summary>Runs a group in one transaction, retried from the start when it meets a lock; completes every write in it.</summary>
    private async ValueTask RunGroupAsync(List<QueuedWrite> group)
    {
        var pending = group;
        for (var attempt = 0; ; attempt++)
        {
            var ran = new List<QueuedWrite>(pending.Count);
            try
            {
                var connection = await _writer.OpenAsync(CancellationToken.None);
                _writer.Begin();
                var commit = pending.Count == 1
                    ? await RunAloneAsync(pending[0], connection, ran)
                    : await RunInSavepointsAsync(pending, connection, ran);
                if (commit)
                {
                    _writer.Commit();
                    _checkpointer.Committed(ran.Count);
                    GroupCommitted?.Invoke(ran.Count);
                }

                foreach (var write in ran)
                {
                    write.Commit();
                }

                return;
            }
            catch (Exception e)
            {
                // The reset rolls the open transaction back and closes the connection, so no statement or state of the
                // failure is carried into the next attempt, which opens a fresh connection.
                _writer.Reset();
                pending = [.. pending.Where(w => !w.IsCompleted)];
                try
                {
                    RetryOrThrow(e, attempt);
                }
                catch (Exception final)
                {
                    foreach (var write in pending)
                    {
                        write.Fail(final);
                    }

                    return;
                }
            }

            await Task.Delay(RetryDelay(attempt));
        }
    }

    /// <summary>One write, as its own transaction; its error fails the transaction.</summary>
    /// <returns>Whether to commit: <see langword="false"/> when the write asked for a rollback, which is done.</returns>
    private async ValueTask<bool> RunAloneAsync(QueuedWrite write, SqliteConnection connection, List<QueuedWrite> ran)
    {
        write.CancellationToken.ThrowIfCancellationRequested();
        var rollback = await write.RunAsync(new SqliteWrite(connection, this, _writer, write.CancellationToken));
        ran.Add(write);
        if (rollback)
        {
            _writer.Rollback();
        }

        return !rollback;
    }

    /// <summary>Several writes, each in a savepoint: one that throws (other than a lock) fails alone.</summary>
    /// <returns><see langword="true"/>: commit what ran.</returns>
    private async ValueTask<bool> RunInSavepointsAsync(List<QueuedWrite> writes, SqliteConnection connection, List<QueuedWrite> ran)
    {
        for (var i = 0; i < writes.Count; i++)
        {
            var write = writes[i];
            if (write.CancellationToken.IsCancellationRequested)
            {
                write.Fail(new OperationCanceledException(write.CancellationToken));
                continue;
            }

            _writer.Savepoint();
            try
            {
                if (await write.RunAsync(new SqliteWrite(connection, this, _writer, write.CancellationToken)))
                {
                    _writer.UndoSavepoint();
                }
                else
                {
                    _writer.ReleaseSavepoint();
                }

                ran.Add(write);
            }
            catch (Exception e) when (e is not SqliteException sqlite || !SqliteFaults.IsTransient(sqlite))
            {
                // When even the undo fails, SQLite has dropped the whole transaction (a full disk, an I/O error): the
                // error goes to the group, which fails or retries every write not yet answered.
                _writer.UndoSavepoint();
                write.Fail(e is SqliteException error && Translate(error) is { } translated ? translated : e);
            }
        }

        return true;
    }
}
