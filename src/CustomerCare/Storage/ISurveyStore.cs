using CustomerCare.Customers;
using CustomerCare.Feedback.Surveys;
using CustomerCare.Orders;
using NodaTime;

namespace CustomerCare.Storage;

/// <summary>Stores satisfaction surveys: one per order, claimed for sending once, answered once.</summary>
/// <remarks>
/// <para><b>Atomicity.</b> Each write is one conditional operation, never a read-then-write across calls:
/// <see cref="ScheduleAsync"/> relies on a unique key on the order; <see cref="ClaimDueAsync"/> moves surveys from
/// <see cref="SurveyStatus.Scheduled"/> to <see cref="SurveyStatus.Sent"/> in the same step that selects them (a guarded
/// <c>UPDATE … WHERE status = 'scheduled'</c>, or <c>SELECT … FOR UPDATE SKIP LOCKED</c>), so hosts claiming
/// concurrently never get the same survey and together get every due one; <see cref="RecordAnswerAsync"/> writes only
/// when the survey is still <see cref="SurveyStatus.Sent"/>, so of N concurrent answers exactly one is stored.</para>
/// <para><b>Idempotency.</b> Scheduling an order again changes nothing; skipping or answering a survey that moved on
/// changes nothing and says so.</para>
/// <para><b>Thread safety.</b> Every member may be called concurrently, from several processes for a shared database.
/// Business outcomes are results, never exceptions; cancellation throws <see cref="OperationCanceledException"/> and
/// writes nothing. Identifiers compare ordinally.</para>
/// </remarks>
public interface ISurveyStore
{
    /// <summary>Stores a new survey, unless its order already has one.</summary>
    /// <param name="survey">The survey, in <see cref="SurveyStatus.Scheduled"/> with no sent, skip or answer data.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> when stored; <see langword="false"/> when the order already has a survey (nothing changed).</returns>
    /// <exception cref="ArgumentException">The survey is not a fresh scheduled one, or its identifier belongs to another order's survey.</exception>
    ValueTask<bool> ScheduleAsync(Survey survey, CancellationToken cancellationToken = default);

    /// <summary>Finds a survey.</summary>
    /// <param name="surveyId">The survey identifier.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The survey, or <see langword="null"/>.</returns>
    ValueTask<Survey?> FindAsync(SurveyId surveyId, CancellationToken cancellationToken = default);

    /// <summary>Finds the survey of an order.</summary>
    /// <param name="orderId">The order.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The survey, or <see langword="null"/>.</returns>
    ValueTask<Survey?> FindByOrderAsync(OrderId orderId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims scheduled surveys due at or before <paramref name="now"/>, earliest due first (then by identifier), and
    /// marks them sent at <paramref name="now"/>, expiring <paramref name="expiresAfter"/> later, in one atomic step.
    /// </summary>
    /// <param name="now">The instant of the claim; surveys with <see cref="Survey.DueAt"/> at or before it are due.</param>
    /// <param name="expiresAfter">How long a claimed survey takes an answer; positive.</param>
    /// <param name="limit">The most surveys to claim; at least 1.</param>
    /// <param name="cancellationToken">Cancels the claim; nothing is claimed then.</param>
    /// <returns>The claimed surveys as stored (<see cref="SurveyStatus.Sent"/>); no other call ever gets them.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is below 1 or <paramref name="expiresAfter"/> is not positive.</exception>
    ValueTask<IReadOnlyList<Survey>> ClaimDueAsync(Instant now, Duration expiresAfter, int limit, CancellationToken cancellationToken = default);

    /// <summary>Records that a scheduled or sent survey is not (or no longer) to be sent, with the reason; clears its sent instants.</summary>
    /// <param name="surveyId">The survey.</param>
    /// <param name="reason">Why.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="true"/> when the survey was skipped now; <see langword="false"/> when it is unknown, answered or already skipped (nothing changed).</returns>
    ValueTask<bool> SkipAsync(SurveyId surveyId, SurveySkipReason reason, Instant at, CancellationToken cancellationToken = default);

    /// <summary>Stores an answer if the survey is <see cref="SurveyStatus.Sent"/>, in one conditional step.</summary>
    /// <param name="surveyId">The survey.</param>
    /// <param name="answer">The answer; the caller has checked its score and the expiry.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Recorded, already answered (with the stored answer), not found, or not open (scheduled or skipped), with the survey as stored.</returns>
    ValueTask<SurveyAnswerWrite> RecordAnswerAsync(SurveyId surveyId, SurveyAnswer answer, CancellationToken cancellationToken = default);

    /// <summary>The answered surveys whose <see cref="SurveyAnswer.AnsweredAt"/> is in [<paramref name="from"/>, <paramref name="until"/>), ordered by that instant then by identifier.</summary>
    /// <param name="from">The start, included.</param>
    /// <param name="until">The end, excluded.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The surveys, each with its <see cref="Survey.Answer"/>.</returns>
    ValueTask<IReadOnlyList<Survey>> AnswersAsync(Instant from, Instant until, CancellationToken cancellationToken = default);

    /// <summary>The survey last sent to a customer before an instant, for the fatigue rule; skipped surveys do not count, answered ones do.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="before">Only surveys with <see cref="Survey.SentAt"/> strictly before this count.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The survey with the latest <see cref="Survey.SentAt"/> (then the greatest identifier), or <see langword="null"/>.</returns>
    ValueTask<Survey?> LastSentAsync(CustomerId customerId, Instant before, CancellationToken cancellationToken = default);
}
