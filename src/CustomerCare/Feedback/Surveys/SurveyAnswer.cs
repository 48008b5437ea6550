using NodaTime;

namespace CustomerCare.Feedback.Surveys;

/// <summary>A customer's answer to a survey, with the follow-up decided when it was recorded.</summary>
/// <param name="Score">The score, inside the range of the survey's kind.</param>
/// <param name="Comment">The customer's comment, when any.</param>
/// <param name="AnsweredAt">When the customer answered.</param>
/// <param name="FollowUp">The follow-up decided from the score when the answer was recorded; kept so that a repeated answer gets the same result even after the thresholds change.</param>
public sealed record SurveyAnswer(int Score, string? Comment, Instant AnsweredAt, SurveyFollowUpAction FollowUp);
