using CustomerCare.Storage.Batching;

namespace CustomerCare.Sqlite;

/// <summary>
/// The SQLite <see cref="IWriteBatcher"/>: a batch runs its flow's writes in one <c>BEGIN IMMEDIATE</c> transaction,
/// each write in a savepoint of its own, and commits every <see cref="SqliteStoreOptions.WritesPerBatchCommit"/> writes
/// and when it is disposed.
/// </summary>
/// <remarks>
/// <para>
/// One commit writes each page the batch touched once (the customer table's and its indexes' pages are shared by many
/// writes), and takes the file's locks once, instead of once per write. A write that fails, or asks for a rollback, is
/// undone back to its savepoint; the batch's other writes stay. The flow's reads run in the same transaction, so they
/// see the batch's writes. If a commit fails (a full disk), the writes since the previous commit are lost and the
/// commit's error is thrown by the write or the dispose that made it.
/// </para>
/// <para>Registered by <c>UseSqlite</c>. Thread-safe; see <see cref="IWriteBatcher"/> for what a batch holds up.</para>
/// </remarks>
public sealed class SqliteWriteBatcher : IWriteBatcher
{
    private readonly SqliteDatabase _database;

    /// <summary>Creates the batcher of a database.</summary>
    /// <param name="database">The database whose writes are batched.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public SqliteWriteBatcher(SqliteDatabase database) => _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <inheritdoc />
    public ValueTask<IAsyncDisposable> BeginAsync(CancellationToken cancellationToken = default) => _database.BeginBatchAsync(cancellationToken);
}
