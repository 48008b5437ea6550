using CustomerCare.Privacy.Audit;
using CustomerCare.Sqlite.Internal;
using CustomerCare.Storage;
using Microsoft.Data.Sqlite;

namespace CustomerCare.Sqlite;

/// <summary>The SQLite <see cref="IAuditLog"/>: each append reads the chain's head and inserts after it in one <c>BEGIN IMMEDIATE</c> transaction.</summary>
/// <remarks>
/// Thread-safe, and safe across processes: SQLite lets one write transaction run at a time, so appenders take turns
/// and the sequence (the primary key) has no gaps or duplicates. Triggers refuse updates and deletes; the hash chain
/// catches changes made around them. See <see cref="SqliteDatabase"/> for retries.
/// </remarks>
public sealed class SqliteAuditLog : IAuditLog
{
    private const string Columns = "sequence, at, actor, kind, subject, details, previous_hash, hash";
    private readonly SqliteDatabase _database;

    /// <summary>Creates the log over a database.</summary>
    /// <param name="database">The database.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public SqliteAuditLog(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public async ValueTask<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var at = SqliteValues.Stored(record.At, "at");
        return await _database.WriteAsync(
            async write =>
            {
                using var head = write.Command("SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1;");
                long last = 0;
                var previous = AuditChain.GenesisHash;
                using (var reader = await head.ExecuteReaderAsync(write.CancellationToken))
                {
                    if (await reader.ReadAsync(write.CancellationToken))
                    {
                        last = reader.GetInt64(0);
                        previous = reader.GetString(1);
                    }
                }

                var entry = AuditChain.Seal(record, last + 1, previous);
                using var insert = write.Command($"INSERT INTO audit_log ({Columns}) VALUES ($sequence, $at, $actor, $kind, $subject, $details, $previous, $hash);")
                    .With("$sequence", entry.Sequence)
                    .With("$at", at)
                    .With("$actor", entry.Actor)
                    .With("$kind", SqliteValues.Name(entry.Kind))
                    .With("$subject", entry.Subject)
                    .With("$details", entry.Details)
                    .With("$previous", entry.PreviousHash)
                    .With("$hash", entry.Hash);
                await insert.ExecuteNonQueryAsync(write.CancellationToken);
                return entry;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AuditEntry>> ReadAsync(long fromSequence, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return _database.ReadAsync<IReadOnlyList<AuditEntry>>(
            async connection =>
            {
                using var command = connection.Command($"SELECT {Columns} FROM audit_log WHERE sequence >= $from ORDER BY sequence LIMIT $limit;");
                command.With("$from", fromSequence).With("$limit", limit);
                var entries = new List<AuditEntry>();
                using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    entries.Add(Read(reader));
                }

                return entries;
            },
            cancellationToken);
    }

    private static AuditEntry Read(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetInstant(1),
        reader.GetString(2),
        reader.GetEnum<AuditActionKind>(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.GetString(6),
        reader.GetString(7));
}
