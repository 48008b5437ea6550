using CustomerCare.Customers;
using CustomerCare.PostgreSql.Internal;
using CustomerCare.Privacy.Consent;
using CustomerCare.Storage;
using Npgsql;

namespace CustomerCare.PostgreSql;

/// <summary>The <see cref="IConsentLedger"/> on PostgreSQL: an append-only table keyed by record id; a batch is one transaction.</summary>
/// <remarks>
/// Thread-safe, and safe across processes: a racing insert of the same id waits on the primary key and then finds the
/// winner's row, which it compares with its own.
/// </remarks>
public sealed class PostgreSqlConsentLedger : IConsentLedger, IPersonalDataHolder
{
    private const string Columns = "id, customer_id, purpose, channel, action, source, recorded_at, policy_version, evidence";
    private readonly PostgreSqlDatabase _database;
    private readonly string _insert;
    private readonly string _find;
    private readonly string _history;
    private readonly string _count;
    private readonly string _erase;

    /// <summary>Creates the ledger over a database.</summary>
    /// <param name="database">The database.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public PostgreSqlConsentLedger(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _insert = database.Sql($"INSERT INTO {{s}}.consent_records ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING");
        _find = database.Sql($"SELECT {Columns} FROM {{s}}.consent_records WHERE id = $1");
        _history = database.Sql($"SELECT {Columns} FROM {{s}}.consent_records WHERE customer_id = $1 ORDER BY recorded_at, seq");
        _count = database.Sql("SELECT count(*) FROM {s}.consent_records");
        _erase = database.Sql("UPDATE {s}.consent_records SET evidence = $2 WHERE customer_id = $1 AND evidence IS NOT NULL AND evidence <> $2");
    }

    /// <inheritdoc />
    public async ValueTask<int> AppendAsync(IReadOnlyList<ConsentRecord> records, CancellationToken cancellationToken = default)
    {
        ConsentLedgerBatch.Check(records);
        if (records.Count == 0)
        {
            return 0;
        }

        return await _database.WriteAsync(async (tx, ct) =>
        {
            var appended = 0;
            foreach (var record in records)
            {
                var inserted = await tx.ExecuteAsync(
                    _insert, ct, record.Id, record.CustomerId.Value, (short)record.Purpose, (short)record.Channel, (short)record.Action, record.Source.Value,
                    PgValues.At(record.RecordedAt), record.PolicyVersion, PgValues.Text(record.Evidence)).ConfigureAwait(false);
                if (inserted == 1)
                {
                    appended++;
                    continue;
                }

                var stored = await tx.FirstAsync(_find, Read, ct, record.Id).ConfigureAwait(false);
                if (stored != record)
                {
                    // Throwing rolls the transaction back, so nothing of the batch is written.
                    throw ConsentRecordConflictException.ForRecord(record.Id);
                }
            }

            return appended;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<ConsentRecord>> HistoryAsync(CustomerId customerId, CancellationToken cancellationToken = default) =>
        await _database.ReadAsync((tx, ct) => tx.ListAsync(_history, Read, ct, customerId.Value), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask<ConsentState> StateAsync(CustomerId customerId, CancellationToken cancellationToken = default) =>
        ConsentState.From(await HistoryAsync(customerId, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async ValueTask<long> CountAsync(CancellationToken cancellationToken = default) =>
        await _database.ReadAsync((tx, ct) => tx.ScalarAsync<long>(_count, ct), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<PersonalDataSection>> ExportAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var history = await HistoryAsync(customerId, cancellationToken).ConfigureAwait(false);
        return history.Count == 0 ? [] : [PersonalDataSection.From(ConsentErasure.Section, history)];
    }

    /// <inheritdoc />
    /// <remarks>Removes the evidence of the customer's records in one statement (see <see cref="ConsentErasure"/>); the rest of each record stays.</remarks>
    public async ValueTask<ErasureChanges> EraseAsync(CustomerId customerId, ErasureContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var changed = await _database.WriteAsync(
            (tx, ct) => tx.ExecuteAsync(_erase, ct, customerId.Value, ConsentErasure.ErasedEvidence),
            cancellationToken).ConfigureAwait(false);
        return ErasureChanges.None.With(ConsentErasure.Section, changed);
    }

    private static ConsentRecord Read(NpgsqlDataReader r) =>
        new(r.GetString(0), CustomerId.From(r.GetString(1)), (ConsentPurpose)r.GetInt16(2), (ConsentChannel)r.GetInt16(3), (ConsentAction)r.GetInt16(4),
            ConsentSource.From(r.GetString(5)), r.GetInstant(6), r.GetString(7), r.GetStringOrNull(8));
}
