using System.Globalization;
using System.Security.Cryptography;
using CustomerCare.PostgreSql.Migrations;
using Npgsql;

namespace CustomerCare.PostgreSql.Tests.Infrastructure;

/// <summary>
/// A schema of its own on the test server (CUSTOMERCARE_TEST_POSTGRES) for one test, dropped at dispose, so tests share
/// the server but never each other's rows.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    public const string Variable = "CUSTOMERCARE_TEST_POSTGRES";

    private TestDatabase(string schema, PostgreSqlDatabase database)
    {
        Schema = schema;
        Database = database;
    }

    public string Schema { get; }

    public PostgreSqlDatabase Database { get; }

    /// <summary>The test server's connection string, or <see langword="null"/> when the variable is not set.</summary>
    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>The connection string, or a failure that says how to get a server (for [Fact]s of the kit, which cannot be skipped).</summary>
    public static string RequiredConnectionString => ConnectionString
        ?? throw new InvalidOperationException($"{Variable} is not set: run ./test.sh, which starts a throwaway PostgreSQL, or export an Npgsql connection string to a server where the user may create schemas.");

    public static string NewSchemaName()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return "cc_test_" + Convert.ToHexString(bytes).ToLowerInvariant();
    }

    /// <summary>Creates a fresh, migrated schema.</summary>
    public static async Task<TestDatabase> CreateAsync(Action<PostgreSqlStoreOptions>? configure = null, IReadOnlyList<Migration>? migrations = null)
    {
        var options = new PostgreSqlStoreOptions { ConnectionString = RequiredConnectionString, Schema = NewSchemaName() };
        configure?.Invoke(options);
        var database = new PostgreSqlDatabase(options, migrations ?? Migration.Embedded);
        if (options.AutoMigrate)
        {
            await database.Migrator.MigrateAsync();
        }

        return new TestDatabase(options.Schema, database);
    }

    /// <summary>Runs SQL on the test server outside any store, such as to inspect or damage a schema.</summary>
    public static async Task<T?> ScalarAsync<T>(string sql, params object[] parameters)
    {
        // Unpooled: a pooled connection would not survive the restart test.
        await using var connection = new NpgsqlConnection(RequiredConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The plan of a parameterized query over one of this schema's tables, after analyzing the table, one row per line,
    /// with sequential scans off: a tiny table may be read whole otherwise.
    /// </summary>
    public async Task<string> PlanAsync(string table, string query, params object?[] parameters)
    {
        await ScalarAsync<object>($"ANALYZE \"{Schema}\".{table}");
        return string.Join("\n", await PlanLinesAsync(query, parameters));
    }

    private static async Task<List<string>> PlanLinesAsync(string query, object?[] parameters)
    {
        await using var connection = new NpgsqlConnection(RequiredConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await off.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand("EXPLAIN " + query, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter ?? DBNull.Value });
        }

        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }

    public static Task DropSchemaAsync(string schema) => ScalarAsync<object>($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        await DropSchemaAsync(Schema);
    }
}
