namespace CustomerCare.Feedback.Surveys;

/// <summary>What an answer calls for, decided by the score thresholds of <see cref="SurveyOptions"/>.</summary>
public enum SurveyFollowUpAction
{
    /// <summary>A middling score: nothing to do.</summary>
    None = 0,

    /// <summary>A low score: open a complaint so that someone calls the customer back.</summary>
    OpenComplaint,

    /// <summary>A high score: ask the customer to review the products they bought.</summary>
    AskForReview,
}
