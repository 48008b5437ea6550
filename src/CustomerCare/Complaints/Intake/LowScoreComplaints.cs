using System.Globalization;
using CustomerCare.Feedback.Surveys;

namespace CustomerCare.Complaints.Intake;

/// <summary>
/// Opens a complaint for a low survey score (seed 004: a low score opens a complaint), on the
/// <see cref="ComplaintChannel.Survey"/> channel with the survey as its source reference, so a repeated answer opens
/// nothing new. A high score's review request is left to the notifications part.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class LowScoreComplaints : ISurveyFollowUp
{
    private readonly ComplaintIntake _intake;

    /// <summary>Creates the handler.</summary>
    /// <param name="intake">The complaint intake.</param>
    public LowScoreComplaints(ComplaintIntake intake)
    {
        _intake = intake ?? throw new ArgumentNullException(nameof(intake));
    }

    /// <summary>Opens the complaint of a low score; ignores every other follow-up.</summary>
    /// <param name="followUp">The follow-up.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the complaint is stored.</returns>
    public async ValueTask OnFollowUpAsync(SurveyFollowUp followUp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        if (followUp.Action != SurveyFollowUpAction.OpenComplaint)
        {
            return;
        }

        var scale = followUp.Kind == SurveyKind.Nps ? "0-10" : "1-5";
        var score = string.Create(CultureInfo.InvariantCulture, $"{followUp.Kind} {followUp.Score} ({scale})");
        await _intake.ReceiveAsync(new ComplaintSubmission
        {
            Channel = ComplaintChannel.Survey,
            SourceReference = "survey:" + followUp.SurveyId,
            CustomerId = followUp.CustomerId.Value,
            OrderNumber = followUp.OrderId.Value,
            Title = score,
            Text = string.IsNullOrWhiteSpace(followUp.Comment) ? score : followUp.Comment,
            IsPublic = false,
        }, cancellationToken).ConfigureAwait(false);
    }
}
