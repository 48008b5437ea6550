using CustomerCare.PostgreSql.Migrations;
using CustomerCare.PostgreSql.Tests.Infrastructure;

namespace CustomerCare.PostgreSql.Tests;

public sealed class MigrationTests
{
    [SkippableFact]
    public async Task Migrate_FreshSchema_ReachesTheLatestVersion_AndAgainAppliesNothing()
    {
        Skip.If(TestDatabase.ConnectionString is null, $"{TestDatabase.Variable} is not set.");
        await using var test = await TestDatabase.CreateAsync(o => o.AutoMigrate = false);

        Assert.Equal(0, await test.Database.Migrator.GetVersionAsync());
        Assert.Equal(Migration.Embedded.Count, await test.Database.Migrator.MigrateAsync());
        Assert.Equal(0, await test.Database.Migrator.MigrateAsync());
        Assert.Equal(test.Database.Migrator.LatestVersion, await test.Database.Migrator.GetVersionAsync());
        Assert.Equal("initial", await TestDatabase.ScalarAsync<string>($"SELECT description FROM \"{test.Schema}\".customercare_schema_version WHERE version = 1"));
    }

    [SkippableFact]
    public async Task Migrate_ManyInstancesStartingTogether_ApplyEachMigrationOnce()
    {
        Skip.If(TestDatabase.ConnectionString is null, $"{TestDatabase.Variable} is not set.");
        var schema = TestDatabase.NewSchemaName();
        var databases = Enumerable.Range(0, 6).Select(_ => new PostgreSqlDatabase(new PostgreSqlStoreOptions { ConnectionString = TestDatabase.RequiredConnectionString, Schema = schema })).ToArray();
        try
        {
            var applied = await Task.WhenAll(databases.Select(d => Task.Run(() => d.Migrator.MigrateAsync())));

            Assert.Equal(Migration.Embedded.Count, applied.Sum());
            Assert.Equal((long)Migration.Embedded.Count, await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM \"{schema}\".customercare_schema_version"));
        }
        finally
        {
            foreach (var database in databases)
            {
                await database.DisposeAsync();
            }

            await TestDatabase.DropSchemaAsync(schema);
        }
    }

    [SkippableFact]
    public async Task Migrate_ABrokenMigration_IsRolledBackWhole_AndTheSchemaStaysAtThePreviousVersion()
    {
        Skip.If(TestDatabase.ConnectionString is null, $"{TestDatabase.Variable} is not set.");
        Migration broken = new(Migration.Embedded.Count + 1, "broken", "CREATE TABLE {s}.half_done (id int); ALTER TABLE {s}.no_such_table ADD COLUMN x int;");
        await using var test = await TestDatabase.CreateAsync(o => o.AutoMigrate = false, [.. Migration.Embedded, broken]);

        await Assert.ThrowsAnyAsync<Exception>(() => test.Database.Migrator.MigrateAsync());

        Assert.Equal(Migration.Embedded.Count, await test.Database.Migrator.GetVersionAsync());
        Assert.Null(await TestDatabase.ScalarAsync<string>("SELECT to_regclass($1)::text", $"\"{test.Schema}\".half_done"));
    }

    [SkippableFact]
    public async Task Migrate_SchemaNewerThanTheLibrary_IsRefusedNamingBothVersions()
    {
        Skip.If(TestDatabase.ConnectionString is null, $"{TestDatabase.Variable} is not set.");
        await using var test = await TestDatabase.CreateAsync();
        var future = Migration.Embedded.Count + 7;
        await TestDatabase.ScalarAsync<object>($"INSERT INTO \"{test.Schema}\".customercare_schema_version VALUES ({future}, 'from the future', 'x')");
        await using var database = new PostgreSqlDatabase(new PostgreSqlStoreOptions { ConnectionString = TestDatabase.RequiredConnectionString, Schema = test.Schema });

        var error = await Assert.ThrowsAsync<PostgreSqlSchemaVersionException>(() => new PostgreSqlOutboxStore(database).CountAsync(Notifications.OutboxStatus.Pending).AsTask());

        Assert.Equal((future, Migration.Embedded.Count), (error.DatabaseVersion, error.LibraryVersion));
        Assert.Contains($"version {future}, newer than version {Migration.Embedded.Count}", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task AutoMigrateOff_OnAnEmptySchema_IsRefusedWithAClearException()
    {
        Skip.If(TestDatabase.ConnectionString is null, $"{TestDatabase.Variable} is not set.");
        await using var test = await TestDatabase.CreateAsync(o => o.AutoMigrate = false);

        var error = await Assert.ThrowsAsync<PostgreSqlSchemaVersionException>(() => new PostgreSqlOutboxStore(test.Database).CountAsync(Notifications.OutboxStatus.Pending).AsTask());

        Assert.Contains("AutoMigrate is off", error.Message, StringComparison.Ordinal);
    }
}
