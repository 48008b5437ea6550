using CustomerCare.Customers;
using CustomerCare.PostgreSql.Internal;
using CustomerCare.Privacy.Breach;
using CustomerCare.Storage;
using CustomerCare.Storage.Serialization;
using NodaTime;
using Npgsql;

namespace CustomerCare.PostgreSql;

/// <summary>The <see cref="IBreachRegister"/> on PostgreSQL: breaches as jsonb documents (<see cref="StorageJson"/>) with key columns, one row per notified customer.</summary>
/// <remarks>Thread-safe, and safe across processes: every write is one transaction guarded by primary keys.</remarks>
public sealed class PostgreSqlBreachRegister : IBreachRegister
{
    private readonly PostgreSqlDatabase _database;
    private readonly string _insert;
    private readonly string _find;
    private readonly string _list;
    private readonly string _mark;
    private readonly string _known;
    private readonly string _notify;
    private readonly string _page;
    private readonly string _count;

    /// <summary>Creates the register over a database.</summary>
    /// <param name="database">The database.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public PostgreSqlBreachRegister(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _insert = database.Sql("INSERT INTO {s}.breaches (id, detected_at, authority_notified_at, document) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING");
        _find = database.Sql("SELECT document, authority_notified_at FROM {s}.breaches WHERE id = $1");
        _list = database.Sql("SELECT document, authority_notified_at FROM {s}.breaches ORDER BY detected_at, id");
        _mark = database.Sql("UPDATE {s}.breaches SET authority_notified_at = $2 WHERE id = $1 AND authority_notified_at IS NULL");
        _known = database.Sql("SELECT count(*) FROM {s}.breaches WHERE id = ANY($1)");
        _notify = database.Sql(
            "INSERT INTO {s}.breach_notifications (breach_id, customer_id, message_id, queued_at) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) ON CONFLICT DO NOTHING");
        _page = database.Sql("SELECT breach_id, customer_id, message_id, queued_at FROM {s}.breach_notifications WHERE breach_id = $1 AND customer_id > $2 ORDER BY customer_id LIMIT $3");
        _count = database.Sql("SELECT count(*) FROM {s}.breach_notifications WHERE breach_id = $1");
    }

    /// <inheritdoc />
    public async ValueTask<bool> RecordAsync(DataBreach breach, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(breach);
        var document = StorageJson.Serialize(breach with { AuthorityNotifiedAt = null });
        return await _database.WriteAsync(
            async (tx, ct) => await tx.ExecuteAsync(_insert, ct, breach.Id, PgValues.At(breach.DetectedAt), PgValues.At(breach.AuthorityNotifiedAt), PgTransaction.Jsonb(document)).ConfigureAwait(false) == 1,
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<DataBreach?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return await _database.ReadAsync((tx, ct) => tx.FirstAsync(_find, Read, ct, id), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<DataBreach>> ListAsync(CancellationToken cancellationToken = default) =>
        await _database.ReadAsync((tx, ct) => tx.ListAsync(_list, Read, ct), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask<bool> MarkAuthorityNotifiedAsync(string id, Instant at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return await _database.WriteAsync(async (tx, ct) => await tx.ExecuteAsync(_mark, ct, id, PgValues.At(at)).ConfigureAwait(false) == 1, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<int> RecordNotificationsAsync(IReadOnlyList<BreachNotification> notifications, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        if (notifications.Count == 0)
        {
            return 0;
        }

        var breaches = notifications.Select(n => n.BreachId).Distinct(StringComparer.Ordinal).ToArray();
        return await _database.WriteAsync(async (tx, ct) =>
        {
            if (await tx.ScalarAsync<long>(_known, ct, PgTransaction.TextArray(breaches)).ConfigureAwait(false) != breaches.Length)
            {
                throw new KeyNotFoundException($"A breach of [{string.Join(", ", breaches)}] is not recorded; record it before its notifications.");
            }

            return await tx.ExecuteAsync(
                _notify,
                ct,
                PgTransaction.TextArray(notifications.Select(n => n.BreachId)),
                PgTransaction.TextArray(notifications.Select(n => n.CustomerId.Value)),
                PgTransaction.TextArray(notifications.Select(n => n.MessageId)),
                notifications.Select(n => PgValues.Nanos(n.QueuedAt)).ToArray()).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<BreachNotification>> NotificationsAsync(string breachId, CustomerId? afterCustomer, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(breachId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return await _database.ReadAsync(
            (tx, ct) => tx.ListAsync(_page, r => new BreachNotification(r.GetString(0), CustomerId.From(r.GetString(1)), r.GetString(2), r.GetInstant(3)), ct, breachId, afterCustomer?.Value ?? string.Empty, limit),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<long> CountNotificationsAsync(string breachId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(breachId);
        return await _database.ReadAsync((tx, ct) => tx.ScalarAsync<long>(_count, ct, breachId), cancellationToken).ConfigureAwait(false);
    }

    private static DataBreach Read(NpgsqlDataReader r) =>
        StorageJson.Deserialize<DataBreach>(r.GetString(0)) with { AuthorityNotifiedAt = r.GetInstantOrNull(1) };
}
