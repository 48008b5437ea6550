using Microsoft.Data.Sqlite;

namespace CustomerCare.Sqlite.Internal;

/// <summary>
/// A SQL condition on the customers table that a specification was translated to, with its parameters. Rows it
/// selects are a superset of the specification's matches; when <see cref="Exact"/>, the same set.
/// </summary>
/// <param name="Sql">The condition, with <c>$p0</c>-style parameters only; never a value.</param>
/// <param name="Parameters">The parameter values.</param>
/// <param name="Exact">Whether the condition selects exactly the matches, so SQL may count them.</param>
/// <param name="Indexed">Whether an index finds the few matches, so they are read in one statement rather than page by page.</param>
internal sealed record CustomerFilter(string Sql, IReadOnlyList<KeyValuePair<string, object>> Parameters, bool Exact, bool Indexed = false)
{
    /// <summary>
    /// The index the query must use, or <see langword="null"/> to leave it to the planner. A range condition on an empty
    /// or unanalysed table can make SQLite walk the whole table in <c>sort_key</c> order instead.
    /// </summary>
    public string? Index { get; init; }

    /// <summary>The table to select from, with the index to use when there is one.</summary>
    public string Table => Index is null ? "customers" : $"customers INDEXED BY {Index}";

    /// <summary>Every row, to be checked in memory.</summary>
    public static CustomerFilter All { get; } = new("1", [], Exact: false);

    /// <summary>Every row, and nothing else to check.</summary>
    public static CustomerFilter Everything { get; } = new("1", [], Exact: true);

    public void Bind(SqliteCommand command)
    {
        foreach (var (name, value) in Parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
    }
}
