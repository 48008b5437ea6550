using CustomerCare.Feedback.Surveys;

namespace CustomerCare.Hosting;

/// <summary>Sends the survey invitations the survey job claims: your link to your survey tool.</summary>
/// <remarks>
/// The survey job is scheduled only when one is registered, because a claimed survey counts as sent: without a sender
/// customers would never see it. The job calls every registered sender with each invitation. Thread-safe.
/// </remarks>
public interface ISurveyInvitationSender
{
    /// <summary>Sends one invitation.</summary>
    /// <param name="invitation">The survey, its customer, order and expiry.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when it is handed over.</returns>
    ValueTask SendAsync(SurveyInvitation invitation, CancellationToken cancellationToken = default);
}
