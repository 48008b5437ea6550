namespace CustomerCare.Feedback.Surveys;

/// <summary>The question a satisfaction survey asks, and so the range of its score.</summary>
public enum SurveyKind
{
    /// <summary>Customer satisfaction: "How satisfied are you with this order?", scored 1 to 5.</summary>
    Csat = 0,

    /// <summary>Net promoter score: "How likely are you to recommend us?", scored 0 to 10.</summary>
    Nps = 1,
}
