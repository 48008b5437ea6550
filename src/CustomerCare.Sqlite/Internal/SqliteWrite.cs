using Microsoft.Data.Sqlite;

namespace CustomerCare.Sqlite.Internal;

/// <summary>An open write transaction handed to a store's work: commands bound to it, and a way to roll it back.</summary>
internal sealed class SqliteWrite(SqliteConnection connection, SqliteDatabase database, KeptConnection writer, CancellationToken cancellationToken)
{
    public SqliteConnection Connection { get; } = connection;

    public SqliteDatabase Database { get; } = database;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Whether the work asked for its writes to be undone (a business outcome such as a version conflict).</summary>
    public bool RollbackRequested { get; private set; }

    /// <summary>Undoes everything written in this transaction, when the work returns.</summary>
    public void Rollback() => RollbackRequested = true;

    /// <summary>A command bound to the transaction; dispose it after use, which keeps its compiled statement for the next write.</summary>
    public SqliteCommand Command(string sql) => writer.Command(sql);
}
