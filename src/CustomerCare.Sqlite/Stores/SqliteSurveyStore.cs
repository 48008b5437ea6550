using CustomerCare.Customers;
using CustomerCare.Feedback.Surveys;
using CustomerCare.Orders;
using CustomerCare.Privacy.Erasure;
using CustomerCare.Sqlite.Internal;
using CustomerCare.Storage;
using CustomerCare.Storage.Serialization;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerCare.Sqlite;

/// <summary>
/// The SQLite <see cref="ISurveyStore"/>: surveys as JSON documents beside their status and instants, unique per order;
/// every state change is an <c>UPDATE … WHERE status = …</c> that must touch exactly one row.
/// </summary>
/// <remarks>Thread-safe, also across processes sharing the file; see <see cref="SqliteDatabase"/>.</remarks>
public sealed class SqliteSurveyStore : ISurveyStore, IPersonalDataHolder
{
    private readonly SqliteDatabase _database;

    /// <summary>Creates the store over a database.</summary>
    /// <param name="database">The database.</param>
    /// <exception cref="ArgumentNullException"><paramref name="database"/> is <see langword="null"/>.</exception>
    public SqliteSurveyStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public async ValueTask<bool> ScheduleAsync(Survey survey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(survey);
        if (survey.Status != SurveyStatus.Scheduled || survey.SentAt is not null || survey.ExpiresAt is not null || survey.SkipReason is not null
            || survey.SkippedAt is not null || survey.Answer is not null || survey.Id == default || survey.OrderId == default || survey.CustomerId == default)
        {
            throw new ArgumentException($"Survey '{survey.Id}' must be a fresh scheduled survey with an identifier, a customer and an order.", nameof(survey));
        }

        var row = Row(survey);
        return await _database.WriteAsync(
            async write =>
            {
                using var insert = write.Command(
                    "INSERT INTO surveys (id, order_id, customer_id, status, due_at, sent_at, answered_at, document) VALUES ($id, $order, $customer, $status, $due, NULL, NULL, $document) "
                    + "ON CONFLICT (order_id) DO NOTHING;")
                    .With("$id", survey.Id.Value).With("$order", survey.OrderId.Value).With("$customer", survey.CustomerId.Value)
                    .With("$status", row.Status).With("$due", SqliteValues.Stored(survey.DueAt, "due_at")).With("$document", row.Document);
                try
                {
                    return await insert.ExecuteNonQueryAsync(write.CancellationToken) == 1;
                }
                catch (SqliteException e) when (e.SqliteErrorCode == 19)
                {
                    throw new ArgumentException($"Survey identifier '{survey.Id}' is already used by another order's survey.", nameof(survey), e);
                }
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<Survey?> FindAsync(SurveyId surveyId, CancellationToken cancellationToken = default) =>
        FirstOrNull(await ListWhereAsync("id = $id", string.Empty, c => c.With("$id", surveyId.Value), cancellationToken));

    /// <inheritdoc />
    public async ValueTask<Survey?> FindByOrderAsync(OrderId orderId, CancellationToken cancellationToken = default) =>
        FirstOrNull(await ListWhereAsync("order_id = $order", string.Empty, c => c.With("$order", orderId.Value), cancellationToken));

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<Survey>> ClaimDueAsync(Instant now, Duration expiresAfter, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (expiresAfter <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(expiresAfter), expiresAfter, "A claimed survey must take answers for a positive time.");
        }

        var sentAt = SqliteValues.Stored(now, "now");
        SqliteValues.Stored(now + expiresAfter, "expires_at");
        return await _database.WriteAsync(
            async write =>
            {
                var due = new List<Survey>();
                using (var select = write.Command("SELECT document FROM surveys WHERE status = 'Scheduled' AND due_at <= $now ORDER BY due_at, id LIMIT $limit;")
                    .With("$now", SqliteValues.Bound(now)).With("$limit", limit))
                using (var reader = await select.ExecuteReaderAsync(write.CancellationToken))
                {
                    while (await reader.ReadAsync(write.CancellationToken))
                    {
                        due.Add(StorageJson.Deserialize<Survey>(reader.GetString(0)));
                    }
                }

                var claimed = due.OrderBy(s => s.DueAt).ThenBy(s => s.Id.Value, StringComparer.Ordinal).Take(limit)
                    .Select(s => s with { Status = SurveyStatus.Sent, SentAt = now, ExpiresAt = now + expiresAfter })
                    .ToArray();
                using var update = write.Command("UPDATE surveys SET status = 'Sent', sent_at = $sent, document = $document WHERE id = $id AND status = 'Scheduled';");
                var id = update.Parameter("$id", SqliteType.Text);
                var document = update.Parameter("$document", SqliteType.Text);
                update.With("$sent", sentAt);
                foreach (var survey in claimed)
                {
                    id.Value = survey.Id.Value;
                    document.Value = StorageJson.Serialize(survey);
                    if (await update.ExecuteNonQueryAsync(write.CancellationToken) != 1)
                    {
                        throw new InvalidOperationException($"Survey {survey.Id} left the scheduled state inside its own claim transaction.");
                    }
                }

                return (IReadOnlyList<Survey>)claimed;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<bool> SkipAsync(SurveyId surveyId, SurveySkipReason reason, Instant at, CancellationToken cancellationToken = default)
    {
        SqliteValues.Stored(at, "at");
        return await _database.WriteAsync(
            async write =>
            {
                if (await FindForUpdateAsync(write, surveyId) is not { } survey || survey.Status is not (SurveyStatus.Scheduled or SurveyStatus.Sent))
                {
                    return false;
                }

                var skipped = survey with { Status = SurveyStatus.Skipped, SkipReason = reason, SkippedAt = at, SentAt = null, ExpiresAt = null };
                return await ReplaceAsync(write, skipped, survey.Status);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<SurveyAnswerWrite> RecordAnswerAsync(SurveyId surveyId, SurveyAnswer answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        SqliteValues.Stored(answer.AnsweredAt, "answered_at");
        return await _database.WriteAsync(
            async write =>
            {
                if (await FindForUpdateAsync(write, surveyId) is not { } survey)
                {
                    return new SurveyAnswerWrite(SurveyAnswerWriteOutcome.NotFound, null);
                }

                if (survey.Status != SurveyStatus.Sent)
                {
                    return new SurveyAnswerWrite(survey.Status == SurveyStatus.Answered ? SurveyAnswerWriteOutcome.AlreadyAnswered : SurveyAnswerWriteOutcome.NotOpen, survey);
                }

                var answered = survey with { Status = SurveyStatus.Answered, Answer = answer };
                return await ReplaceAsync(write, answered, SurveyStatus.Sent)
                    ? new SurveyAnswerWrite(SurveyAnswerWriteOutcome.Recorded, answered)
                    : throw new InvalidOperationException($"Survey {surveyId} left the sent state inside its own answer transaction.");
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<Survey>> AnswersAsync(Instant from, Instant until, CancellationToken cancellationToken = default)
    {
        var answered = await ListWhereAsync(
            "answered_at >= $from AND answered_at < $until",
            string.Empty,
            c => c.With("$from", SqliteValues.Bound(from)).With("$until", SqliteValues.Bound(until)),
            cancellationToken);
        return [.. answered.OrderBy(s => s.Answer!.AnsweredAt).ThenBy(s => s.Id.Value, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async ValueTask<Survey?> LastSentAsync(CustomerId customerId, Instant before, CancellationToken cancellationToken = default)
    {
        var sent = await ListWhereAsync(
            "customer_id = $customer AND sent_at IS NOT NULL AND sent_at < $before",
            string.Empty,
            c => c.With("$customer", customerId.Value).With("$before", SqliteValues.Bound(before)),
            cancellationToken);
        return sent.OrderByDescending(s => s.SentAt).ThenByDescending(s => s.Id.Value, StringComparer.Ordinal).FirstOrDefault();
    }

    private static (string Status, string Document) Row(Survey survey) => (SqliteValues.Name(survey.Status), StorageJson.Serialize(survey));

    private static Survey? FirstOrNull(IReadOnlyList<Survey> surveys) => surveys.Count == 0 ? null : surveys[0];

    private static async ValueTask<Survey?> FindForUpdateAsync(SqliteWrite write, SurveyId surveyId)
    {
        using var find = write.Command("SELECT document FROM surveys WHERE id = $id;").With("$id", surveyId.Value);
        return await find.ExecuteScalarAsync(write.CancellationToken) is string document ? StorageJson.Deserialize<Survey>(document) : null;
    }

    /// <summary>Writes a survey's new state, guarded by the state it was read in; <see langword="false"/> when it moved on.</summary>
    private static async ValueTask<bool> ReplaceAsync(SqliteWrite write, Survey survey, SurveyStatus from)
    {
        using var update = write.Command(
            "UPDATE surveys SET status = $status, sent_at = $sent, answered_at = $answered, document = $document WHERE id = $id AND status = $from;")
            .With("$status", SqliteValues.Name(survey.Status))
            .With("$sent", survey.SentAt is { } sent ? SqliteValues.Stored(sent, "sent_at") : null)
            .With("$answered", survey.Answer is { } answer ? SqliteValues.Stored(answer.AnsweredAt, "answered_at") : null)
            .With("$document", StorageJson.Serialize(survey))
            .With("$id", survey.Id.Value)
            .With("$from", SqliteValues.Name(from));
        return await update.ExecuteNonQueryAsync(write.CancellationToken) == 1;
    }

    private ValueTask<IReadOnlyList<Survey>> ListWhereAsync(string where, string order, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        _database.ReadAsync(
            async connection =>
            {
                using var command = connection.Command($"SELECT document FROM surveys WHERE {where} {order};");
                bind(command);
                var surveys = new List<Survey>();
                using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    surveys.Add(StorageJson.Deserialize<Survey>(reader.GetString(0)));
                }

                return (IReadOnlyList<Survey>)surveys;
            },
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>Section <c>surveys</c>, with their answers.</remarks>
    public async ValueTask<IReadOnlyList<PersonalDataSection>> ExportAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var surveys = await ListWhereAsync("customer_id = $customer", "ORDER BY id", c => c.With("$customer", customerId.Value), cancellationToken);
        return surveys.Count == 0 ? [] : [PersonalDataSection.From("surveys", surveys)];
    }

    /// <inheritdoc />
    /// <remarks>Masks the answers' comments in one transaction; scores and instants stay, so the CSAT and NPS figures do not move.</remarks>
    public async ValueTask<ErasureChanges> EraseAsync(CustomerId customerId, ErasureContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await _database.WriteAsync(
            async write =>
            {
                var surveys = new List<Survey>();
                using (var select = write.Command("SELECT document FROM surveys WHERE customer_id = $customer;").With("$customer", customerId.Value))
                using (var reader = await select.ExecuteReaderAsync(write.CancellationToken))
                {
                    while (await reader.ReadAsync(write.CancellationToken))
                    {
                        surveys.Add(StorageJson.Deserialize<Survey>(reader.GetString(0)));
                    }
                }

                var changed = 0;
                foreach (var survey in surveys)
                {
                    if (PersonalDataRedaction.TryRedact(survey, context, out var redacted))
                    {
                        using var update = write.Command("UPDATE surveys SET document = $document WHERE id = $id;").With("$document", StorageJson.Serialize(redacted)).With("$id", survey.Id.Value);
                        changed += await update.ExecuteNonQueryAsync(write.CancellationToken);
                    }
                }

                return ErasureChanges.None.With("surveys", changed);
            },
            cancellationToken);
    }
}
