namespace CustomerCare.Feedback.Surveys;

/// <summary>Customer satisfaction over a set of CSAT answers: the share of answers that are 4 or 5.</summary>
/// <param name="Responses">How many answers were counted.</param>
/// <param name="Satisfied">How many of them scored 4 or 5.</param>
public readonly record struct CsatSummary(int Responses, int Satisfied)
{
    /// <summary>The percentage of satisfied answers, 0 to 100, unrounded; <see langword="null"/> when there were no answers.</summary>
    public decimal? Percent => Responses == 0 ? null : 100m * Satisfied / Responses;
}
