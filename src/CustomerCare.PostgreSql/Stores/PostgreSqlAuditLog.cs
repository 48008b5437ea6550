using CustomerCare.PostgreSql.Internal;
using CustomerCare.Privacy.Audit;
using CustomerCare.Storage;
using Npgsql;

namespace CustomerCare.PostgreSql;

/// <summary>The <see cref="IAuditLog"/> on PostgreSQL: each append takes a transaction-scoped advisory lock on the log, reads its head and inserts after it.</summary>
/// <remarks>
/// Thread-safe, and safe across processes: appenders on any instance take the same lock, so the sequence (the
/// primary key) has no gaps or duplicates and the chain is unbroken. A trigger refuses updates and deletes; the hash
/// chain catches changes made around it.
/// </remarks>
public sealed class PostgreSqlAuditLog : IAuditLog
{
    private const string Columns = "sequence, at, actor, kind, subject, details, previous_hash, hash";
    private readonly PostgreSqlDatabase _database;
    private readonly string _head;
    private readonly string _insert;
    private readonly string _read;

    /// <summary>Creates the log over a database.</summary>
    /// <param name="database">The database.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public PostgreSqlAuditLog(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _head = database.Sql("SELECT sequence, hash FROM {s}.audit_log ORDER BY sequence DESC LIMIT 1");
        _insert = database.Sql($"INSERT INTO {{s}}.audit_log ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)");
        _read = database.Sql($"SELECT {Columns} FROM {{s}}.audit_log WHERE sequence >= $1 ORDER BY sequence LIMIT $2");
    }

    /// <inheritdoc />
    public async ValueTask<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return await _database.WriteAsync(async (tx, ct) =>
        {
            await tx.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended('customercare.audit.' || $1, 0))", ct, _database.Schema).ConfigureAwait(false);
            var head = await tx.FirstAsync(_head, r => (Sequence: r.GetInt64(0), Hash: r.GetString(1)), ct).ConfigureAwait(false);
            var entry = AuditChain.Seal(record, head.Sequence + 1, head.Hash ?? AuditChain.GenesisHash);
            await tx.ExecuteAsync(_insert, ct, entry.Sequence, PgValues.At(entry.At), entry.Actor, entry.Kind.ToString(), entry.Subject, entry.Details, entry.PreviousHash, entry.Hash).ConfigureAwait(false);
            return entry;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<AuditEntry>> ReadAsync(long fromSequence, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return await _database.ReadAsync((tx, ct) => tx.ListAsync(_read, Read, ct, fromSequence, limit), cancellationToken).ConfigureAwait(false);
    }

    private static AuditEntry Read(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetInstant(1), r.GetString(2), Enum.Parse<AuditActionKind>(r.GetString(3)), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7));
}
