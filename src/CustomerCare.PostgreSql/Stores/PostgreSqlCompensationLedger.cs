using CustomerCare.Customers;
using CustomerCare.PostgreSql.Internal;
using CustomerCare.Policy.Compensation;
using CustomerCare.Policy.Promises;
using CustomerCare.Storage;
using NodaTime;
using Npgsql;

namespace CustomerCare.PostgreSql;

/// <summary>The <see cref="ICompensationLedger"/> on PostgreSQL: (subject, kind) is the primary key; the cap is counted under a per-customer lock.</summary>
/// <remarks>
/// Thread-safe, and safe across processes: a recording takes a transaction-scoped advisory lock on its customer, so the
/// count of the customer's coupon compensations and the insert are one step, and racing recordings never exceed the cap.
/// </remarks>
public sealed class PostgreSqlCompensationLedger : ICompensationLedger, IPersonalDataHolder
{
    private const string Columns = "customer_id, subject, kind, recorded_at, with_coupon";
    private readonly PostgreSqlDatabase _database;
    private readonly string _lockCustomer;
    private readonly string _find;
    private readonly string _countCoupons;
    private readonly string _insert;
    private readonly string _list;
    private readonly string _ofCustomer;

    /// <summary>Creates the ledger over a database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlCompensationLedger(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _lockCustomer = "SELECT pg_advisory_xact_lock(hashtextextended('customercare.compensation.' || $1 || '.' || $2, 0))";
        _find = database.Sql($"SELECT {Columns} FROM {{s}}.compensation_entries WHERE subject = $1 AND kind = $2");
        _countCoupons = database.Sql("SELECT count(*) FROM {s}.compensation_entries WHERE customer_id = $1 AND with_coupon AND recorded_at >= $2");
        _insert = database.Sql($"INSERT INTO {{s}}.compensation_entries ({Columns}) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (subject, kind) DO NOTHING");
        _list = database.Sql($"SELECT {Columns} FROM {{s}}.compensation_entries WHERE recorded_at >= $1 AND recorded_at < $2 ORDER BY recorded_at, seq");
        _ofCustomer = database.Sql($"SELECT {Columns} FROM {{s}}.compensation_entries WHERE customer_id = $1 ORDER BY recorded_at, seq");
    }

    /// <inheritdoc />
    public async ValueTask<(CompensationEntry Entry, CompensationOutcome Outcome)> RecordAsync(CompensationEntry entry, int maxCouponsPerCustomer, Instant capSince, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCouponsPerCustomer);
        return await _database.WriteAsync(async (tx, ct) =>
        {
            await tx.ExecuteAsync(_lockCustomer, ct, _database.Schema, entry.CustomerId.Value).ConfigureAwait(false);
            if (await tx.FirstAsync(_find, Read, ct, entry.Subject, (short)entry.Kind).ConfigureAwait(false) is { } existing)
            {
                return (existing, CompensationOutcome.AlreadyRecorded);
            }

            var stored = entry;
            if (entry.WithCoupon)
            {
                var used = await tx.ScalarAsync<long>(_countCoupons, ct, entry.CustomerId.Value, PgValues.At(capSince)).ConfigureAwait(false);
                stored = entry with { WithCoupon = used < maxCouponsPerCustomer };
            }

            if (await tx.ExecuteAsync(_insert, ct, stored.CustomerId.Value, stored.Subject, (short)stored.Kind, PgValues.At(stored.RecordedAt), stored.WithCoupon).ConfigureAwait(false) == 1)
            {
                return (stored, CompensationOutcome.Recorded);
            }

            // Another customer's recording took the same subject and kind first; theirs is the entry.
            var winner = await tx.FirstAsync(_find, Read, ct, entry.Subject, (short)entry.Kind).ConfigureAwait(false);
            return (winner!, CompensationOutcome.AlreadyRecorded);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<CompensationEntry?> FindAsync(string subject, BrokenPromiseKind kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return await _database.ReadAsync((tx, ct) => tx.FirstAsync(_find, Read, ct, subject, (short)kind), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<CompensationEntry>> ListAsync(Instant from, Instant until, CancellationToken cancellationToken = default) =>
        await _database.ReadAsync((tx, ct) => tx.ListAsync(_list, Read, ct, PgValues.At(from), PgValues.At(until)), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<CompensationEntry>> EntriesOfAsync(CustomerId customerId, CancellationToken cancellationToken = default) =>
        await _database.ReadAsync((tx, ct) => tx.ListAsync(_ofCustomer, Read, ct, customerId.Value), cancellationToken).ConfigureAwait(false);

    private static CompensationEntry Read(NpgsqlDataReader r) =>
        new(CustomerId.From(r.GetString(0)), r.GetString(1), (BrokenPromiseKind)r.GetInt16(2), r.GetInstant(3), r.GetBoolean(4));

    /// <inheritdoc />
    /// <remarks>Section <c>compensations</c>, oldest first.</remarks>
    public async ValueTask<IReadOnlyList<PersonalDataSection>> ExportAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var entries = await EntriesOfAsync(customerId, cancellationToken).ConfigureAwait(false);
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
