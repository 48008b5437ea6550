using System.Globalization;
using CustomerCare.PostgreSql.Internal;
using CustomerCare.PostgreSql.Migrations;

namespace CustomerCare.PostgreSql;

/// <summary>
/// Creates the schema and applies the embedded, versioned migrations (<c>Migrations/0001_initial.sql</c>, …), recording
/// each in <c>customercare_schema_version</c>.
/// </summary>
/// <remarks>
/// <para><b>Atomicity.</b> Each migration runs in one transaction with its version row, so a failing migration leaves
/// nothing of itself behind and the schema at the previous version.</para>
/// <para><b>Concurrency.</b> Every step holds a transaction-scoped advisory lock (<c>pg_advisory_xact_lock</c>) keyed on
/// the schema, so application instances starting together apply each migration once. Thread-safe.</para>
/// </remarks>
public sealed class PostgreSqlMigrator
{
    private const string VersionTable = "{s}.customercare_schema_version";
    private readonly PostgreSqlDatabase _database;
    private readonly IReadOnlyList<Migration> _migrations;

    internal PostgreSqlMigrator(PostgreSqlDatabase database, IReadOnlyList<Migration> migrations)
    {
        _database = database;
        _migrations = migrations;
    }

    /// <summary>The schema version this library brings.</summary>
    public int LatestVersion => _migrations.Count == 0 ? 0 : _migrations[^1].Version;

    /// <summary>Creates the schema when missing and applies every migration it lacks.</summary>
    /// <param name="cancellationToken">Cancels between and within migrations; a cancelled migration is rolled back.</param>
    /// <returns>How many migrations were applied (0 when the schema was current).</returns>
    /// <exception cref="PostgreSqlSchemaVersionException">The schema is at a newer version than <see cref="LatestVersion"/>.</exception>
    /// <exception cref="PostgreSqlStoreException">The database cannot be reached or refused a migration.</exception>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await _database.MigrationWriteAsync(async (tx, ct) =>
        {
            await LockAsync(tx, ct).ConfigureAwait(false);
            await tx.ExecuteAsync(_database.Sql("CREATE SCHEMA IF NOT EXISTS {s}"), ct).ConfigureAwait(false);
            await tx.ExecuteAsync(_database.Sql($"CREATE TABLE IF NOT EXISTS {VersionTable} (version integer PRIMARY KEY, description text NOT NULL, applied_at text NOT NULL)"), ct).ConfigureAwait(false);
            return 0;
        }, cancellationToken).ConfigureAwait(false);

        var applied = 0;
        foreach (var migration in _migrations)
        {
            var ran = await _database.MigrationWriteAsync(async (tx, ct) =>
            {
                await LockAsync(tx, ct).ConfigureAwait(false);
                var current = await CurrentAsync(tx, ct).ConfigureAwait(false);
                ThrowIfNewer(current);
                if (current >= migration.Version)
                {
                    return false;
                }

                await tx.ExecuteAsync(_database.Sql(migration.Sql), ct).ConfigureAwait(false);
                await tx.ExecuteAsync(
                    _database.Sql($"INSERT INTO {VersionTable} (version, description, applied_at) VALUES ($1, $2, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'))"),
                    ct,
                    migration.Version,
                    migration.Description).ConfigureAwait(false);
                return true;
            }, cancellationToken).ConfigureAwait(false);
            applied += ran ? 1 : 0;
        }

        var final = await GetVersionAsync(cancellationToken).ConfigureAwait(false);
        ThrowIfNewer(final);
        return applied;
    }

    /// <summary>The schema's version: the highest applied migration, 0 when the schema or its version table does not exist.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The version.</returns>
    /// <exception cref="PostgreSqlStoreException">The database cannot be reached.</exception>
    public Task<int> GetVersionAsync(CancellationToken cancellationToken = default) =>
        _database.MigrationWriteAsync(CurrentAsync, cancellationToken);

    /// <summary>Refuses a schema that is not at <see cref="LatestVersion"/>, for <see cref="PostgreSqlStoreOptions.AutoMigrate"/> off.</summary>
    internal async Task EnsureCurrentAsync(CancellationToken cancellationToken)
    {
        var version = await GetVersionAsync(cancellationToken).ConfigureAwait(false);
        ThrowIfNewer(version);
        if (version < LatestVersion)
        {
            throw new PostgreSqlSchemaVersionException(_database.Schema, version, LatestVersion, string.Create(
                CultureInfo.InvariantCulture,
                $"PostgreSQL schema '{_database.Schema}' is at version {version}, but this library needs version {LatestVersion}, and AutoMigrate is off. Run PostgreSqlMigrator.MigrateAsync, or turn PostgreSqlStoreOptions.AutoMigrate on."));
        }
    }

    private void ThrowIfNewer(int version)
    {
        if (version > LatestVersion)
        {
            throw new PostgreSqlSchemaVersionException(_database.Schema, version, LatestVersion, string.Create(
                CultureInfo.InvariantCulture,
                $"PostgreSQL schema '{_database.Schema}' is at version {version}, newer than version {LatestVersion}, the latest this library knows. Upgrade CustomerCare.PostgreSql; a newer application migrated this database."));
        }
    }

    private async Task<int> CurrentAsync(PgTransaction tx, CancellationToken cancellationToken)
    {
        var table = await tx.ScalarAsync<string>("SELECT to_regclass($1)::text", cancellationToken, _database.Sql(VersionTable)).ConfigureAwait(false);
        return table is null ? 0 : await tx.ScalarAsync<int>(_database.Sql($"SELECT COALESCE(max(version), 0) FROM {VersionTable}"), cancellationToken).ConfigureAwait(false);
    }

    private Task<int> LockAsync(PgTransaction tx, CancellationToken cancellationToken) =>
        tx.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended('customercare.migrate.' || $1, 0))", cancellationToken, _database.Schema);
}
