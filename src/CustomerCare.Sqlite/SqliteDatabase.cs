using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using CustomerCare.Sqlite.Internal;
using CustomerCare.Sqlite.Migrations;
using CustomerCare.Storage;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerCare.Sqlite;

/// <summary>
/// One SQLite database file shared by every CustomerCare.Sqlite store: its connection settings, the schema (migrated on
/// first use), and how transactions are run and retried.
/// </summary>
/// <remarks>
/// <para><b>Connections.</b> Connections are pooled by Microsoft.Data.Sqlite; each native connection is given
/// <c>busy_timeout</c>, <c>synchronous</c> and <c>foreign_keys=ON</c> once, and the file is switched to WAL once, so
/// readers never block the writer. The log is checkpointed in the background (<c>PASSIVE</c>, every few hundred commits)
/// rather than inside a caller's commit; a checkpoint that fails for a reason other than a lock is thrown by the next
/// write.</para>
/// <para><b>Writes.</b> Every write is one <c>BEGIN IMMEDIATE</c> transaction, so two writers never deadlock upgrading a
/// read lock. Writers of one instance take turns in process, on one connection kept open with its compiled statements
/// (dropped and reopened after any failed write); other processes are waited for through
/// <see cref="SqliteStoreOptions.BusyTimeout"/>. A transaction that meets a lock (<c>SQLITE_BUSY</c>, <c>SQLITE_LOCKED</c>) is
/// run again from the start, with a doubling delay, up to <see cref="SqliteStoreOptions.MaxRetries"/> times; then
/// <see cref="ConcurrencyException"/> is thrown. A file that is not a database, or is corrupt, throws
/// <see cref="SqliteDatabaseFileException"/> naming it.</para>
/// <para><b>Thread safety.</b> Thread-safe; register one instance per file. Dispose it to release the pooled connections.</para>
/// </remarks>
public sealed partial class SqliteDatabase : IDisposable
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(1);
    private readonly SqliteStoreOptions _options;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SemaphoreSlim _initGate = new(1, 1);
    private readonly string _pragmas;
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = [];
    private readonly WalCheckpointer _checkpointer;
    private readonly KeptConnection _writer;
    private readonly ReaderConnections _readers;
    private readonly AsyncLocal<WriteBatch?> _batch = new();
    private long _lastTrust;
    private volatile bool _ready;

    /// <summary>Opens (or will create) the database the options name.</summary>
    /// <param name="options">The options; read once.</param>
    /// <param name="clock">The clock that stamps applied migrations.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message names each bad option and value.</exception>
    public SqliteDatabase(SqliteStoreOptions options, IClock clock)
        : this(options, clock, MigrationSet.Embedded)
    {
    }

    /// <summary>The seam for tests that supply their own migrations (for example a broken one).</summary>
    internal SqliteDatabase(SqliteStoreOptions options, IClock clock, IReadOnlyList<Migration> migrations)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(migrations);
        var problems = SqliteStoreOptionsValidator.Problems(options).ToArray();
        if (problems.Length > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _options = new SqliteStoreOptions
        {
            Path = options.Path,
            ConnectionString = options.ConnectionString,
            AutoMigrate = options.AutoMigrate,
            BusyTimeout = options.BusyTimeout,
            Synchronous = options.Synchronous,
            BatchSize = options.BatchSize,
            WritesPerBatchCommit = options.WritesPerBatchCommit,
            CustomerCacheSize = options.CustomerCacheSize,
            MaxRetries = options.MaxRetries,
            RetryDelay = options.RetryDelay,
        };
        Clock = clock;
        Migrations = migrations;
        CustomerCache = new VersionedCache<Customers.Customer>(options.CustomerCacheSize);
        ConsentStates = new TrustedValues<Privacy.Consent.ConsentState>(options.CustomerCacheSize);
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString ?? string.Empty);
        if (!string.IsNullOrWhiteSpace(options.Path))
        {
            builder.DataSource = options.Path;
        }

        builder.DataSource = System.IO.Path.GetFullPath(builder.DataSource);
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        builder.Pooling = true;
        builder.ForeignKeys = true;
        // Microsoft.Data.Sqlite retries a busy statement itself until this many seconds have passed; it is kept at the
        // busy timeout (rounded up) so a locked database surfaces as SQLITE_BUSY and the whole transaction is retried.
        builder.DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds));
        FilePath = builder.DataSource;
        ConnectionString = builder.ConnectionString;
        // secure_delete zeroes the bytes of deleted and overwritten rows, so an erased customer's data does not linger
        // in free pages of the file after a checkpoint. temp_store keeps statement journals and sorts in memory: on
        // disk each was a temporary file created, written a page at a time and deleted, most of a write's system calls.
        _pragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = {options.Synchronous.ToString().ToUpperInvariant()}; PRAGMA wal_autocheckpoint = 0; PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536; PRAGMA mmap_size = {options.MemoryMapSize};");
        _checkpointer = new WalCheckpointer(OpenAsync);
        _writer = new KeptConnection(OpenAsync);
        _readers = new ReaderConnections(OpenAsync);
    }

    /// <summary>The database file, as a full path.</summary>
    public string FilePath { get; }

    /// <summary>The connection string every connection is opened with.</summary>
    public string ConnectionString { get; }

    /// <summary>The options, as read when the database was created.</summary>
    internal SqliteStoreOptions Options => _options;

    /// <summary>
    /// The customers read and written through this database, shared by every <see cref="SqliteCustomerStore"/> over it:
    /// a customer one store wrote under a batch's trust must not be found as it was by another.
    /// </summary>
    internal VersionedCache<Customers.Customer> CustomerCache { get; }

    /// <summary>The consent states write batches worked out from the ledger, by customer id; shared by every consent ledger over this database.</summary>
    internal TrustedValues<Privacy.Consent.ConsentState> ConsentStates { get; }

    internal IClock Clock { get; }

    internal IReadOnlyList<Migration> Migrations { get; }

    /// <summary>Called before a transaction is retried, with the retry number and the error; for tests.</summary>
    internal Action<int, SqliteException>? Retrying { get; set; }

    /// <summary>How many writes a batch makes between two checkpoints of the log; lowered by tests to keep them small.</summary>
    internal int WritesPerBatchCheckpoint { get; set; } = 2_500;

    /// <summary>Called after each row of a bulk write, with the row's index; for the crash test.</summary>
    internal Action<int>? BatchRowWritten { get; set; }

    /// <summary>Waits for a running background checkpoint to end; for tests.</summary>
    internal void WaitForCheckpoint() => _checkpointer.WaitForRunning();

    /// <summary>Releases the pooled connections of the file.</summary>
    public void Dispose()
    {
        _checkpointer.WaitForRunning();
        _writeGate.Wait();
        try
        {
            _writer.Dispose();
        }
        finally
        {
            _writeGate.Release();
        }

        _readers.Dispose();

        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>Opens a pooled connection with the per-connection settings, without touching the schema.</summary>
    internal async ValueTask<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // The settings belong to the native connection, which the pool keeps: a reused one already has them.
            if (!_configured.TryGetValue(connection.Handle!, out _))
            {
                using var command = connection.Command(_pragmas);
                await command.ExecuteNonQueryAsync(cancellationToken);
                _configured.AddOrUpdate(connection.Handle!, this);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Switches the file to WAL and migrates it (or checks its version) once per instance.</summary>
    internal async ValueTask EnsureReadyAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        await _initGate.WaitAsync(cancellationToken);
        try
        {
            if (_ready)
            {
                return;
            }

            var migrator = new SqliteMigrator(this);
            if (_options.AutoMigrate)
            {
                await migrator.MigrateAsync(cancellationToken);
            }
            else
            {
                var version = await migrator.GetVersionAsync(cancellationToken);
                if (version != migrator.LatestVersion)
                {
                    throw new SqliteSchemaVersionException(FilePath, version, migrator.LatestVersion);
                }
            }

            await CustomerColumnsRefresh.RunAsync(this, cancellationToken);

            _ready = true;
        }
        finally
        {
            _initGate.Release();
        }
    }

    /// <summary>Runs a write as one <c>BEGIN IMMEDIATE</c> transaction, retried from the start when it meets a lock.</summary>
    internal async ValueTask<T> WriteAsync<T>(Func<SqliteWrite, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await EnsureReadyAsync(cancellationToken);
        if (_checkpointer.TakeFailure() is { } failure)
        {
            throw SqliteFaults.Translate(failure, FilePath, _options.MaxRetries) ?? new InvalidOperationException($"A background checkpoint of '{FilePath}' failed.", failure);
        }

        return await WriteUncheckedAsync(work, cancellationToken);
    }

    /// <summary>
    /// Begins a batch for the calling flow (see <see cref="SqliteWriteBatcher"/>), or joins the one it is in. Not an async
    /// method on purpose: the batch is set in the caller's own execution context, so it flows on from there.
    /// </summary>
    internal ValueTask<IAsyncDisposable> BeginBatchAsync(CancellationToken cancellationToken)
    {
        if (_batch.Value is { IsOpen: true })
        {
            return ValueTask.FromResult<IAsyncDisposable>(JoinedBatch.Instance);
        }

        var batch = new WriteBatch(_writeGate, _writer, BeginImmediateAsync, _checkpointer, _options.WritesPerBatchCommit, WritesPerBatchCheckpoint, () => Interlocked.Increment(ref _lastTrust));
        _batch.Value = batch;
        return StartBatchAsync(batch, cancellationToken);
    }

    /// <summary>
    /// The trust stamp under which the calling flow's write batch reads and writes on <paramref name="connection"/>, or
    /// zero when the flow is in no batch or the connection is not the batch's. Documents read or written under a stamp
    /// stay as they are for as long as the batch keeps it: the batch holds the file's write lock while its transaction
    /// is open, and takes a new stamp when it finds that another connection committed between two of its transactions,
    /// or when it lost one.
    /// </summary>
    internal long BatchTrust(SqliteConnection connection) => _batch.Value is { IsOpen: true } batch ? batch.TrustOn(connection) : 0;

    /// <summary>The library's error for a SQLite error that is not worth retrying, when it has one.</summary>
    internal Exception? Translate(SqliteException error) => SqliteFaults.Translate(error, FilePath, _options.MaxRetries);

    /// <summary>Like <see cref="WriteAsync"/>, without migrating first; the migrator's own transactions use it.</summary>
    internal async ValueTask<T> WriteUncheckedAsync<T>(Func<SqliteWrite, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        if (_batch.Value is { IsOpen: true } batch)
        {
            return await batch.WriteAsync(this, work, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return await WriteGroupedAsync(work, cancellationToken);
    }

    /// <summary>Runs a read on its own connection, retried when it meets a lock; <paramref name="snapshot"/> wraps it in one read transaction.</summary>
    internal async ValueTask<T> ReadAsync<T>(Func<SqliteConnection, ValueTask<T>> work, CancellationToken cancellationToken, bool snapshot = false)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await EnsureReadyAsync(cancellationToken);
        return await ReadUncheckedAsync(work, cancellationToken, snapshot);
    }

    /// <summary>Like <see cref="ReadAsync"/>, without migrating first.</summary>
    internal async ValueTask<T> ReadUncheckedAsync<T>(Func<SqliteConnection, ValueTask<T>> work, CancellationToken cancellationToken, bool snapshot = false)
    {
        if (_batch.Value is { IsOpen: true } batch)
        {
            // In the batch's transaction, which is a snapshot already, and sees the batch's own writes.
            return await batch.ReadAsync(work, cancellationToken);
        }

        for (var attempt = 0; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var kept = _readers.Take();
            try
            {
                var connection = await kept.OpenAsync(cancellationToken);
                T result;
                if (!snapshot)
                {
                    result = await work(connection);
                }
                else
                {
                    using var transaction = connection.BeginTransaction(deferred: true);
                    kept.Transaction = transaction;
                    result = await work(connection);
                    transaction.Commit();
                }

                _readers.Return(kept);
                return result;
            }
            catch (Exception e)
            {
                // A connection that failed a read is closed, not given back, so the next read starts clean.
                kept.Dispose();
                RetryOrThrow(e, attempt);
            }

            await Task.Delay(RetryDelay(attempt), cancellationToken);
        }
    }

    private async ValueTask<IAsyncDisposable> StartBatchAsync(WriteBatch batch, CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken);
        return await batch.StartAsync(cancellationToken);
    }

    /// <summary>Begins a batch's <c>BEGIN IMMEDIATE</c> transaction, retried while another process holds the lock.</summary>
    private async ValueTask<SqliteTransaction> BeginImmediateAsync(KeptConnection writer, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var connection = await writer.OpenAsync(cancellationToken);
                return connection.BeginTransaction(deferred: false);
            }
            catch (SqliteException e)
            {
                writer.Reset();
                RetryOrThrow(e, attempt);
            }

            await Task.Delay(RetryDelay(attempt), cancellationToken);
        }
    }

    /// <summary>
    /// After a failed attempt: returns, having told <see cref="Retrying"/>, when the error is a lock and attempts are
    /// left; otherwise throws the library's error for it (<see cref="Translate"/>), or the error itself with its stack.
    /// </summary>
    private void RetryOrThrow(Exception failure, int attempt)
    {
        if (failure is SqliteException sqlite)
        {
            if (SqliteFaults.IsTransient(sqlite) && attempt < _options.MaxRetries)
            {
                Retrying?.Invoke(attempt + 1, sqlite);
                return;
            }

            if (Translate(sqlite) is { } translated)
            {
                throw translated;
            }
        }

        ExceptionDispatchInfo.Throw(failure);
    }

    private TimeSpan RetryDelay(int attempt)
    {
        var delay = _options.RetryDelay * Math.Pow(2, Math.Min(attempt, 16));
        var capped = delay > MaxRetryDelay ? MaxRetryDelay : delay;
        // Jitter keeps processes that met the same lock from retrying in step.
        return capped * (0.5 + (Random.Shared.NextDouble() / 2));
    }

    /// <summary>The batch handed to a flow that is in a batch already: the outer batch commits.</summary>
    private sealed class JoinedBatch : IAsyncDisposable
    {
        public static readonly JoinedBatch Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
