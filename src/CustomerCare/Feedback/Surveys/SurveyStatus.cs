namespace CustomerCare.Feedback.Surveys;

/// <summary>Where a survey is in its life: scheduled, then sent or skipped, then perhaps answered.</summary>
public enum SurveyStatus
{
    /// <summary>Waiting for its due instant; nothing went to the customer yet.</summary>
    Scheduled = 0,

    /// <summary>Claimed by a send run and handed out as an invitation; open for an answer until it expires.</summary>
    Sent,

    /// <summary>Not sent, for the <see cref="Survey.SkipReason"/>; it takes no answer.</summary>
    Skipped,

    /// <summary>Answered once; the answer never changes.</summary>
    Answered,
}
