namespace CustomerCare.Feedback.Surveys;

/// <summary>What recording an answer did: recorded (now or before) with its follow-up, or why it was refused.</summary>
/// <param name="Status">Recorded, repeated, or the stable reason for the refusal.</param>
/// <param name="SurveyId">The survey the answer was for.</param>
/// <param name="FollowUp">The follow-up of the stored answer; <see cref="SurveyFollowUpAction.None"/> when refused.</param>
/// <param name="Survey">The survey as stored after the call, including the first answer on a conflict; <see langword="null"/> when unknown.</param>
public sealed record SurveyOutcome(SurveyAnswerStatus Status, SurveyId SurveyId, SurveyFollowUpAction FollowUp, Survey? Survey)
{
    /// <summary>Whether the survey now holds this answer (recorded by this call or by an earlier identical one).</summary>
    public bool Succeeded => Status is SurveyAnswerStatus.Recorded or SurveyAnswerStatus.AlreadyRecorded;
}

/// <summary>The stable outcomes of <see cref="SurveyService.RecordAnswerAsync"/>.</summary>
public enum SurveyAnswerStatus
{
    /// <summary>The answer was stored by this call.</summary>
    Recorded = 0,

    /// <summary>The same score was recorded before; the first result is returned and nothing changed.</summary>
    AlreadyRecorded,

    /// <summary>No survey has this identifier.</summary>
    UnknownSurvey,

    /// <summary>The survey is still scheduled: its invitation has not gone out.</summary>
    NotSent,

    /// <summary>The survey was skipped and never sent.</summary>
    Skipped,

    /// <summary>The answer came at or after the survey's <see cref="Survey.ExpiresAt"/>.</summary>
    Expired,

    /// <summary>The survey already holds a different score: a typed conflict, not a retry. <see cref="SurveyOutcome.Survey"/> carries the first answer.</summary>
    Conflict,
}
