using CustomerCare.Customers;

namespace CustomerCare.Feedback.Surveys;

/// <summary>What one <see cref="SurveyService.SendDueAsync"/> call claimed: the invitations to send and the surveys it skipped.</summary>
/// <param name="Invitations">The surveys to send now, in due order.</param>
/// <param name="Skipped">The surveys claimed but not sent, each with its reason (also recorded in the store).</param>
public sealed record SurveySendResult(IReadOnlyList<SurveyInvitation> Invitations, IReadOnlyList<SurveySkip> Skipped)
{
    /// <summary>How many due surveys the call claimed; when it equals <see cref="SurveyOptions.SendBatchSize"/>, more may be due.</summary>
    public int Claimed => Invitations.Count + Skipped.Count;
}

/// <summary>A due survey that was not sent.</summary>
/// <param name="SurveyId">The survey.</param>
/// <param name="CustomerId">The customer it was for.</param>
/// <param name="Reason">Why it was not sent.</param>
public sealed record SurveySkip(SurveyId SurveyId, CustomerId CustomerId, SurveySkipReason Reason);
