using CustomerCare.Feedback.Surveys;

namespace CustomerCare.Storage;

/// <summary>What <see cref="ISurveyStore.RecordAnswerAsync"/> did, with the survey as stored after the call.</summary>
/// <param name="Outcome">Recorded, or why not.</param>
/// <param name="Survey">The survey after the call; <see langword="null"/> when not found.</param>
public sealed record SurveyAnswerWrite(SurveyAnswerWriteOutcome Outcome, Survey? Survey);

/// <summary>The outcomes of <see cref="ISurveyStore.RecordAnswerAsync"/>.</summary>
public enum SurveyAnswerWriteOutcome
{
    /// <summary>The answer was stored; the survey is now <see cref="SurveyStatus.Answered"/>.</summary>
    Recorded = 0,

    /// <summary>The survey was already answered; the stored answer is unchanged and returned.</summary>
    AlreadyAnswered,

    /// <summary>No survey has this identifier.</summary>
    NotFound,

    /// <summary>The survey is scheduled or skipped, so it takes no answer; nothing changed.</summary>
    NotOpen,
}
