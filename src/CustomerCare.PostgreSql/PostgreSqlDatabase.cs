using System.Globalization;
using CustomerCare.PostgreSql.Internal;
using CustomerCare.PostgreSql.Migrations;
using Npgsql;

namespace CustomerCare.PostgreSql;

/// <summary>
/// One PostgreSQL database and schema shared by every PostgreSQL store: a single <see cref="NpgsqlDataSource"/>
/// (connection pool), the migrations, and the retry of transient failures around whole transactions.
/// </summary>
/// <remarks>
/// <para><b>Thread safety.</b> Thread-safe; create one per application (the DI registration does) and share it.</para>
/// <para><b>Migrations.</b> At first use, the schema is migrated to the library's version when
/// <see cref="PostgreSqlStoreOptions.AutoMigrate"/> is on, and checked otherwise.</para>
/// <para><b>Faults.</b> Each store call runs one transaction; when it fails transiently (a dropped connection, a
/// restarting server, a serialization failure, a deadlock, a lock timeout) the whole transaction is run again, up to
/// <see cref="PostgreSqlStoreOptions.MaxAttempts"/> times with doubling delays. A permanent failure, or one that outlasts
/// the retries, is a <see cref="PostgreSqlStoreException"/> naming the server, the database and the user.</para>
/// </remarks>
public sealed class PostgreSqlDatabase : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(2);
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgreSqlStoreOptions _options;
    private readonly string _quotedSchema;
    private readonly string _setLockTimeout;
    private readonly string _lockTimeoutSetting;
    private readonly int _commandTimeoutSeconds;
    private readonly SemaphoreSlim _readyLock = new(1, 1);
    private volatile bool _ready;

    /// <summary>Creates the database from validated options; nothing is contacted until the first call.</summary>
    /// <param name="options">The options; copied, so later changes have no effect.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is invalid; the message names it and its value.</exception>
    public PostgreSqlDatabase(PostgreSqlStoreOptions options)
        : this(options, Migration.Embedded)
    {
    }

    internal PostgreSqlDatabase(PostgreSqlStoreOptions options, IReadOnlyList<Migration> migrations)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = PostgreSqlStoreOptionsValidator.Check(options);
        if (failures.Count > 0)
        {
            throw new ArgumentException("Invalid PostgreSQL store options: " + string.Join("; ", failures), nameof(options));
        }

        _options = new PostgreSqlStoreOptions
        {
            ConnectionString = options.ConnectionString,
            Schema = options.Schema,
            AutoMigrate = options.AutoMigrate,
            LockTimeout = options.LockTimeout,
            CommandTimeout = options.CommandTimeout,
            MaxAttempts = options.MaxAttempts,
            RetryDelay = options.RetryDelay,
        };
        _quotedSchema = "\"" + options.Schema + "\"";
        _lockTimeoutSetting = string.Create(CultureInfo.InvariantCulture, $"{(long)Math.Ceiling(options.LockTimeout.TotalMilliseconds)}ms");
        _setLockTimeout = $"SET LOCAL lock_timeout = '{_lockTimeoutSetting}'";
        _commandTimeoutSeconds = (int)Math.Ceiling(options.CommandTimeout.TotalSeconds);
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        Endpoint = $"database '{builder.Database ?? builder.Username}' on {builder.Host}:{builder.Port} as user '{builder.Username}'";
        var sourceBuilder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        if (sourceBuilder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            // The stores run the same few statements all day: preparing them saves a parse and plan per call.
            sourceBuilder.ConnectionStringBuilder.MaxAutoPrepare = 64;
        }

        // Every setting the stores make is transaction-local (SET LOCAL, set_config(…, true), xact advisory locks), so a
        // connection goes back to the pool clean; Npgsql's reset statements on each reuse cost 30-40 % of the redeem
        // throughput with 16 clients.
        sourceBuilder.ConnectionStringBuilder.NoResetOnClose = true;
        _dataSource = sourceBuilder.Build();
        Migrator = new PostgreSqlMigrator(this, migrations);
    }

    /// <summary>The schema the tables live in.</summary>
    public string Schema => _options.Schema;

    /// <summary>The migrator of this database's schema.</summary>
    public PostgreSqlMigrator Migrator { get; }

    /// <summary>The data source (connection pool).</summary>
    internal NpgsqlDataSource DataSource => _dataSource;

    /// <summary>"database 'x' on host:port as user 'y'", for messages; never the password.</summary>
    internal string Endpoint { get; }

    /// <summary>The lock timeout as a server setting value (<c>5000ms</c>), for functions that set it in their own transaction.</summary>
    internal string LockTimeoutSetting => _lockTimeoutSetting;

    /// <summary>Replaces <c>{s}</c> in a statement with the quoted schema.</summary>
    internal string Sql(string text) => text.Replace("{s}", _quotedSchema, StringComparison.Ordinal);

    /// <summary>Runs <paramref name="work"/> in one transaction, retried whole on transient failures; commits unless it asked for a rollback.</summary>
    internal Task<T> WriteAsync<T>(Func<PgTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(work, transactional: true, ensureReady: true, cancellationToken);

    /// <summary>
    /// Runs one statement that is a transaction by itself (a call of a server-side function), without the round trips of
    /// an explicit transaction; retried whole on transient failures.
    /// </summary>
    internal Task<T> CallAsync<T>(Func<PgTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(work, transactional: false, ensureReady: true, cancellationToken);

    /// <summary>Runs a read without a transaction, retried on transient failures.</summary>
    internal Task<T> ReadAsync<T>(Func<PgTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(work, transactional: false, ensureReady: true, cancellationToken);

    /// <summary>Runs a transaction without first checking the schema version (the migrator's own work).</summary>
    internal Task<T> MigrationWriteAsync<T>(Func<PgTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(work, transactional: true, ensureReady: false, cancellationToken);

    /// <summary>Migrates (or checks) the schema once, at first use.</summary>
    internal async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        await _readyLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_ready)
            {
                return;
            }

            if (_options.AutoMigrate)
            {
                await Migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await Migrator.EnsureCurrentAsync(cancellationToken).ConfigureAwait(false);
            }

            _ready = true;
        }
        finally
        {
            _readyLock.Release();
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _readyLock.Dispose();
        return _dataSource.DisposeAsync();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _readyLock.Dispose();
        _dataSource.Dispose();
    }

    private async Task<T> RunAsync<T>(Func<PgTransaction, CancellationToken, Task<T>> work, bool transactional, bool ensureReady, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (ensureReady)
        {
            await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunOnceAsync(work, transactional, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (TransientErrors.IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                if (attempt >= _options.MaxAttempts)
                {
                    throw new PostgreSqlStoreException(
                        string.Create(CultureInfo.InvariantCulture, $"PostgreSQL {Endpoint} kept failing after {attempt} attempts: {e.Message}"), e);
                }

                await Task.Delay(Backoff(attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<T> RunOnceAsync<T>(Func<PgTransaction, CancellationToken, Task<T>> work, bool transactional, CancellationToken cancellationToken)
    {
        NpgsqlConnection connection;
        try
        {
            connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException e) when (!TransientErrors.IsTransient(e))
        {
            var code = e is PostgresException postgres ? $" (SQLSTATE {postgres.SqlState})" : string.Empty;
            throw new PostgreSqlStoreException($"Cannot open PostgreSQL {Endpoint}: {e.Message}{code}. Check PostgreSqlStoreOptions.ConnectionString.", e);
        }

        await using (connection.ConfigureAwait(false))
        {
            if (!transactional)
            {
                return await work(new PgTransaction(connection, null, _commandTimeoutSeconds), cancellationToken).ConfigureAwait(false);
            }

            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var tx = new PgTransaction(connection, transaction, _commandTimeoutSeconds);
                await tx.ExecuteAsync(_setLockTimeout, cancellationToken).ConfigureAwait(false);
                var result = await work(tx, cancellationToken).ConfigureAwait(false);
                if (tx.RollbackRequested)
                {
                    await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                }
                else
                {
                    // Once the work is done, committing is not cancelled: a half-sent commit would leave the outcome unknown.
                    await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                }

                return result;
            }
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var delay = _options.RetryDelay * Math.Pow(2, attempt - 1);
        var capped = delay > MaxRetryDelay ? MaxRetryDelay : delay;
        // Jitter spreads the retries of instances that failed together.
        return capped * (0.5 + (Random.Shared.NextDouble() * 0.5));
    }
}
