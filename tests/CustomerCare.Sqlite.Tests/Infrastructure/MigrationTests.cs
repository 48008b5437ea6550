using CustomerCare.Sqlite.Migrations;
using CustomerCare.Testing;

namespace CustomerCare.Sqlite.Tests.Infrastructure;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrate_NewFile_AppliesEveryMigrationInWalMode_AndRecordsThem()
    {
        await using var temp = new TempDatabase();
        var migrator = new SqliteMigrator(temp.Database);

        var version = await migrator.MigrateAsync();

        Assert.Equal(migrator.LatestVersion, version);
        Assert.Equal(MigrationSet.Embedded.Count, version);
        Assert.Equal("wal", RawSql.Scalar(temp.Path, "PRAGMA journal_mode;"));
        Assert.Equal("1|initial|2026-11-22T09:00:00Z", RawSql.Scalar(temp.Path, "SELECT version || '|' || description || '|' || applied_at FROM customercare_schema_version WHERE version = 1;"));
        Assert.Equal(version, await migrator.MigrateAsync());
    }

    [Fact]
    public async Task Migrate_BrokenScript_IsRolledBackWhole_AndTheVersionStays()
    {
        using var temp = new TempDatabase();
        var latest = MigrationSet.Embedded.Count;
        var broken = new Migration(latest + 1, "broken", "CREATE TABLE half_done (x INTEGER); INSERT INTO half_done VALUES (1); INSERT INTO no_such_table VALUES (1);");
        using var database = new SqliteDatabase(new SqliteStoreOptions { Path = temp.Path }, TestClocks.AtUtc(2026, 11, 22), [.. MigrationSet.Embedded, broken]);
        var migrator = new SqliteMigrator(database);

        var error = await Assert.ThrowsAsync<SqliteMigrationException>(async () => await migrator.MigrateAsync());

        Assert.Equal((latest + 1, "broken"), (error.Version, error.Description));
        Assert.Contains(temp.Path, error.Message, StringComparison.Ordinal);
        Assert.Equal(latest, await migrator.GetVersionAsync());
        Assert.Equal(0L, RawSql.Scalar(temp.Path, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done';"));
    }

    [Fact]
    public async Task Store_OnADatabaseNewerThanTheLibrary_RefusesNamingBothVersions()
    {
        await using var temp = new TempDatabase();
        await new SqliteMigrator(temp.Database).MigrateAsync();
        RawSql.Scalar(temp.Path, "INSERT INTO customercare_schema_version (version, description, applied_at) VALUES (99, 'from the future', '2030-01-01T00:00:00Z');");
        using var later = temp.Reopen();

        var error = await Assert.ThrowsAsync<SqliteSchemaVersionException>(async () => await new SqliteOutboxStore(later).CountAsync(Notifications.OutboxStatus.Pending));

        Assert.Equal((99, MigrationSet.Embedded.Count), (error.DatabaseVersion, error.LibraryVersion));
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains($"version {MigrationSet.Embedded.Count}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_WithAutoMigrateOff_OnAnEmptyFile_RefusesAndCreatesNoTable()
    {
        await using var temp = new TempDatabase(o => o.AutoMigrate = false);

        var error = await Assert.ThrowsAsync<SqliteSchemaVersionException>(async () => await new SqliteReviewStore(temp.Database).FindAsync("r-1"));

        Assert.Equal(0, error.DatabaseVersion);
        Assert.Equal(0L, RawSql.Scalar(temp.Path, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'reviews';"));
    }
}
