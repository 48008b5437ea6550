using Microsoft.Data.Sqlite;

namespace CustomerCare.Sqlite.Internal;

/// <summary>
/// One open batch of a <see cref="SqliteDatabase"/> (see <see cref="Storage.Batching.IWriteBatcher"/>): it holds the database's
/// write gate from start to dispose, and runs its flow's writes on the writer connection inside one
/// <c>BEGIN IMMEDIATE</c> transaction, each write in a savepoint of its own, committing every
/// <see cref="SqliteStoreOptions.WritesPerBatchCommit"/> writes and at dispose.
/// </summary>
/// <remarks>
/// Its flow's reads run on the same connection, so they see the batch's writes. Reads and writes of the flow take turns
/// on the connection; a read made from inside a write's work joins that write's turn.
/// </remarks>
internal sealed class WriteBatch : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate;
    private readonly KeptConnection _writer;
    private readonly Func<KeptConnection, CancellationToken, ValueTask<SqliteTransaction>> _begin;
    private readonly WalCheckpointer _checkpointer;
    private readonly int _writesPerCommit;
    private readonly int _writesPerCheckpoint;
    private readonly Func<long> _newTrust;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly AsyncLocal<bool> _inTurn = new();
    private SqliteTransaction? _transaction;
    private int _uncommitted;
    private int _sinceCheckpoint;
    private bool _holdsGate;
    private long? _dataVersion;
    private SqliteConnection? _versionedConnection;
    private long _trust;

    /// <param name="gate">The database's write gate, taken by <see cref="StartAsync"/> and let go by dispose.</param>
    /// <param name="writer">The database's writer connection.</param>
    /// <param name="begin">Begins an immediate transaction on the writer, retrying while another process holds the lock.</param>
    /// <param name="checkpointer">Checkpoints the log between commits.</param>
    /// <param name="writesPerCommit">How many writes go into one commit.</param>
    /// <param name="writesPerCheckpoint">How many writes go by between two checkpoints (at the first commit after them).</param>
    /// <param name="newTrust">Hands out a new trust stamp (see <see cref="SqliteDatabase.BatchTrust"/>).</param>
    public WriteBatch(SemaphoreSlim gate, KeptConnection writer, Func<KeptConnection, CancellationToken, ValueTask<SqliteTransaction>> begin, WalCheckpointer checkpointer, int writesPerCommit, int writesPerCheckpoint, Func<long> newTrust)
    {
        _newTrust = newTrust;
        _writesPerCheckpoint = writesPerCheckpoint;
        _gate = gate;
        _writer = writer;
        _begin = begin;
        _checkpointer = checkpointer;
        _writesPerCommit = writesPerCommit;
    }

    /// <summary>Whether the batch has started and is not disposed: only then do its flow's reads and writes go through it.</summary>
    public bool IsOpen { get; private set; }

    /// <summary>Waits for the database's other writers, then opens the batch.</summary>
    public async ValueTask<IAsyncDisposable> StartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        _holdsGate = true;
        IsOpen = true;
        return this;
    }

    /// <summary>Runs one write in a savepoint of the batch's transaction.</summary>
    public async ValueTask<T> WriteAsync<T>(SqliteDatabase database, Func<SqliteWrite, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        // Set here, not in a helper: a value set inside an awaited async method does not flow back to its caller.
        _inTurn.Value = true;
        try
        {
            var transaction = await TransactionAsync(cancellationToken);
            _writer.Savepoint();
            T result;
            try
            {
                var write = new SqliteWrite(transaction.Connection!, database, _writer, cancellationToken);
                result = await work(write);
                if (write.RollbackRequested)
                {
                    _writer.UndoSavepoint();
                }
                else
                {
                    _writer.ReleaseSavepoint();
                }
            }
            catch (Exception e)
            {
                Undo();
                if (e is SqliteException sqlite && database.Translate(sqlite) is { } translated)
                {
                    throw translated;
                }

                throw;
            }

            if (++_uncommitted >= _writesPerCommit)
            {
                Commit();
            }

            return result;
        }
        finally
        {
            LeaveTurn();
        }
    }

    /// <summary>Runs a read on the batch's connection, inside its transaction.</summary>
    public async ValueTask<T> ReadAsync<T>(Func<SqliteConnection, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        var joined = _inTurn.Value;
        if (!joined)
        {
            await _turn.WaitAsync(cancellationToken);
            _inTurn.Value = true;
        }

        try
        {
            var transaction = await TransactionAsync(cancellationToken);
            return await work(transaction.Connection!);
        }
        finally
        {
            if (!joined)
            {
                LeaveTurn();
            }
        }
    }

    /// <summary>The batch's trust stamp when <paramref name="connection"/> is its open transaction's, otherwise zero.</summary>
    public long TrustOn(SqliteConnection connection) => _transaction is { } open && ReferenceEquals(open.Connection, connection) ? _trust : 0;

    /// <summary>Commits what is left and lets the database's other writers go on.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!IsOpen)
        {
            return;
        }

        await _turn.WaitAsync();
        try
        {
            IsOpen = false;
            Commit();
        }
        finally
        {
            _turn.Release();
            if (_holdsGate)
            {
                _holdsGate = false;
                _gate.Release();
            }
        }
    }

    private void LeaveTurn()
    {
        _inTurn.Value = false;
        _turn.Release();
    }

    private async ValueTask<SqliteTransaction> TransactionAsync(CancellationToken cancellationToken)
    {
        if (_transaction is null)
        {
            _transaction = await _begin(_writer, cancellationToken);
            _writer.Transaction = _transaction;
            // PRAGMA data_version moves when another connection (or process) commits; the batch's own commits leave it.
            // Its values mean something only on one connection, and beginning may have opened a new one.
            using var version = _writer.Command("PRAGMA data_version;");
            var dataVersion = (long)version.ExecuteScalar()!;
            var connection = _transaction.Connection!;
            if (dataVersion != _dataVersion || !ReferenceEquals(connection, _versionedConnection))
            {
                _dataVersion = dataVersion;
                _versionedConnection = connection;
                _trust = _newTrust();
            }
        }

        return _transaction;
    }

    private void Commit()
    {
        if (_transaction is null)
        {
            return;
        }

        var connection = _transaction.Connection!;
        try
        {
            _transaction.Commit();
        }
        catch
        {
            // The writes since the last commit are lost with the transaction; the next write starts a fresh one, under
            // a new trust stamp, since documents written under this one may not be stored.
            _writer.Reset();
            _dataVersion = null;
            throw;
        }
        finally
        {
            _transaction.Dispose();
            _transaction = null;
            _writer.Transaction = null;
            _sinceCheckpoint += _uncommitted;
            _uncommitted = 0;
        }

        // Rarer than the background checkpointer's: a batch's writes touch the same pages again and again, and each
        // checkpoint copies every page the log holds once and syncs the file (a fifth of a 30,000-customer simulation
        // at 250 writes; half of that at 2,500, where the log peaked at 41 MB).
        if (_sinceCheckpoint >= _writesPerCheckpoint)
        {
            _sinceCheckpoint = 0;
            _checkpointer.CheckpointOn(connection);
        }
    }

    /// <summary>Undoes a failed write; when even that fails, the connection is past saving and the whole transaction goes.</summary>
    private void Undo()
    {
        try
        {
            _writer.UndoSavepoint();
        }
        catch (SqliteException)
        {
            // SQLite already rolled the whole transaction back (a full disk, an I/O error); the write's own error,
            // which the caller rethrows, says why.
            _transaction = null;
            _uncommitted = 0;
            _dataVersion = null;
            _writer.Reset();
        }
    }
}
