namespace CustomerCare.Feedback.Surveys;

/// <summary>
/// Net promoter score over a set of NPS answers: the percentage of promoters (9–10) minus the percentage of
/// detractors (0–6); passives (7–8) count only in the total.
/// </summary>
/// <param name="Responses">How many answers were counted.</param>
/// <param name="Promoters">How many scored 9 or 10.</param>
/// <param name="Passives">How many scored 7 or 8.</param>
/// <param name="Detractors">How many scored 0 to 6.</param>
public readonly record struct NpsSummary(int Responses, int Promoters, int Passives, int Detractors)
{
    /// <summary>The score, −100 to 100, unrounded; <see langword="null"/> when there were no answers.</summary>
    public decimal? Score => Responses == 0 ? null : 100m * (Promoters - Detractors) / Responses;
}
