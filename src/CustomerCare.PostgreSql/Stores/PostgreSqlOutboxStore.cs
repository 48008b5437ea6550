using CustomerCare.Privacy.Erasure;
using System.Collections.Immutable;
using System.Text.Json;
using CustomerCare.Customers;
using CustomerCare.Notifications;
using CustomerCare.PostgreSql.Internal;
using CustomerCare.Storage;
using NodaTime;
using Npgsql;

namespace CustomerCare.PostgreSql;

/// <summary>The <see cref="IOutboxStore"/> on PostgreSQL: one row per message, claimed with <c>FOR UPDATE SKIP LOCKED</c>.</summary>
/// <remarks>
/// Thread-safe, and safe across processes sharing the database: the id is the primary key, a claim selects and marks
/// its messages in one statement that skips rows another dispatcher is claiming, and a completion is an update guarded
/// by the holder's id.
/// </remarks>
public sealed class PostgreSqlOutboxStore : IOutboxStore, IPersonalDataHolder
{
    private const string Columns = "id, channel, recipient, subject, body, content_type, metadata, kind, priority, customer_id, enqueued_at, due_at, status, attempts, claimed_by, lease_until, last_error, sent_at, provider_message_id";
    private readonly PostgreSqlDatabase _database;
    private readonly string _insert;
    private readonly string _claim;
    private readonly string _complete;
    private readonly string _find;
    private readonly string _forCustomer;
    private readonly string _summariesForCustomer;
    private readonly string _count;

    /// <summary>Creates the store over a database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlOutboxStore(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _insert = database.Sql($"INSERT INTO {{s}}.outbox_messages ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 0, $13, NULL, NULL, $14, $15, $16) ON CONFLICT (id) DO NOTHING");
        _claim = database.Sql($$"""
            WITH due AS (
                SELECT id FROM {s}.outbox_messages
                WHERE (status = 0 AND due_at <= $1) OR (status = 1 AND lease_until <= $1)
                ORDER BY priority DESC, due_at, id
                LIMIT $4
                FOR UPDATE SKIP LOCKED)
            UPDATE {s}.outbox_messages m SET status = 1, claimed_by = $2, lease_until = $3
            FROM due WHERE m.id = due.id
            RETURNING {{string.Join(", ", Columns.Split(", ").Select(c => "m." + c))}}
            """);
        _complete = database.Sql("""
            UPDATE {s}.outbox_messages SET due_at = $3, status = $4, attempts = $5, claimed_by = NULL, lease_until = NULL,
                last_error = $6, sent_at = $7, provider_message_id = $8
            WHERE id = $1 AND status = 1 AND claimed_by = $2
            """);
        _find = database.Sql($"SELECT {Columns} FROM {{s}}.outbox_messages WHERE id = $1");
        _forCustomer = database.Sql($"SELECT {Columns} FROM {{s}}.outbox_messages WHERE customer_id = $1 AND enqueued_at >= $2 ORDER BY enqueued_at, id");
        _summariesForCustomer = database.Sql("SELECT id, kind, status, enqueued_at, due_at FROM {s}.outbox_messages WHERE customer_id = $1 AND enqueued_at >= $2 ORDER BY enqueued_at, id");
        _count = database.Sql("SELECT count(*) FROM {s}.outbox_messages WHERE status = $1");
    }

    /// <inheritdoc />
    public async ValueTask<bool> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return await _database.WriteAsync(
            async (tx, ct) => await tx.ExecuteAsync(
                _insert,
                ct,
                message.Id,
                message.Channel,
                message.Recipient,
                PgValues.Text(message.Subject),
                message.Body,
                message.ContentType,
                PgTransaction.Jsonb(JsonSerializer.Serialize(message.Metadata)),
                (short)message.Kind,
                message.Priority,
                PgValues.Text(message.CustomerId?.Value),
                PgValues.At(message.EnqueuedAt),
                PgValues.At(message.DueAt),
                message.Attempts,
                PgValues.Text(message.LastError),
                PgValues.At(message.SentAt),
                PgValues.Text(message.ProviderMessageId)).ConfigureAwait(false) == 1,
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<OutboxMessage>> ClaimDueAsync(Instant now, string dispatcherId, Duration lease, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dispatcherId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var claimed = await _database.WriteAsync(
            (tx, ct) => tx.ListAsync(_claim, Read, ct, PgValues.At(now), dispatcherId, PgValues.At(now + lease), limit),
            cancellationToken).ConfigureAwait(false);
        // RETURNING does not keep the order of the selection.
        return [.. claimed.OrderByDescending(m => m.Priority).ThenBy(m => m.DueAt).ThenBy(m => m.Id, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async ValueTask<bool> CompleteAsync(OutboxMessage completed, string dispatcherId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(completed);
        ArgumentException.ThrowIfNullOrWhiteSpace(dispatcherId);
        return await _database.WriteAsync(
            async (tx, ct) => await tx.ExecuteAsync(
                _complete,
                ct,
                completed.Id,
                dispatcherId,
                PgValues.At(completed.DueAt),
                (short)completed.Status,
                completed.Attempts,
                PgValues.Text(completed.LastError),
                PgValues.At(completed.SentAt),
                PgValues.Text(completed.ProviderMessageId)).ConfigureAwait(false) == 1,
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<OutboxMessage?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return await _database.ReadAsync((tx, ct) => tx.FirstAsync(_find, Read, ct, id), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<OutboxMessage>> ListForCustomerAsync(CustomerId customerId, Instant since, CancellationToken cancellationToken = default) =>
        await _database.ReadAsync((tx, ct) => tx.ListAsync(_forCustomer, Read, ct, customerId.Value, PgValues.At(since)), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    /// <remarks>Reads the five columns alone, through the (customer, enqueued) index.</remarks>
    public async ValueTask<IReadOnlyList<OutboxMessageSummary>> SummarizeForCustomerAsync(CustomerId customerId, Instant since, CancellationToken cancellationToken = default) =>
        await _database.ReadAsync((tx, ct) => tx.ListAsync(_summariesForCustomer, ReadSummary, ct, customerId.Value, PgValues.At(since)), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask<long> CountAsync(OutboxStatus status, CancellationToken cancellationToken = default) =>
        await _database.ReadAsync((tx, ct) => tx.ScalarAsync<long>(_count, ct, (short)status), cancellationToken).ConfigureAwait(false);

    private static OutboxMessageSummary ReadSummary(NpgsqlDataReader r) => new(r.GetString(0), (MessageKind)r.GetInt16(1), (OutboxStatus)r.GetInt16(2), r.GetInstant(3), r.GetInstant(4));

    private static OutboxMessage Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        Channel = r.GetString(1),
        Recipient = r.GetString(2),
        Subject = r.GetStringOrNull(3),
        Body = r.GetString(4),
        ContentType = r.GetString(5),
        Metadata = (JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(6)) ?? []).ToImmutableDictionary(StringComparer.Ordinal),
        Kind = (MessageKind)r.GetInt16(7),
        Priority = r.GetInt32(8),
        CustomerId = r.GetStringOrNull(9) is { } customer ? CustomerId.From(customer) : null,
        EnqueuedAt = r.GetInstant(10),
        DueAt = r.GetInstant(11),
        Status = (OutboxStatus)r.GetInt16(12),
        Attempts = r.GetInt32(13),
        ClaimedBy = r.GetStringOrNull(14),
        LeaseUntil = r.GetInstantOrNull(15),
        LastError = r.GetStringOrNull(16),
        SentAt = r.GetInstantOrNull(17),
        ProviderMessageId = r.GetStringOrNull(18),
    };

    /// <inheritdoc />
    /// <remarks>Section <c>messages</c>: those queued for the customer, oldest first.</remarks>
    public async ValueTask<IReadOnlyList<PersonalDataSection>> ExportAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var ofCustomer = _database.Sql($"SELECT {Columns} FROM {{s}}.outbox_messages WHERE customer_id = $1 ORDER BY enqueued_at, id");
        var messages = await _database.ReadAsync((tx, ct) => tx.ListAsync(ofCustomer, Read, ct, customerId.Value), cancellationToken).ConfigureAwait(false);
        return messages.Count == 0 ? [] : [PersonalDataSection.From("messages", messages)];
    }

    /// <inheritdoc />
    /// <remarks>
    /// Masks, in one transaction, every message for the customer: by customer id, or by a recipient that is their
    /// e-mail or phone in any spelling (every recipient is read for that); waiting ones become dead letters.
    /// </remarks>
    public async ValueTask<ErasureChanges> EraseAsync(CustomerId customerId, ErasureContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scan = _database.Sql("SELECT id, recipient, customer_id FROM {s}.outbox_messages");
        var lockOne = _database.Sql($"SELECT {Columns} FROM {{s}}.outbox_messages WHERE id = $1 FOR UPDATE");
        var update = _database.Sql("""
            UPDATE {s}.outbox_messages SET recipient = $2, subject = $3, body = $4, metadata = $5, status = $6, claimed_by = $7, lease_until = $8, last_error = $9
            WHERE id = $1
            """);
        return await _database.WriteAsync(
            async (tx, ct) =>
            {
                var rows = await tx.ListAsync(scan, r => (Id: r.GetString(0), Recipient: r.GetString(1), Customer: r.GetStringOrNull(2)), ct).ConfigureAwait(false);
                var changed = 0;
                foreach (var row in rows.Where(r => string.Equals(r.Customer, customerId.Value, StringComparison.Ordinal) || context.Known.IsContact(r.Recipient)))
                {
                    if (await tx.FirstAsync(lockOne, Read, ct, row.Id).ConfigureAwait(false) is { } message && PersonalDataRedaction.TryRedact(message, context, out var redacted))
                    {
                        changed += await tx.ExecuteAsync(
                            update,
                            ct,
                            redacted.Id,
                            redacted.Recipient,
                            PgValues.Text(redacted.Subject),
                            redacted.Body,
                            PgTransaction.Jsonb(JsonSerializer.Serialize(redacted.Metadata)),
                            (short)redacted.Status,
                            PgValues.Text(redacted.ClaimedBy),
                            PgValues.At(redacted.LeaseUntil),
                            PgValues.Text(redacted.LastError)).ConfigureAwait(false);
                    }
                }

                return ErasureChanges.None.With("messages", changed);
            },
            cancellationToken).ConfigureAwait(false);
    }
}
