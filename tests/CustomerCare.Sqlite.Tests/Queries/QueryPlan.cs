using Microsoft.Data.Sqlite;

namespace CustomerCare.Sqlite.Tests.Queries;

/// <summary>Reads SQLite's plan for a store query on a migrated, empty database.</summary>
internal static class QueryPlan
{
    /// <summary>The plan's steps (the <c>detail</c> column of <c>EXPLAIN QUERY PLAN</c>) for <c>SELECT version, document FROM table WHERE where ORDER BY sort_key</c>.</summary>
    public static Task<List<string>> StepsAsync(TempDatabase temp, string table, string where, Action<SqliteCommand> bind) =>
        StepsOfAsync(temp, $"SELECT version, document FROM {table} WHERE {where} ORDER BY sort_key;", bind);

    /// <summary>The plan's steps (the <c>detail</c> column of <c>EXPLAIN QUERY PLAN</c>) for a statement.</summary>
    public static async Task<List<string>> StepsOfAsync(TempDatabase temp, string statement, Action<SqliteCommand> bind)
    {
        await new SqliteMigrator(temp.Database).MigrateAsync();
        using var connection = new SqliteConnection(temp.Database.ConnectionString);
        connection.Open();
        using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + statement;
        bind(explain);
        var steps = new List<string>();
        using var reader = explain.ExecuteReader();
        while (reader.Read())
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }
}
