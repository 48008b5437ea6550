using System.Globalization;
using CustomerCare.PostgreSql;
using Npgsql;

namespace CustomerCare.Benchmarks.PostgreSql;

/// <summary>
/// Where the PostgreSQL benchmarks find their server and how big their data is, from the environment:
/// <c>CUSTOMERCARE_BENCH_POSTGRES</c> (an Npgsql connection string; unset means no server, and every PostgreSQL
/// benchmark class measures nothing) and <c>CUSTOMERCARE_BENCH_CUSTOMERS</c> (default 1,000,000).
/// </summary>
internal static class PostgreSqlBench
{
    /// <summary>The connection string, or <see langword="null"/> when no server was given.</summary>
    public static string? ConnectionString { get; } = Environment.GetEnvironmentVariable("CUSTOMERCARE_BENCH_POSTGRES") is { Length: > 0 } value ? value : null;

    /// <summary>Whether a server was given.</summary>
    public static bool HasServer => ConnectionString is not null;

    /// <summary>How many customers the 1M-customer benchmarks use.</summary>
    public static int Customers { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("CUSTOMERCARE_BENCH_CUSTOMERS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1_000_000;

    /// <summary>Prints why a class measures nothing; its benchmarks then return at once.</summary>
    /// <param name="benchmark">The class.</param>
    public static void SayNoServer(string benchmark) =>
        Console.WriteLine($"// {benchmark}: CUSTOMERCARE_BENCH_POSTGRES is not set: no server, so every benchmark of this class returns at once and measures nothing.");

    /// <summary>A database over a schema, with session settings appended to the connection string.</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="sessionOptions">Server settings for every session, such as <c>-c synchronous_commit=off</c>; none when null.</param>
    /// <returns>The database; nothing is contacted yet.</returns>
    public static PostgreSqlDatabase Open(string schema, string? sessionOptions = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { MaxPoolSize = 64 };
        if (sessionOptions is not null)
        {
            builder.Options = sessionOptions;
        }

        return new PostgreSqlDatabase(new PostgreSqlStoreOptions { ConnectionString = builder.ConnectionString, Schema = schema });
    }

    /// <summary>Drops a schema and everything in it.</summary>
    /// <param name="schema">The schema, a plain lower-case identifier.</param>
    /// <returns>A task.</returns>
    public static async Task DropSchemaAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs one scalar query on its own connection.</summary>
    /// <param name="sql">The query.</param>
    /// <returns>Its first value, or <see langword="null"/>.</returns>
    public static async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }
}
