using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace CustomerCare.Sqlite.Internal;

/// <summary>
/// A connection kept open between uses together with its compiled statements, so a read or a write pays neither for
/// taking a connection from the pool nor for compiling its SQL again.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="SqliteDatabase"/> keeps one for its writes, which take turns at its write gate, and a few for reads in a
/// <see cref="ReaderConnections"/>. One is used by one caller at a time and is not thread-safe itself.
/// </para>
/// <para>
/// Microsoft.Data.Sqlite keeps a statement compiled only as long as its <see cref="SqliteCommand"/> lives, and the stores
/// dispose their commands after each use. <see cref="Command"/> therefore hands out <see cref="CachedCommand"/>s, whose
/// dispose returns them to this cache with their parameters cleared instead of finalizing the statement. A statement met
/// while its cached command is still in use (a reader still open over it), or beyond <see cref="Capacity"/> distinct
/// statements, gets an ordinary command. After any failure the database calls <see cref="Reset"/>, which closes the
/// connection and every statement, so the next use starts from a fresh connection. Work handed a
/// <see cref="SqliteConnection"/> reaches the cache of its kept connection through <see cref="For"/>.
/// </para>
/// </remarks>
internal sealed class KeptConnection : IDisposable
{
    /// <summary>How many distinct statements are kept compiled; the stores use well under a hundred.</summary>
    public const int Capacity = 256;

    private static readonly ConditionalWeakTable<SqliteConnection, KeptConnection> ByConnection = [];
    private readonly Func<CancellationToken, ValueTask<SqliteConnection>> _open;
    private readonly Dictionary<string, CachedCommand> _commands = new(StringComparer.Ordinal);
    private SqliteConnection? _connection;

    /// <summary>Creates the holder; the connection is opened by the first use.</summary>
    /// <param name="open">Opens a configured connection.</param>
    public KeptConnection(Func<CancellationToken, ValueTask<SqliteConnection>> open) => _open = open;

    /// <summary>The transaction the connection's commands join, while one is open.</summary>
    public SqliteTransaction? Transaction { get; set; }

    /// <summary>The kept connection behind <paramref name="connection"/>, or <see langword="null"/> for any other connection.</summary>
    public static KeptConnection? For(SqliteConnection connection) => ByConnection.TryGetValue(connection, out var kept) ? kept : null;

    /// <summary>The open connection, opening it first when there is none.</summary>
    public async ValueTask<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_connection is null)
        {
            _connection = await _open(cancellationToken);
            ByConnection.AddOrUpdate(_connection, this);
        }

        return _connection;
    }

    /// <summary>A command for <paramref name="sql"/> in the current <see cref="Transaction"/>, compiled already when it ran before.</summary>
    public SqliteCommand Command(string sql)
    {
        var connection = _connection ?? throw new InvalidOperationException("The kept connection is not open.");
        var transaction = Transaction;
        if (string.IsNullOrEmpty(sql))
        {
            return Plain(connection, sql, transaction);
        }

        if (_commands.TryGetValue(sql, out var cached))
        {
            if (cached.InUse)
            {
                return Plain(connection, sql, transaction);
            }
        }
        else if (_commands.Count < Capacity)
        {
            cached = new CachedCommand(sql, connection, this);
            _commands.Add(sql, cached);
        }
        else
        {
            return Plain(connection, sql, transaction);
        }

        cached.InUse = true;
        cached.Transaction = transaction;
        return cached;
    }

    /// <summary>
    /// Begins an immediate transaction with a compiled statement, where <see cref="SqliteConnection.BeginTransaction(bool)"/>
    /// compiles <c>BEGIN</c> and <c>COMMIT</c> afresh each time. The connection does not know of it: commands join it
    /// without a <see cref="Transaction"/>.
    /// </summary>
    public void Begin() => Execute("BEGIN IMMEDIATE;");

    /// <summary>Commits what <see cref="Begin"/> started.</summary>
    public void Commit() => Execute("COMMIT;");

    /// <summary>Rolls back what <see cref="Begin"/> started.</summary>
    public void Rollback() => Execute("ROLLBACK;");

    /// <summary>
    /// Opens the savepoint of one write inside the open transaction. One name serves every write, since each is
    /// released or rolled back before the next opens; the three statements stay compiled, where
    /// <see cref="SqliteTransaction.Save(string)"/> compiles a new one each time.
    /// </summary>
    public void Savepoint() => Execute("SAVEPOINT one_write;");

    /// <summary>Keeps the open savepoint's writes in the transaction and closes it.</summary>
    public void ReleaseSavepoint() => Execute("RELEASE one_write;");

    /// <summary>Undoes the open savepoint's writes and closes it.</summary>
    public void UndoSavepoint()
    {
        Execute("ROLLBACK TO one_write;");
        Execute("RELEASE one_write;");
    }

    /// <summary>Closes every kept statement and the connection; the next write opens a new one.</summary>
    public void Reset()
    {
        foreach (var command in _commands.Values)
        {
            command.Close();
        }

        _commands.Clear();
        Transaction = null;
        if (_connection is not null)
        {
            ByConnection.Remove(_connection);
            EndOpenTransaction(_connection);
            _connection.Dispose();
            _connection = null;
        }
    }

    /// <inheritdoc />
    public void Dispose() => Reset();

    /// <summary>
    /// Rolls back a transaction left open by a failure before the connection goes back to the pool: one begun by
    /// <see cref="Begin"/> is invisible to the pool, which would hand the connection out again with it still open. When
    /// even the rollback fails, the pool is cleared first, so the connection is closed (and SQLite rolls back) instead.
    /// </summary>
    private static void EndOpenTransaction(SqliteConnection connection)
    {
        if (connection.Handle is not { } handle || SQLitePCL.raw.sqlite3_get_autocommit(handle) != 0)
        {
            return;
        }

        try
        {
            using var rollback = connection.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            rollback.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            SqliteConnection.ClearPool(connection);
        }
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    /// <summary>Takes a command back; one whose text was changed by its user is closed rather than kept.</summary>
    private void Return(CachedCommand command)
    {
        command.Parameters.Clear();
        command.Transaction = null;
        command.InUse = false;
        if (!string.Equals(command.CommandText, command.Key, StringComparison.Ordinal))
        {
            _commands.Remove(command.Key);
            command.Close();
        }
    }

    private static SqliteCommand Plain(SqliteConnection connection, string sql, SqliteTransaction? transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>A command whose dispose gives it back to the cache, keeping its compiled statement.</summary>
    private sealed class CachedCommand : SqliteCommand
    {
        private readonly KeptConnection _owner;
        private bool _closing;

        public CachedCommand(string sql, SqliteConnection connection, KeptConnection owner)
            : base(sql, connection)
        {
            Key = sql;
            _owner = owner;
        }

        public string Key { get; }

        public bool InUse { get; set; }

        /// <summary>Really disposes it, finalizing the statement.</summary>
        public void Close()
        {
            _closing = true;
            Dispose();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_closing)
            {
                _owner.Return(this);
                return;
            }

            base.Dispose(disposing);
        }
    }
}
