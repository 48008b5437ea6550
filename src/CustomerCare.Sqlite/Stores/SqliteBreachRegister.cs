using CustomerCare.Customers;
using CustomerCare.Privacy.Breach;
using CustomerCare.Sqlite.Internal;
using CustomerCare.Storage;
using CustomerCare.Storage.Serialization;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerCare.Sqlite;

/// <summary>The SQLite <see cref="IBreachRegister"/>: breaches as JSON documents (<see cref="StorageJson"/>) with their key columns, and one row per notified customer.</summary>
/// <remarks>Thread-safe; each write is one transaction; see <see cref="SqliteDatabase"/> for retries.</remarks>
public sealed class SqliteBreachRegister : IBreachRegister
{
    private readonly SqliteDatabase _database;

    /// <summary>Creates the register over a database.</summary>
    /// <param name="database">The database.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public SqliteBreachRegister(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public async ValueTask<bool> RecordAsync(DataBreach breach, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(breach);
        var detectedAt = SqliteValues.Stored(breach.DetectedAt, "detected_at");
        var document = StorageJson.Serialize(breach with { AuthorityNotifiedAt = null });
        return await _database.WriteAsync(
            async write =>
            {
                using var insert = write.Command("INSERT INTO breaches (id, detected_at, authority_notified_at, document) VALUES ($id, $detected, $notified, $document) ON CONFLICT (id) DO NOTHING;")
                    .With("$id", breach.Id)
                    .With("$detected", detectedAt)
                    .With("$notified", breach.AuthorityNotifiedAt is { } notified ? SqliteValues.Stored(notified, "authority_notified_at") : null)
                    .With("$document", document);
                return await insert.ExecuteNonQueryAsync(write.CancellationToken) == 1;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<DataBreach?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var found = await ListWhereAsync("WHERE id = $id", c => c.With("$id", id), cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<DataBreach>> ListAsync(CancellationToken cancellationToken = default) =>
        ListWhereAsync(string.Empty, _ => { }, cancellationToken);

    /// <inheritdoc />
    public async ValueTask<bool> MarkAuthorityNotifiedAsync(string id, Instant at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var stored = SqliteValues.Stored(at, "at");
        return await _database.WriteAsync(
            async write =>
            {
                using var update = write.Command("UPDATE breaches SET authority_notified_at = $at WHERE id = $id AND authority_notified_at IS NULL;")
                    .With("$id", id).With("$at", stored);
                return await update.ExecuteNonQueryAsync(write.CancellationToken) == 1;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<int> RecordNotificationsAsync(IReadOnlyList<BreachNotification> notifications, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        if (notifications.Count == 0)
        {
            return 0;
        }

        return await _database.WriteAsync(
            async write =>
            {
                foreach (var breachId in notifications.Select(n => n.BreachId).Distinct(StringComparer.Ordinal))
                {
                    using var exists = write.Command("SELECT COUNT(*) FROM breaches WHERE id = $id;").With("$id", breachId);
                    if ((long)(await exists.ExecuteScalarAsync(write.CancellationToken))! == 0)
                    {
                        throw new KeyNotFoundException($"Breach '{breachId}' is not recorded; record it before its notifications.");
                    }
                }

                using var insert = write.Command(
                    "INSERT INTO breach_notifications (breach_id, customer_sort_key, customer_id, message_id, queued_at) VALUES ($breach, $key, $customer, $message, $at) ON CONFLICT DO NOTHING;");
                var breach = insert.Parameter("$breach", SqliteType.Text);
                var key = insert.Parameter("$key", SqliteType.Blob);
                var customer = insert.Parameter("$customer", SqliteType.Text);
                var message = insert.Parameter("$message", SqliteType.Text);
                var at = insert.Parameter("$at", SqliteType.Integer);
                var added = 0;
                foreach (var notification in notifications)
                {
                    breach.Value = notification.BreachId;
                    key.Value = SqliteValues.SortKey(notification.CustomerId.Value);
                    customer.Value = notification.CustomerId.Value;
                    message.Value = notification.MessageId;
                    at.Value = SqliteValues.Stored(notification.QueuedAt, "queued_at");
                    added += await insert.ExecuteNonQueryAsync(write.CancellationToken);
                }

                return added;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<BreachNotification>> NotificationsAsync(string breachId, CustomerId? afterCustomer, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(breachId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return _database.ReadAsync<IReadOnlyList<BreachNotification>>(
            async connection =>
            {
                using var command = connection.Command("SELECT breach_id, customer_id, message_id, queued_at FROM breach_notifications WHERE breach_id = $breach AND customer_sort_key > $after ORDER BY customer_sort_key LIMIT $limit;");
                command.With("$breach", breachId).With("$after", afterCustomer is { } after ? SqliteValues.SortKey(after.Value) : Array.Empty<byte>()).With("$limit", limit);
                var page = new List<BreachNotification>();
                using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    page.Add(new BreachNotification(reader.GetString(0), CustomerId.From(reader.GetString(1)), reader.GetString(2), reader.GetInstant(3)));
                }

                return page;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<long> CountNotificationsAsync(string breachId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(breachId);
        return _database.ReadAsync(
            async connection =>
            {
                using var command = connection.Command("SELECT COUNT(*) FROM breach_notifications WHERE breach_id = $breach;");
                command.With("$breach", breachId);
                return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            },
            cancellationToken);
    }

    private ValueTask<IReadOnlyList<DataBreach>> ListWhereAsync(string where, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        _database.ReadAsync<IReadOnlyList<DataBreach>>(
            async connection =>
            {
                using var command = connection.Command($"SELECT document, authority_notified_at FROM breaches {where} ORDER BY detected_at, id;");
                bind(command);
                var breaches = new List<DataBreach>();
                using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    breaches.Add(StorageJson.Deserialize<DataBreach>(reader.GetString(0)) with { AuthorityNotifiedAt = reader.GetNullableInstant(1) });
                }

                return breaches;
            },
            cancellationToken);
}
