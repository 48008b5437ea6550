using CustomerCare.Customers;
using CustomerCare.Policy.Compensation;
using CustomerCare.Policy.Promises;
using CustomerCare.Sqlite.Internal;
using CustomerCare.Storage;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerCare.Sqlite;

/// <summary>The SQLite <see cref="ICompensationLedger"/>: a unique key on (subject, kind) and one guarded insert that counts the cap.</summary>
/// <remarks>Thread-safe; see <see cref="SqliteDatabase"/> for transactions and retries.</remarks>
public sealed class SqliteCompensationLedger : ICompensationLedger, IPersonalDataHolder
{
    private const string Columns = "customer_id, subject, kind, recorded_at, with_coupon";
    private readonly SqliteDatabase _database;

    /// <summary>Creates the ledger over a database.</summary>
    /// <param name="database">The database.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public SqliteCompensationLedger(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public async ValueTask<(CompensationEntry Entry, CompensationOutcome Outcome)> RecordAsync(CompensationEntry entry, int maxCouponsPerCustomer, Instant capSince, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCouponsPerCustomer);
        var recordedAt = SqliteValues.Stored(entry.RecordedAt, "recorded_at");
        return await _database.WriteAsync(
            async write =>
            {
                // One statement: the uniqueness of (subject, kind), the cap count and the insert happen together.
                using var insert = write.Command(
                    "INSERT INTO compensations (customer_id, subject, kind, recorded_at, with_coupon) VALUES ($customer, $subject, $kind, $at, "
                    + "CASE WHEN $wanted = 1 AND (SELECT COUNT(*) FROM compensations WHERE customer_id = $customer AND with_coupon = 1 AND recorded_at >= $since) < $max THEN 1 ELSE 0 END) "
                    + "ON CONFLICT (subject, kind) DO NOTHING RETURNING with_coupon;")
                    .With("$customer", entry.CustomerId.Value)
                    .With("$subject", entry.Subject)
                    .With("$kind", SqliteValues.Name(entry.Kind))
                    .With("$at", recordedAt)
                    .With("$wanted", entry.WithCoupon ? 1 : 0)
                    .With("$since", SqliteValues.Bound(capSince))
                    .With("$max", maxCouponsPerCustomer);
                var withCoupon = await insert.ExecuteScalarAsync(write.CancellationToken);
                if (withCoupon is long granted)
                {
                    return (entry with { WithCoupon = granted == 1 }, CompensationOutcome.Recorded);
                }

                using var find = write.Command($"SELECT {Columns} FROM compensations WHERE subject = $subject AND kind = $kind;")
                    .With("$subject", entry.Subject)
                    .With("$kind", SqliteValues.Name(entry.Kind));
                return ((await ReadAllAsync(find, write.CancellationToken))[0], CompensationOutcome.AlreadyRecorded);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<CompensationEntry?> FindAsync(string subject, BrokenPromiseKind kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var found = await ListWhereAsync("subject = $subject AND kind = $kind", c => c.With("$subject", subject).With("$kind", SqliteValues.Name(kind)), cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<CompensationEntry>> ListAsync(Instant from, Instant until, CancellationToken cancellationToken = default) =>
        ListWhereAsync("recorded_at >= $from AND recorded_at < $until", c => c.With("$from", SqliteValues.Bound(from)).With("$until", SqliteValues.Bound(until)), cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<CompensationEntry>> EntriesOfAsync(CustomerId customerId, CancellationToken cancellationToken = default) =>
        ListWhereAsync("customer_id = $customer", c => c.With("$customer", customerId.Value), cancellationToken);

    private ValueTask<IReadOnlyList<CompensationEntry>> ListWhereAsync(string where, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        _database.ReadAsync(
            async connection =>
            {
                using var command = connection.CreateCommand();
                // The insertion order (id) breaks ties between equal instants, as the in-memory ledger's stable sort does.
                command.CommandText = $"SELECT {Columns} FROM compensations WHERE {where} ORDER BY recorded_at, id;";
                bind(command);
                return await ReadAllAsync(command, cancellationToken);
            },
            cancellationToken);

    private static async ValueTask<IReadOnlyList<CompensationEntry>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<CompensationEntry>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new CompensationEntry(
                CustomerId.From(reader.GetString(0)),
                reader.GetString(1),
                reader.GetEnum<BrokenPromiseKind>(2),
                reader.GetInstant(3),
                reader.GetInt64(4) == 1));
        }

        return entries;
    }

    /// <inheritdoc />
    /// <remarks>Section <c>compensations</c>, oldest first.</remarks>
    public async ValueTask<IReadOnlyList<PersonalDataSection>> ExportAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var entries = await EntriesOfAsync(customerId, cancellationToken);
        return entries.Count == 0 ? [] : [PersonalDataSection.From("compensations", entries)];
    }

    /// <inheritdoc />
    /// <remarks>Changes nothing: an entry holds the pseudonymous customer id, a subject (an order or complaint id), a kind and an instant, which the caps need.</remarks>
    public ValueTask<ErasureChanges> EraseAsync(CustomerId customerId, ErasureContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ErasureChanges.None);
    }
}
