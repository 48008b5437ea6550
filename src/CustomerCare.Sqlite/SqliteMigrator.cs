using CustomerCare.Sqlite.Internal;
using CustomerCare.Sqlite.Migrations;
using Microsoft.Data.Sqlite;
using NodaTime.Text;

namespace CustomerCare.Sqlite;

/// <summary>
/// Creates and upgrades the schema of a <see cref="SqliteDatabase"/> from the versioned scripts embedded in this
/// package, recording each in <c>customercare_schema_version</c>.
/// </summary>
/// <remarks>
/// <para>Each migration runs in one <c>BEGIN IMMEDIATE</c> transaction together with its version row: a failing script
/// is rolled back completely, and two processes migrating at once apply each version once.</para>
/// <para>The stores migrate on first use when <see cref="SqliteStoreOptions.AutoMigrate"/> is on (the default). Thread-safe.</para>
/// </remarks>
public sealed class SqliteMigrator
{
    private const string VersionTable =
        "CREATE TABLE IF NOT EXISTS customercare_schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL);";

    private readonly SqliteDatabase _database;

    /// <summary>Creates a migrator for a database.</summary>
    /// <param name="database">The database.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public SqliteMigrator(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <summary>The schema version this library creates and works with.</summary>
    public int LatestVersion => _database.Migrations.Count == 0 ? 0 : _database.Migrations[^1].Version;

    /// <summary>The database's schema version: 0 for a new, empty file.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The highest applied version.</returns>
    /// <exception cref="SqliteDatabaseFileException">The file is not a SQLite database, or is corrupt.</exception>
    public async ValueTask<int> GetVersionAsync(CancellationToken cancellationToken = default) =>
        await _database.ReadUncheckedAsync(connection => ReadVersionAsync(connection, null, cancellationToken), cancellationToken);

    /// <summary>Switches the file to WAL and applies every migration the database does not have yet, each in its own transaction.</summary>
    /// <param name="cancellationToken">Cancels between migrations; a migration under way completes or rolls back whole.</param>
    /// <returns>The schema version after migrating.</returns>
    /// <exception cref="SqliteSchemaVersionException">The database is newer than this library.</exception>
    /// <exception cref="SqliteMigrationException">A migration failed; it was rolled back and the earlier ones stay applied.</exception>
    /// <exception cref="SqliteDatabaseFileException">The file is not a SQLite database, or is corrupt.</exception>
    public async ValueTask<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await UseWalAsync(cancellationToken);
        var version = await GetVersionAsync(cancellationToken);
        if (version > LatestVersion)
        {
            throw new SqliteSchemaVersionException(_database.FilePath, version, LatestVersion);
        }

        foreach (var migration in _database.Migrations.Where(m => m.Version > version))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await ApplyAsync(migration, cancellationToken);
        }

        return await GetVersionAsync(cancellationToken);
    }

    private async ValueTask UseWalAsync(CancellationToken cancellationToken) =>
        await _database.ReadUncheckedAsync(
            async connection =>
            {
                // The journal mode is a property of the file: set once, every later connection uses WAL.
                using var command = connection.Command("PRAGMA journal_mode = WAL;");
                return await command.ExecuteScalarAsync(cancellationToken);
            },
            cancellationToken);

    private async ValueTask ApplyAsync(Migration migration, CancellationToken cancellationToken)
    {
        try
        {
            await _database.WriteUncheckedAsync(
                async write =>
                {
                    // Another process may have applied it since the version was read; the immediate lock makes this check exact.
                    var current = await ReadVersionAsync(write.Connection, write, cancellationToken);
                    if (current >= migration.Version)
                    {
                        return current;
                    }

                    using (var script = write.Command(migration.Sql))
                    {
                        await script.ExecuteNonQueryAsync(CancellationToken.None);
                    }

                    using var record = write.Command("INSERT INTO customercare_schema_version (version, description, applied_at) VALUES ($version, $description, $at);")
                        .With("$version", migration.Version)
                        .With("$description", migration.Description)
                        .With("$at", InstantPattern.ExtendedIso.Format(_database.Clock.GetCurrentInstant()));
                    await record.ExecuteNonQueryAsync(CancellationToken.None);
                    return migration.Version;
                },
                cancellationToken);
        }
        catch (SqliteException e) when (!SqliteFaults.IsTransient(e) && SqliteFaults.Translate(e, _database.FilePath, 0) is null)
        {
            throw new SqliteMigrationException(_database.FilePath, migration.Version, migration.Description, e);
        }
    }

    private static async ValueTask<int> ReadVersionAsync(SqliteConnection connection, SqliteWrite? write, CancellationToken cancellationToken)
    {
        using var create = write?.Command(VersionTable);
        if (create is not null)
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        using var exists = write?.Command(string.Empty) ?? connection.CreateCommand();
        exists.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'customercare_schema_version';";
        if ((long)(await exists.ExecuteScalarAsync(cancellationToken))! == 0)
        {
            return 0;
        }

        using var max = write?.Command(string.Empty) ?? connection.CreateCommand();
        max.CommandText = "SELECT COALESCE(MAX(version), 0) FROM customercare_schema_version;";
        return (int)(long)(await max.ExecuteScalarAsync(cancellationToken))!;
    }
}
