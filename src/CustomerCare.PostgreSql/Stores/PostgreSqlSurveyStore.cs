using CustomerCare.Privacy.Erasure;
using CustomerCare.Customers;
using CustomerCare.Feedback.Surveys;
using CustomerCare.Orders;
using CustomerCare.PostgreSql.Internal;
using CustomerCare.Storage;
using CustomerCare.Storage.Serialization;
using NodaTime;
using Npgsql;

namespace CustomerCare.PostgreSql;

/// <summary>The <see cref="ISurveyStore"/> on PostgreSQL: surveys as JSON documents beside their status and instants, unique per order.</summary>
/// <remarks>
/// Thread-safe, and safe across processes: scheduling relies on the unique key on the order; a claim selects due
/// surveys with <c>FOR UPDATE SKIP LOCKED</c> and marks them sent in the same transaction, so concurrent claims never
/// share a survey; skipping and answering lock the survey's row and write only from the states that allow it.
/// </remarks>
public sealed class PostgreSqlSurveyStore : ISurveyStore, IPersonalDataHolder
{
    private const string Columns = "id, order_id, customer_id, status, due_at, sent_at, answered_at, document";
    private readonly PostgreSqlDatabase _database;
    private readonly string _insert;
    private readonly string _find;
    private readonly string _findByOrder;
    private readonly string _lock;
    private readonly string _claim;
    private readonly string _update;
    private readonly string _answers;
    private readonly string _lastSent;

    /// <summary>Creates the store over a database.</summary>
    /// <param name="database">The database.</param>
    public PostgreSqlSurveyStore(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _insert = database.Sql($"INSERT INTO {{s}}.surveys ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING");
        _find = database.Sql("SELECT document FROM {s}.surveys WHERE id = $1");
        _findByOrder = database.Sql("SELECT document FROM {s}.surveys WHERE order_id = $1");
        _lock = database.Sql("SELECT document FROM {s}.surveys WHERE id = $1 FOR UPDATE");
        _claim = database.Sql("SELECT document FROM {s}.surveys WHERE status = 0 AND due_at <= $1 ORDER BY due_at, id LIMIT $2 FOR UPDATE SKIP LOCKED");
        _update = database.Sql("""
            UPDATE {s}.surveys s SET status = u.status, sent_at = u.sent_at, answered_at = u.answered_at, document = u.document
            FROM unnest($1::text[], $2::smallint[], $3::bigint[], $4::bigint[], $5::jsonb[]) AS u(id, status, sent_at, answered_at, document)
            WHERE s.id = u.id
            """);
        _answers = database.Sql("SELECT document FROM {s}.surveys WHERE answered_at >= $1 AND answered_at < $2");
        _lastSent = database.Sql("SELECT document FROM {s}.surveys WHERE customer_id = $1 AND sent_at < $2 ORDER BY sent_at DESC");
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

        var document = StorageJson.Serialize(survey);
        return await _database.WriteAsync(async (tx, ct) =>
        {
            if (await tx.ExecuteAsync(_insert, ct, survey.Id.Value, survey.OrderId.Value, survey.CustomerId.Value, (short)survey.Status, PgValues.At(survey.DueAt), PgValues.At((Instant?)null), PgValues.At((Instant?)null), PgTransaction.Jsonb(document)).ConfigureAwait(false) == 1)
            {
                return true;
            }

            return await tx.FirstAsync(_findByOrder, Read, ct, survey.OrderId.Value).ConfigureAwait(false) is not null
                ? false
                : throw new ArgumentException($"Survey identifier '{survey.Id}' is already used by another order's survey.", nameof(survey));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<Survey?> FindAsync(SurveyId surveyId, CancellationToken cancellationToken = default) =>
        await _database.ReadAsync((tx, ct) => tx.FirstAsync(_find, Read, ct, surveyId.Value), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask<Survey?> FindByOrderAsync(OrderId orderId, CancellationToken cancellationToken = default) =>
        await _database.ReadAsync((tx, ct) => tx.FirstAsync(_findByOrder, Read, ct, orderId.Value), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<Survey>> ClaimDueAsync(Instant now, Duration expiresAfter, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (expiresAfter <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(expiresAfter), expiresAfter, "A claimed survey must take answers for a positive time.");
        }

        var claimed = await _database.WriteAsync(async (tx, ct) =>
        {
            var due = await tx.ListAsync(_claim, Read, ct, PgValues.At(now), limit).ConfigureAwait(false);
            var sent = due.Select(s => s with { Status = SurveyStatus.Sent, SentAt = now, ExpiresAt = now + expiresAfter }).ToList();
            await WriteAsync(tx, sent, ct).ConfigureAwait(false);
            return sent;
        }, cancellationToken).ConfigureAwait(false);
        return [.. claimed.OrderBy(s => s.DueAt).ThenBy(s => s.Id.Value, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async ValueTask<bool> SkipAsync(SurveyId surveyId, SurveySkipReason reason, Instant at, CancellationToken cancellationToken = default) =>
        await _database.WriteAsync(async (tx, ct) =>
        {
            var survey = await tx.FirstAsync(_lock, Read, ct, surveyId.Value).ConfigureAwait(false);
            if (survey is null || survey.Status is not (SurveyStatus.Scheduled or SurveyStatus.Sent))
            {
                return false;
            }

            await WriteAsync(tx, [survey with { Status = SurveyStatus.Skipped, SkipReason = reason, SkippedAt = at, SentAt = null, ExpiresAt = null }], ct).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask<SurveyAnswerWrite> RecordAnswerAsync(SurveyId surveyId, SurveyAnswer answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return await _database.WriteAsync(async (tx, ct) =>
        {
            var survey = await tx.FirstAsync(_lock, Read, ct, surveyId.Value).ConfigureAwait(false);
            switch (survey?.Status)
            {
                case null:
                    return new SurveyAnswerWrite(SurveyAnswerWriteOutcome.NotFound, null);
                case SurveyStatus.Sent:
                    var answered = survey with { Status = SurveyStatus.Answered, Answer = answer };
                    await WriteAsync(tx, [answered], ct).ConfigureAwait(false);
                    return new SurveyAnswerWrite(SurveyAnswerWriteOutcome.Recorded, answered);
                case SurveyStatus.Answered:
                    return new SurveyAnswerWrite(SurveyAnswerWriteOutcome.AlreadyAnswered, survey);
                default:
                    return new SurveyAnswerWrite(SurveyAnswerWriteOutcome.NotOpen, survey);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<Survey>> AnswersAsync(Instant from, Instant until, CancellationToken cancellationToken = default)
    {
        var answered = await _database.ReadAsync((tx, ct) => tx.ListAsync(_answers, Read, ct, PgValues.At(from), PgValues.At(until)), cancellationToken).ConfigureAwait(false);
        return [.. answered.Where(s => s.Answer is not null).OrderBy(s => s.Answer!.AnsweredAt).ThenBy(s => s.Id.Value, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async ValueTask<Survey?> LastSentAsync(CustomerId customerId, Instant before, CancellationToken cancellationToken = default)
    {
        var sent = await _database.ReadAsync((tx, ct) => tx.ListAsync(_lastSent, Read, ct, customerId.Value, PgValues.At(before)), cancellationToken).ConfigureAwait(false);
        return sent.Where(s => s.SentAt is not null)
            .OrderByDescending(s => s.SentAt!.Value)
            .ThenByDescending(s => s.Id.Value, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private Task<int> WriteAsync(PgTransaction tx, List<Survey> surveys, CancellationToken cancellationToken) =>
        surveys.Count == 0
            ? Task.FromResult(0)
            : tx.ExecuteAsync(
                _update,
                cancellationToken,
                PgTransaction.TextArray(surveys.Select(s => s.Id.Value)),
                surveys.Select(s => (short)s.Status).ToArray(),
                surveys.Select(s => PgValues.Nanos(s.SentAt)).ToArray(),
                surveys.Select(s => PgValues.Nanos(s.Answer?.AnsweredAt)).ToArray(),
                new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Jsonb, Value = surveys.Select(StorageJson.Serialize).ToArray() });

    private static Survey Read(NpgsqlDataReader r) => StorageJson.Deserialize<Survey>(r.GetString(0));

    /// <inheritdoc />
    /// <remarks>Section <c>surveys</c>, with their answers.</remarks>
    public async ValueTask<IReadOnlyList<PersonalDataSection>> ExportAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var ofCustomer = _database.Sql("SELECT document FROM {s}.surveys WHERE customer_id = $1 ORDER BY id");
        var surveys = await _database.ReadAsync((tx, ct) => tx.ListAsync(ofCustomer, Read, ct, customerId.Value), cancellationToken).ConfigureAwait(false);
        return surveys.Count == 0 ? [] : [PersonalDataSection.From("surveys", surveys)];
    }

    /// <inheritdoc />
    /// <remarks>Masks the answers' comments in one transaction; scores and instants stay, so the CSAT and NPS figures do not move.</remarks>
    public async ValueTask<ErasureChanges> EraseAsync(CustomerId customerId, ErasureContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ofCustomer = _database.Sql("SELECT document FROM {s}.surveys WHERE customer_id = $1 ORDER BY id FOR UPDATE");
        var update = _database.Sql("UPDATE {s}.surveys SET document = $2 WHERE id = $1");
        return await _database.WriteAsync(
            async (tx, ct) =>
            {
                var changed = 0;
                foreach (var survey in await tx.ListAsync(ofCustomer, Read, ct, customerId.Value).ConfigureAwait(false))
                {
                    if (PersonalDataRedaction.TryRedact(survey, context, out var redacted))
                    {
                        changed += await tx.ExecuteAsync(update, ct, survey.Id.Value, PgTransaction.Jsonb(StorageJson.Serialize(redacted))).ConfigureAwait(false);
                    }
                }

                return ErasureChanges.None.With("surveys", changed);
            },
            cancellationToken).ConfigureAwait(false);
    }
}
