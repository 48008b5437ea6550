using System.Collections.Immutable;
using System.Text.Json;
using CustomerCare.Customers;
using CustomerCare.Notifications;
using CustomerCare.Privacy.Erasure;
using CustomerCare.Sqlite.Internal;
using CustomerCare.Storage;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerCare.Sqlite;

/// <summary>
/// The SQLite <see cref="IOutboxStore"/>: one row per message, claimed with one guarded
/// <c>UPDATE … WHERE id IN (due messages) RETURNING</c> statement. The body and metadata are in a table of their own
/// (<c>outbox_contents</c>, migration 0009), so that claims and outcomes, which update the row, do not write them again.
/// </summary>
/// <remarks>Thread-safe, also across processes sharing the file; see <see cref="SqliteDatabase"/>.</remarks>
public sealed class SqliteOutboxStore : IOutboxStore, IPersonalDataHolder
{
    // One customer's messages queued since an instant, through outbox_customer: the listing and its summaries.
    private const string OfCustomerSince = "customer_id = $customer AND enqueued_at >= $since";

    // The outbox row's columns; a message as read is these, then its body and metadata (see ReadAllAsync).
    private const string Columns =
        "id, channel, recipient, subject, content_type, kind, priority, customer_id, enqueued_at, due_at, status, attempts, claimed_by, lease_until, last_error, sent_at, provider_message_id";

    // Whole messages; USING leaves the id unambiguous in the conditions.
    private const string Messages = $"SELECT {Columns}, body, metadata FROM outbox JOIN outbox_contents USING (id)";

    private static readonly string Placeholders = string.Join(", ", Columns.Split(", ").Select(c => "$" + c));

    // Built once, not for every message queued: the kept statement is looked up by this text.
    private static readonly string Insert = $"INSERT INTO outbox ({Columns}) VALUES ({Placeholders}) ON CONFLICT (id) DO NOTHING;";

    private readonly SqliteDatabase _database;

    /// <summary>Creates the store over a database.</summary>
    /// <param name="database">The database.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public SqliteOutboxStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public async ValueTask<bool> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var pending = message with { Status = OutboxStatus.Pending, ClaimedBy = null, LeaseUntil = null };
        return await _database.WriteAsync(
            async write =>
            {
                using var insert = write.Command(Insert);
                Bind(insert, pending);
                if (await insert.ExecuteNonQueryAsync(write.CancellationToken) == 0)
                {
                    return false;
                }

                using var contents = write.Command("INSERT INTO outbox_contents (id, body, metadata) VALUES ($id, $body, $metadata);");
                BindContents(contents, pending);
                await contents.ExecuteNonQueryAsync(write.CancellationToken);
                return true;
            },
            cancellationToken);
    }

    /// <summary>
    /// Claims the first <c>$limit</c> due messages, pending or with an expired lease, by priority, due time and id.
    /// Each half reads its partial index in order and stops at the limit; one OR over both read and sorted every waiting
    /// message for every claim, which grew with the square of a busy day's queue.
    /// </summary>
    internal static string ClaimStatement { get; } =
        "UPDATE outbox SET status = 'InFlight', claimed_by = $dispatcher, lease_until = $leaseUntil WHERE id IN ("
        + "SELECT id FROM ("
        + "SELECT * FROM (SELECT id, priority, due_at FROM outbox INDEXED BY outbox_pending WHERE status = 'Pending' AND due_at <= $now ORDER BY priority DESC, due_at, id LIMIT $limit) "
        + "UNION ALL "
        + "SELECT * FROM (SELECT id, priority, due_at FROM outbox INDEXED BY outbox_in_flight WHERE status = 'InFlight' AND lease_until <= $now ORDER BY priority DESC, due_at, id LIMIT $limit)) "
        + $"ORDER BY priority DESC, due_at, id LIMIT $limit) RETURNING {Columns}, "
        + "(SELECT body FROM outbox_contents c WHERE c.id = outbox.id), (SELECT metadata FROM outbox_contents c WHERE c.id = outbox.id);";

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<OutboxMessage>> ClaimDueAsync(Instant now, string dispatcherId, Duration lease, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dispatcherId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var leaseUntil = SqliteValues.Stored(now + lease, "lease_until");
        var claimed = await _database.WriteAsync(
            async write =>
            {
                using var claim = write.Command(ClaimStatement)
                    .With("$dispatcher", dispatcherId)
                    .With("$leaseUntil", leaseUntil)
                    .With("$now", SqliteValues.Bound(now))
                    .With("$limit", limit);
                return await ReadAllAsync(claim, write.CancellationToken);
            },
            cancellationToken);
        return [.. claimed.OrderByDescending(m => m.Priority).ThenBy(m => m.DueAt).ThenBy(m => m.Id, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async ValueTask<bool> CompleteAsync(OutboxMessage completed, string dispatcherId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(completed);
        ArgumentException.ThrowIfNullOrWhiteSpace(dispatcherId);
        return await _database.WriteAsync(
            async write =>
            {
                // The outcome only: rewriting the body too cost a few kilobytes of log and zeroed free pages per message.
                using var update = write.Command(
                    "UPDATE outbox SET status = $status, attempts = $attempts, due_at = $due_at, last_error = $last_error, sent_at = $sent_at, "
                    + "provider_message_id = $provider_message_id, claimed_by = NULL, lease_until = NULL WHERE id = $id AND status = 'InFlight' AND claimed_by = $holder;")
                    .With("$id", completed.Id)
                    .With("$status", SqliteValues.Name(completed.Status))
                    .With("$attempts", completed.Attempts)
                    .With("$due_at", SqliteValues.Stored(completed.DueAt, "due_at"))
                    .With("$last_error", completed.LastError)
                    .With("$sent_at", completed.SentAt is { } sent ? SqliteValues.Stored(sent, "sent_at") : null)
                    .With("$provider_message_id", completed.ProviderMessageId)
                    .With("$holder", dispatcherId);
                return await update.ExecuteNonQueryAsync(write.CancellationToken) == 1;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<OutboxMessage?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var found = await ListWhereAsync("id = $id", c => c.With("$id", id), cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<OutboxMessage>> ListForCustomerAsync(CustomerId customerId, Instant since, CancellationToken cancellationToken = default)
    {
        var found = await ListWhereAsync(OfCustomerSince, c => BindOfCustomerSince(c, customerId, since), cancellationToken);
        return [.. found.OrderBy(m => m.EnqueuedAt).ThenBy(m => m.Id, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    /// <remarks>Reads the five columns alone, through the (customer, enqueued) index.</remarks>
    public async ValueTask<IReadOnlyList<OutboxMessageSummary>> SummarizeForCustomerAsync(CustomerId customerId, Instant since, CancellationToken cancellationToken = default)
    {
        var found = await _database.ReadAsync(
            async connection =>
            {
                using var command = connection.Command($"SELECT id, kind, status, enqueued_at, due_at FROM outbox WHERE {OfCustomerSince};");
                BindOfCustomerSince(command, customerId, since);
                var summaries = new List<OutboxMessageSummary>();
                using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    summaries.Add(new(reader.GetString(0), reader.GetEnum<MessageKind>(1), reader.GetEnum<OutboxStatus>(2), reader.GetInstant(3), reader.GetInstant(4)));
                }

                return summaries;
            },
            cancellationToken);
        return [.. found.OrderBy(m => m.EnqueuedAt).ThenBy(m => m.Id, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async ValueTask<long> CountAsync(OutboxStatus status, CancellationToken cancellationToken = default) =>
        await _database.ReadAsync(
            async connection =>
            {
                using var command = connection.Command("SELECT COUNT(*) FROM outbox WHERE status = $status;");
                command.With("$status", SqliteValues.Name(status));
                return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            },
            cancellationToken);

    private static void BindOfCustomerSince(SqliteCommand command, CustomerId customerId, Instant since) =>
        command.With("$customer", customerId.Value).With("$since", SqliteValues.Bound(since));

    private ValueTask<IReadOnlyList<OutboxMessage>> ListWhereAsync(string where, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        _database.ReadAsync(
            async connection =>
            {
                using var command = connection.Command($"{Messages} WHERE {where};");
                bind(command);
                return await ReadAllAsync(command, cancellationToken);
            },
            cancellationToken);

    private static void Bind(SqliteCommand command, OutboxMessage message)
    {
        command.With("$id", message.Id)
            .With("$channel", message.Channel)
            .With("$recipient", message.Recipient)
            .With("$subject", message.Subject)
            .With("$content_type", message.ContentType)
            .With("$kind", SqliteValues.Name(message.Kind))
            .With("$priority", message.Priority)
            .With("$customer_id", message.CustomerId?.Value)
            .With("$enqueued_at", SqliteValues.Stored(message.EnqueuedAt, "enqueued_at"))
            .With("$due_at", SqliteValues.Stored(message.DueAt, "due_at"))
            .With("$status", SqliteValues.Name(message.Status))
            .With("$attempts", message.Attempts)
            .With("$claimed_by", message.ClaimedBy)
            .With("$lease_until", message.LeaseUntil is { } lease ? SqliteValues.Stored(lease, "lease_until") : null)
            .With("$last_error", message.LastError)
            .With("$sent_at", message.SentAt is { } sent ? SqliteValues.Stored(sent, "sent_at") : null)
            .With("$provider_message_id", message.ProviderMessageId);
    }

    private static void BindContents(SqliteCommand command, OutboxMessage message) =>
        command.With("$id", message.Id)
            .With("$body", message.Body)
            .With("$metadata", JsonSerializer.Serialize(message.Metadata.ToDictionary(StringComparer.Ordinal)));

    private static async ValueTask<IReadOnlyList<OutboxMessage>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var messages = new List<OutboxMessage>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var metadata = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(18)) ?? [];
            messages.Add(new OutboxMessage
            {
                Id = reader.GetString(0),
                Channel = reader.GetString(1),
                Recipient = reader.GetString(2),
                Subject = reader.GetNullableString(3),
                ContentType = reader.GetString(4),
                Kind = reader.GetEnum<MessageKind>(5),
                Priority = reader.GetInt32(6),
                CustomerId = reader.GetNullableString(7) is { } customer ? CustomerId.From(customer) : null,
                EnqueuedAt = reader.GetInstant(8),
                DueAt = reader.GetInstant(9),
                Status = reader.GetEnum<OutboxStatus>(10),
                Attempts = reader.GetInt32(11),
                ClaimedBy = reader.GetNullableString(12),
                LeaseUntil = reader.GetNullableInstant(13),
                LastError = reader.GetNullableString(14),
                SentAt = reader.GetNullableInstant(15),
                ProviderMessageId = reader.GetNullableString(16),
                Body = reader.GetString(17),
                Metadata = metadata.ToImmutableDictionary(),
            });
        }

        return messages;
    }

    /// <inheritdoc />
    /// <remarks>Section <c>messages</c>: those queued for the customer, oldest first.</remarks>
    public async ValueTask<IReadOnlyList<PersonalDataSection>> ExportAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var found = await ListWhereAsync("customer_id = $customer", c => c.With("$customer", customerId.Value), cancellationToken);
        return found.Count == 0 ? [] : [PersonalDataSection.From("messages", found.OrderBy(m => m.EnqueuedAt).ThenBy(m => m.Id, StringComparer.Ordinal).ToArray())];
    }

    /// <inheritdoc />
    /// <remarks>
    /// Masks, in one transaction, every message for the customer: by customer id, or by a recipient that is their
    /// e-mail or phone in any spelling (every recipient is read for that); waiting ones become dead letters.
    /// </remarks>
    public async ValueTask<ErasureChanges> EraseAsync(CustomerId customerId, ErasureContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await _database.WriteAsync(
            async write =>
            {
                var ids = new List<string>();
                using (var scan = write.Command("SELECT id, recipient, customer_id FROM outbox;"))
                using (var reader = await scan.ExecuteReaderAsync(write.CancellationToken))
                {
                    while (await reader.ReadAsync(write.CancellationToken))
                    {
                        if (string.Equals(reader.GetNullableString(2), customerId.Value, StringComparison.Ordinal) || context.Known.IsContact(reader.GetString(1)))
                        {
                            ids.Add(reader.GetString(0));
                        }
                    }
                }

                var changed = 0;
                foreach (var id in ids)
                {
                    using var find = write.Command($"{Messages} WHERE id = $id;").With("$id", id);
                    var message = (await ReadAllAsync(find, write.CancellationToken))[0];
                    if (PersonalDataRedaction.TryRedact(message, context, out var redacted))
                    {
                        using var update = write.Command($"UPDATE outbox SET ({Columns}) = ({Placeholders}) WHERE id = $id;");
                        Bind(update, redacted);
                        changed += await update.ExecuteNonQueryAsync(write.CancellationToken);
                        using var contents = write.Command("UPDATE outbox_contents SET body = $body, metadata = $metadata WHERE id = $id;");
                        BindContents(contents, redacted);
                        await contents.ExecuteNonQueryAsync(write.CancellationToken);
                    }
                }

                return ErasureChanges.None.With("messages", changed);
            },
            cancellationToken);
    }
}
