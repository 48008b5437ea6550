using CustomerCare.Customers;
using CustomerCare.Privacy.Consent;
using CustomerCare.Sqlite.Internal;
using CustomerCare.Storage;
using Microsoft.Data.Sqlite;

namespace CustomerCare.Sqlite;

/// <summary>The SQLite <see cref="IConsentLedger"/>: an append-only table with a unique id; a batch is one write transaction.</summary>
/// <remarks>Thread-safe, also across processes sharing the file; see <see cref="SqliteDatabase"/> for transactions and retries.</remarks>
public sealed class SqliteConsentLedger : IConsentLedger, IPersonalDataHolder
{
    private const string Columns = "id, customer_id, purpose, channel, action, source, recorded_at, policy_version, evidence";

    private static readonly (string Name, SqliteType Type)[] Parameters =
    [
        ("$id", SqliteType.Text), ("$customer", SqliteType.Text), ("$purpose", SqliteType.Text), ("$channel", SqliteType.Text), ("$action", SqliteType.Text),
        ("$source", SqliteType.Text), ("$at", SqliteType.Integer), ("$policy", SqliteType.Text), ("$evidence", SqliteType.Text),
    ];

    private readonly SqliteDatabase _database;
    private int _historiesRead;

    /// <summary>Creates the ledger over a database.</summary>
    /// <param name="database">The database.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public SqliteConsentLedger(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public async ValueTask<int> AppendAsync(IReadOnlyList<ConsentRecord> records, CancellationToken cancellationToken = default)
    {
        ConsentLedgerBatch.Check(records);
        if (records.Count == 0)
        {
            return 0;
        }

        var recordedAt = records.Select(r => SqliteValues.Stored(r.RecordedAt, "recorded_at")).ToArray();
        return await _database.WriteAsync(
            async write =>
            {
                using var find = write.Command($"SELECT {Columns} FROM consent_records WHERE id = $id;");
                find.Parameter("$id", SqliteType.Text);
                // Inserted first and read back only when the id is taken: a new record, by far the usual case, costs one statement.
                using var insert = write.Command($"INSERT INTO consent_records ({Columns}) VALUES ($id, $customer, $purpose, $channel, $action, $source, $at, $policy, $evidence) ON CONFLICT (id) DO NOTHING;");
                foreach (var (name, type) in Parameters)
                {
                    insert.Parameter(name, type);
                }

                foreach (var customer in records.Select(r => r.CustomerId.Value).Distinct(StringComparer.Ordinal))
                {
                    _database.ConsentStates.Forget(customer);
                }

                var appended = 0;
                for (var i = 0; i < records.Count; i++)
                {
                    var record = records[i];
                    insert.Parameters["$id"].Value = record.Id;
                    insert.Parameters["$customer"].Value = record.CustomerId.Value;
                    insert.Parameters["$purpose"].Value = SqliteValues.Name(record.Purpose);
                    insert.Parameters["$channel"].Value = SqliteValues.Name(record.Channel);
                    insert.Parameters["$action"].Value = SqliteValues.Name(record.Action);
                    insert.Parameters["$source"].Value = record.Source.Value;
                    insert.Parameters["$at"].Value = recordedAt[i];
                    insert.Parameters["$policy"].Value = record.PolicyVersion;
                    insert.Parameters["$evidence"].Value = SqliteValues.Db(record.Evidence);
                    if (await insert.ExecuteNonQueryAsync(write.CancellationToken) == 1)
                    {
                        appended++;
                        continue;
                    }

                    find.Parameters["$id"].Value = record.Id;
                    var stored = await ReadAllAsync(find, write.CancellationToken);
                    if (stored.Count == 0 || stored[0] != record)
                    {
                        // Throwing rolls the transaction back, so nothing of the batch is written.
                        throw ConsentRecordConflictException.ForRecord(record.Id);
                    }
                }

                return appended;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ConsentRecord>> HistoryAsync(CustomerId customerId, CancellationToken cancellationToken = default) =>
        _database.ReadAsync(connection => ReadHistoryAsync(connection, customerId, cancellationToken), cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// In a write batch, a state worked out earlier under the batch's trust is answered without reading the ledger; an
    /// append or an erasure for the customer forgets it first.
    /// </remarks>
    public ValueTask<ConsentState> StateAsync(CustomerId customerId, CancellationToken cancellationToken = default) =>
        _database.ReadAsync(
            async connection =>
            {
                var trust = _database.BatchTrust(connection);
                if (_database.ConsentStates.TryFind(customerId.Value, trust, out var known))
                {
                    return known;
                }

                Interlocked.Increment(ref _historiesRead);
                var state = ConsentState.From(await ReadHistoryAsync(connection, customerId, cancellationToken));
                _database.ConsentStates.Put(customerId.Value, state, trust);
                return state;
            },
            cancellationToken);

    /// <summary>How many times <see cref="StateAsync"/> read a customer's records from the file; for tests.</summary>
    internal int HistoriesRead => Volatile.Read(ref _historiesRead);

    /// <inheritdoc />
    public ValueTask<long> CountAsync(CancellationToken cancellationToken = default) =>
        _database.ReadAsync(
            async connection =>
            {
                using var command = connection.Command("SELECT COUNT(*) FROM consent_records;");
                return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            },
            cancellationToken);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<PersonalDataSection>> ExportAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var history = await HistoryAsync(customerId, cancellationToken);
        return history.Count == 0 ? [] : [PersonalDataSection.From(ConsentErasure.Section, history)];
    }

    /// <inheritdoc />
    /// <remarks>Removes the evidence of the customer's records in one statement (see <see cref="ConsentErasure"/>); the rest of each record stays.</remarks>
    public async ValueTask<ErasureChanges> EraseAsync(CustomerId customerId, ErasureContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var changed = await _database.WriteAsync(
            async write =>
            {
                _database.ConsentStates.Forget(customerId.Value);
                using var erase = write.Command("UPDATE consent_records SET evidence = $erased WHERE customer_id = $customer AND evidence IS NOT NULL AND evidence <> $erased;")
                    .With("$erased", ConsentErasure.ErasedEvidence)
                    .With("$customer", customerId.Value);
                return await erase.ExecuteNonQueryAsync(write.CancellationToken);
            },
            cancellationToken);
        return ErasureChanges.None.With(ConsentErasure.Section, changed);
    }

    private static async ValueTask<IReadOnlyList<ConsentRecord>> ReadHistoryAsync(SqliteConnection connection, CustomerId customerId, CancellationToken cancellationToken)
    {
        using var command = connection.Command($"SELECT {Columns} FROM consent_records WHERE customer_id = $customer ORDER BY recorded_at, seq;");
        command.With("$customer", customerId.Value);
        return await ReadAllAsync(command, cancellationToken);
    }

    private static async ValueTask<IReadOnlyList<ConsentRecord>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var records = new List<ConsentRecord>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new ConsentRecord(
                reader.GetString(0),
                CustomerId.From(reader.GetString(1)),
                reader.GetEnum<ConsentPurpose>(2),
                reader.GetEnum<ConsentChannel>(3),
                reader.GetEnum<ConsentAction>(4),
                ConsentSource.From(reader.GetString(5)),
                reader.GetInstant(6),
                reader.GetString(7),
                reader.GetNullableString(8)));
        }

        return records;
    }
}
