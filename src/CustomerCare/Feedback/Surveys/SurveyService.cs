using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace CustomerCare.Feedback.Surveys;

/// <summary>
/// Asks customers after delivery whether their order arrived and whether they are satisfied: schedules one survey per
/// delivered order, hands out the due ones as invitations, and records answers with their follow-up.
/// </summary>
/// <remarks>
/// <para>Scheduling reacts to <see cref="OrderDelivered"/> as an <see cref="ICommerceEventObserver"/>: the survey is
/// due <see cref="SurveyOptions.DelayAfterDelivery"/> after delivery, and a redelivered or replayed event schedules
/// nothing new.</para>
/// <para><see cref="SendDueAsync"/> claims due surveys in the store, so two hosts never hand out the same one, then
/// applies staleness, consent and fatigue; a survey it holds back is recorded as skipped with its reason. A claimed
/// survey is handed out at most once: if the caller loses an invitation, it is not sent again.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed partial class SurveyService : ICommerceEventObserver
{
    private readonly ISurveyStore _surveys;
    private readonly ICustomerStore _customers;
    private readonly SurveyOptions _options;
    private readonly ISurveyFollowUp[] _followUps;
    private readonly ILogger _logger;

    /// <summary>Creates the service.</summary>
    /// <param name="surveys">The survey store.</param>
    /// <param name="customers">The customer store, for consent at send time.</param>
    /// <param name="options">The settings.</param>
    /// <param name="followUps">What acts on low and high scores; none when <see langword="null"/>.</param>
    /// <param name="logger">A logger, or <see langword="null"/>.</param>
    /// <exception cref="FieldValidationException">A setting is out of range.</exception>
    public SurveyService(ISurveyStore surveys, ICustomerStore customers, SurveyOptions options, IEnumerable<ISurveyFollowUp>? followUps = null, ILogger<SurveyService>? logger = null)
    {
        _surveys = surveys ?? throw new ArgumentNullException(nameof(surveys));
        _customers = customers ?? throw new ArgumentNullException(nameof(customers));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _options.Validate();
        _followUps = followUps?.ToArray() ?? [];
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Schedules the survey of an order when it is delivered.</summary>
    /// <param name="commerceEvent">The committed event; anything but <see cref="OrderDelivered"/> is ignored.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the survey is stored (or was already).</returns>
    public async ValueTask OnCommittedAsync(CommerceEvent commerceEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commerceEvent);
        if (commerceEvent is not OrderDelivered delivered)
        {
            return;
        }

        var survey = new Survey(SurveyId.New(), delivered.CustomerId, delivered.OrderId, _options.Kind, delivered.OccurredAt, delivered.OccurredAt + _options.DelayAfterDelivery);
        if (await _surveys.ScheduleAsync(survey, cancellationToken).ConfigureAwait(false))
        {
            LogScheduled(_logger, survey.Id.Value, delivered.OrderId.Value, survey.DueAt);
        }
    }

    /// <summary>Claims the surveys due at <paramref name="now"/> (at most <see cref="SurveyOptions.SendBatchSize"/>) and decides, for each, to send it or skip it.</summary>
    /// <param name="now">The instant of the run, usually the clock's.</param>
    /// <param name="cancellationToken">Cancels the claim. Once surveys are claimed the batch is finished regardless, so none is left claimed but neither sent nor skipped.</param>
    /// <returns>The invitations to send and the surveys skipped; call again while <see cref="SurveySendResult.Claimed"/> equals the batch size.</returns>
    public async ValueTask<SurveySendResult> SendDueAsync(Instant now, CancellationToken cancellationToken = default)
    {
        var claimed = await _surveys.ClaimDueAsync(now, _options.ExpiresAfter, _options.SendBatchSize, cancellationToken).ConfigureAwait(false);
        var invitations = new List<SurveyInvitation>(claimed.Count);
        var skipped = new List<SurveySkip>();
        var invitedNow = new HashSet<CustomerId>();
        foreach (var survey in claimed)
        {
            // The claim is already written: finishing the batch is what keeps every claimed survey accounted for.
            var reason = await SkipReasonAsync(survey, now, invitedNow, CancellationToken.None).ConfigureAwait(false);
            if (reason is { } why)
            {
                await _surveys.SkipAsync(survey.Id, why, now, CancellationToken.None).ConfigureAwait(false);
                skipped.Add(new SurveySkip(survey.Id, survey.CustomerId, why));
                LogSkipped(_logger, survey.Id.Value, survey.CustomerId.Value, why);
                continue;
            }

            invitedNow.Add(survey.CustomerId);
            invitations.Add(new SurveyInvitation(survey.Id, survey.CustomerId, survey.OrderId, survey.Kind, survey.ExpiresAt!.Value));
        }

        return new SurveySendResult(invitations, skipped);
    }

    /// <summary>Records a customer's answer, decides its follow-up, and hands the follow-up to every <see cref="ISurveyFollowUp"/>.</summary>
    /// <param name="surveyId">The survey, from the invitation.</param>
    /// <param name="score">The score: 1–5 for CSAT, 0–10 for NPS.</param>
    /// <param name="comment">The customer's comment, or <see langword="null"/>; blank is stored as <see langword="null"/>.</param>
    /// <param name="at">When the customer answered.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>
    /// Recorded with its follow-up; the first result again when the same score was recorded before; or refused with a
    /// stable reason: unknown, not sent, skipped, expired, or a conflict with a different score already recorded.
    /// </returns>
    /// <exception cref="FieldValidationException">The score is outside the range of the survey's kind (field <c>score</c>), or the comment is too long (field <c>comment</c>).</exception>
    public async ValueTask<SurveyOutcome> RecordAnswerAsync(SurveyId surveyId, int score, string? comment, Instant at, CancellationToken cancellationToken = default)
    {
        var survey = await _surveys.FindAsync(surveyId, cancellationToken).ConfigureAwait(false);
        if (survey is null)
        {
            return Refused(SurveyAnswerStatus.UnknownSurvey, surveyId, null);
        }

        Validate(survey.Kind, score, comment);
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment;
        if (Refusal(survey, score, at) is { } refused)
        {
            return await FollowUpAsync(refused, cancellationToken).ConfigureAwait(false);
        }

        var answer = new SurveyAnswer(score, comment, at, FollowUpFor(survey.Kind, score));
        var write = await _surveys.RecordAnswerAsync(surveyId, answer, cancellationToken).ConfigureAwait(false);
        var outcome = write.Outcome switch
        {
            SurveyAnswerWriteOutcome.Recorded => new SurveyOutcome(SurveyAnswerStatus.Recorded, surveyId, answer.FollowUp, write.Survey),
            SurveyAnswerWriteOutcome.NotFound => Refused(SurveyAnswerStatus.UnknownSurvey, surveyId, null),
            // Another answer or a skip got there between the read and the write: judge by what is stored now.
            _ => Refusal(write.Survey!, score, at) ?? Refused(SurveyAnswerStatus.NotSent, surveyId, write.Survey),
        };
        if (outcome.Status == SurveyAnswerStatus.Recorded)
        {
            LogAnswered(_logger, surveyId.Value, score, answer.FollowUp);
        }

        return await FollowUpAsync(outcome, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The follow-up a score calls for under the configured thresholds.</summary>
    /// <param name="kind">The survey kind.</param>
    /// <param name="score">The score.</param>
    /// <returns>Open a complaint for a low score, ask for a review for a high one, otherwise nothing.</returns>
    /// <exception cref="FieldValidationException">The score is outside the range of <paramref name="kind"/>.</exception>
    public SurveyFollowUpAction FollowUpFor(SurveyKind kind, int score)
    {
        if (!SurveyScales.IsDefined(kind))
        {
            throw FieldValidationException.For("kind", kind.ToString(), FieldErrorCodes.Unknown, "is not a survey kind");
        }

        Validate(kind, score, null);
        return _options.FollowUpFor(kind, score);
    }

    private static void Validate(SurveyKind kind, int score, string? comment)
    {
        if (SurveyScales.Check(kind, score) is { } error)
        {
            throw new FieldValidationException(error);
        }

        if (comment is { Length: > SurveyOptions.MaxCommentLength })
        {
            throw FieldValidationException.For("comment", comment, FieldErrorCodes.TooLong, $"is longer than {SurveyOptions.MaxCommentLength} characters");
        }
    }

    /// <summary>The outcome for a survey that cannot take this answer now, or <see langword="null"/> when it can.</summary>
    private static SurveyOutcome? Refusal(Survey survey, int score, Instant at) => survey.Status switch
    {
        // An answered survey is checked before expiry: a retry of the same answer after expiry still gets its first result.
        SurveyStatus.Answered when survey.Answer!.Score == score => new SurveyOutcome(SurveyAnswerStatus.AlreadyRecorded, survey.Id, survey.Answer.FollowUp, survey),
        SurveyStatus.Answered => Refused(SurveyAnswerStatus.Conflict, survey.Id, survey),
        SurveyStatus.Scheduled => Refused(SurveyAnswerStatus.NotSent, survey.Id, survey),
        SurveyStatus.Skipped => Refused(SurveyAnswerStatus.Skipped, survey.Id, survey),
        _ when survey.IsExpiredAt(at) => Refused(SurveyAnswerStatus.Expired, survey.Id, survey),
        _ => null,
    };

    private static SurveyOutcome Refused(SurveyAnswerStatus status, SurveyId surveyId, Survey? survey) =>
        new(status, surveyId, SurveyFollowUpAction.None, survey);

    private async ValueTask<SurveyOutcome> FollowUpAsync(SurveyOutcome outcome, CancellationToken cancellationToken)
    {
        if (!outcome.Succeeded || outcome.FollowUp == SurveyFollowUpAction.None || _followUps.Length == 0)
        {
            return outcome;
        }

        var survey = outcome.Survey!;
        var answer = survey.Answer!;
        var followUp = new SurveyFollowUp(outcome.FollowUp, survey.Id, survey.CustomerId, survey.OrderId, survey.Kind, answer.Score, answer.Comment, answer.AnsweredAt);
        foreach (var handler in _followUps)
        {
            await handler.OnFollowUpAsync(followUp, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    private async ValueTask<SurveySkipReason?> SkipReasonAsync(Survey survey, Instant now, HashSet<CustomerId> invitedNow, CancellationToken cancellationToken)
    {
        if (now >= survey.DueAt + _options.ExpiresAfter)
        {
            return SurveySkipReason.Stale;
        }

        var customer = await _customers.FindAsync(survey.CustomerId, cancellationToken).ConfigureAwait(false);
        if (customer is null)
        {
            return SurveySkipReason.UnknownCustomer;
        }

        if (_options.RequireConsent && !SurveyConsent.Allows(customer))
        {
            return SurveySkipReason.NoConsent;
        }

        if (_options.FatigueWindow == Duration.Zero)
        {
            return null;
        }

        if (invitedNow.Contains(survey.CustomerId))
        {
            return SurveySkipReason.Fatigue;
        }

        var last = await _surveys.LastSentAsync(survey.CustomerId, now, cancellationToken).ConfigureAwait(false);
        return last?.SentAt is { } sentAt && now - sentAt < _options.FatigueWindow ? SurveySkipReason.Fatigue : null;
    }

    [LoggerMessage(EventId = 4601, Level = LogLevel.Debug, Message = "Scheduled survey {SurveyId} for order {OrderId}, due {DueAt}")]
    private static partial void LogScheduled(ILogger logger, string surveyId, string orderId, Instant dueAt);

    [LoggerMessage(EventId = 4602, Level = LogLevel.Information, Message = "Skipped survey {SurveyId} for customer {CustomerId}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string surveyId, string customerId, SurveySkipReason reason);

    [LoggerMessage(EventId = 4603, Level = LogLevel.Debug, Message = "Recorded answer {Score} to survey {SurveyId}; follow-up {FollowUp}")]
    private static partial void LogAnswered(ILogger logger, string surveyId, int score, SurveyFollowUpAction followUp);
}
