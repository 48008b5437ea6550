using CustomerCare.Customers;
using CustomerCare.Feedback.Surveys;
using CustomerCare.Orders;
using CustomerCare.Privacy.Erasure;
using NodaTime;

namespace CustomerCare.Storage.InMemory;

/// <summary>The default <see cref="ISurveyStore"/>, in process memory.</summary>
/// <remarks>
/// Thread-safe: one lock, under which every check and write of a call happens, the in-process equivalent of one
/// guarded statement. Scheduled surveys are also kept in due order, so a claim does not scan the answered ones.
/// </remarks>
public sealed class InMemorySurveyStore : ISurveyStore, IPersonalDataHolder
{
    private readonly Lock _lock = new();
    private readonly Dictionary<SurveyId, Survey> _surveys = [];
    private readonly Dictionary<OrderId, SurveyId> _byOrder = [];
    private readonly Dictionary<CustomerId, List<SurveyId>> _byCustomer = [];
    private readonly SortedSet<(Instant DueAt, SurveyId Id)> _scheduled = new(DueOrder.Instance);

    /// <inheritdoc />
    public ValueTask<bool> ScheduleAsync(Survey survey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(survey);
        if (survey.Status != SurveyStatus.Scheduled || survey.SentAt is not null || survey.ExpiresAt is not null || survey.SkipReason is not null
            || survey.SkippedAt is not null || survey.Answer is not null || survey.Id == default || survey.OrderId == default || survey.CustomerId == default)
        {
            throw new ArgumentException($"Survey '{survey.Id}' must be a fresh scheduled survey with an identifier, a customer and an order.", nameof(survey));
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (_byOrder.ContainsKey(survey.OrderId))
            {
                return ValueTask.FromResult(false);
            }

            if (_surveys.ContainsKey(survey.Id))
            {
                throw new ArgumentException($"Survey identifier '{survey.Id}' is already used by another order's survey.", nameof(survey));
            }

            _surveys.Add(survey.Id, survey);
            _byOrder.Add(survey.OrderId, survey.Id);
            if (!_byCustomer.TryGetValue(survey.CustomerId, out var ofCustomer))
            {
                ofCustomer = [];
                _byCustomer.Add(survey.CustomerId, ofCustomer);
            }

            ofCustomer.Add(survey.Id);
            _scheduled.Add((survey.DueAt, survey.Id));
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<Survey?> FindAsync(SurveyId surveyId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return ValueTask.FromResult(_surveys.GetValueOrDefault(surveyId));
        }
    }

    /// <inheritdoc />
    public ValueTask<Survey?> FindByOrderAsync(OrderId orderId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return ValueTask.FromResult(_byOrder.TryGetValue(orderId, out var id) ? _surveys[id] : null);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Survey>> ClaimDueAsync(Instant now, Duration expiresAfter, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (expiresAfter <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(expiresAfter), expiresAfter, "A claimed survey must take answers for a positive time.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var due = _scheduled.TakeWhile(s => s.DueAt <= now).Take(limit).ToArray();
            var claimed = new List<Survey>(due.Length);
            foreach (var entry in due)
            {
                var sent = _surveys[entry.Id] with { Status = SurveyStatus.Sent, SentAt = now, ExpiresAt = now + expiresAfter };
                _surveys[entry.Id] = sent;
                _scheduled.Remove(entry);
                claimed.Add(sent);
            }

            return ValueTask.FromResult<IReadOnlyList<Survey>>(claimed);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> SkipAsync(SurveyId surveyId, SurveySkipReason reason, Instant at, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_surveys.TryGetValue(surveyId, out var survey) || survey.Status is not (SurveyStatus.Scheduled or SurveyStatus.Sent))
            {
                return ValueTask.FromResult(false);
            }

            _scheduled.Remove((survey.DueAt, survey.Id));
            _surveys[surveyId] = survey with { Status = SurveyStatus.Skipped, SkipReason = reason, SkippedAt = at, SentAt = null, ExpiresAt = null };
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<SurveyAnswerWrite> RecordAnswerAsync(SurveyId surveyId, SurveyAnswer answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_surveys.TryGetValue(surveyId, out var survey))
            {
                return ValueTask.FromResult(new SurveyAnswerWrite(SurveyAnswerWriteOutcome.NotFound, null));
            }

            var write = survey.Status switch
            {
                SurveyStatus.Sent => new SurveyAnswerWrite(SurveyAnswerWriteOutcome.Recorded, _surveys[surveyId] = survey with { Status = SurveyStatus.Answered, Answer = answer }),
                SurveyStatus.Answered => new SurveyAnswerWrite(SurveyAnswerWriteOutcome.AlreadyAnswered, survey),
                _ => new SurveyAnswerWrite(SurveyAnswerWriteOutcome.NotOpen, survey),
            };
            return ValueTask.FromResult(write);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Survey>> AnswersAsync(Instant from, Instant until, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var answered = _surveys.Values
                .Where(s => s.Answer is { } a && a.AnsweredAt >= from && a.AnsweredAt < until)
                .OrderBy(s => s.Answer!.AnsweredAt)
                .ThenBy(s => s.Id.Value, StringComparer.Ordinal)
                .ToArray();
            return ValueTask.FromResult<IReadOnlyList<Survey>>(answered);
        }
    }

    /// <inheritdoc />
    public ValueTask<Survey?> LastSentAsync(CustomerId customerId, Instant before, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_byCustomer.TryGetValue(customerId, out var ids))
            {
                return ValueTask.FromResult<Survey?>(null);
            }

            Survey? last = null;
            foreach (var id in ids)
            {
                var survey = _surveys[id];
                if (survey.SentAt is { } sentAt && sentAt < before
                    && (last is null || sentAt > last.SentAt!.Value || (sentAt == last.SentAt && string.CompareOrdinal(survey.Id.Value, last.Id.Value) > 0)))
                {
                    last = survey;
                }
            }

            return ValueTask.FromResult(last);
        }
    }

    /// <inheritdoc />
    /// <remarks>Section <c>surveys</c>, with their answers.</remarks>
    public ValueTask<IReadOnlyList<PersonalDataSection>> ExportAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var surveys = OfCustomer(customerId);
            return ValueTask.FromResult<IReadOnlyList<PersonalDataSection>>(surveys.Length == 0 ? [] : [PersonalDataSection.From("surveys", surveys)]);
        }
    }

    /// <inheritdoc />
    /// <remarks>Masks the answers' comments; scores and instants stay, so the CSAT and NPS figures do not move.</remarks>
    public ValueTask<ErasureChanges> EraseAsync(CustomerId customerId, ErasureContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var changed = 0;
            foreach (var survey in OfCustomer(customerId))
            {
                if (PersonalDataRedaction.TryRedact(survey, context, out var redacted))
                {
                    _surveys[survey.Id] = redacted;
                    changed++;
                }
            }

            return ValueTask.FromResult(ErasureChanges.None.With("surveys", changed));
        }
    }

    private Survey[] OfCustomer(CustomerId customerId) =>
        _byCustomer.TryGetValue(customerId, out var ids) ? [.. ids.Select(id => _surveys[id]).OrderBy(s => s.Id.Value, StringComparer.Ordinal)] : [];

    private sealed class DueOrder : IComparer<(Instant DueAt, SurveyId Id)>
    {
        public static readonly DueOrder Instance = new();

        public int Compare((Instant DueAt, SurveyId Id) x, (Instant DueAt, SurveyId Id) y)
        {
            var byDue = x.DueAt.CompareTo(y.DueAt);
            return byDue != 0 ? byDue : string.CompareOrdinal(x.Id.Value, y.Id.Value);
        }
    }
}
