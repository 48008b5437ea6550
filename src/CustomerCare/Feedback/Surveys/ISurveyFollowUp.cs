namespace CustomerCare.Feedback.Surveys;

/// <summary>
/// Acts on what a survey answer calls for, such as opening a complaint for a low score. Register implementations in
/// DI; <see cref="SurveyService"/> calls every one.
/// </summary>
/// <remarks>
/// A handler is called when an answer is recorded and again when the same answer is recorded again, so a handler that
/// failed the first time gets the follow-up on the retry: implementations must be idempotent, keyed by
/// <see cref="SurveyFollowUp.SurveyId"/>. A handler's exception reaches the caller of
/// <see cref="SurveyService.RecordAnswerAsync"/>; the answer itself stays stored. Handlers may be called concurrently
/// for different surveys.
/// </remarks>
public interface ISurveyFollowUp
{
    /// <summary>Handles a follow-up.</summary>
    /// <param name="followUp">The follow-up; its action is never <see cref="SurveyFollowUpAction.None"/>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the follow-up is handled.</returns>
    ValueTask OnFollowUpAsync(SurveyFollowUp followUp, CancellationToken cancellationToken = default);
}
