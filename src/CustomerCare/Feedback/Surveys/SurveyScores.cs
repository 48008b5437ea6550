using System.Globalization;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Feedback.Surveys;

/// <summary>Computes CSAT and NPS: from scores (pure), or from the answers stored for a time window.</summary>
/// <remarks>
/// The fixed definitions are used, not the follow-up thresholds of <see cref="SurveyOptions"/>: CSAT counts 4–5 as
/// satisfied, NPS counts 9–10 as promoters and 0–6 as detractors, so figures compare across companies. Thread-safe.
/// </remarks>
/// <param name="store">The survey store the answers are read from.</param>
public sealed class SurveyScores(ISurveyStore store)
{
    private readonly ISurveyStore _store = store ?? throw new ArgumentNullException(nameof(store));

    /// <summary>CSAT of a set of scores.</summary>
    /// <param name="scores">CSAT scores, 1–5.</param>
    /// <returns>The counts and the percentage.</returns>
    /// <exception cref="FieldValidationException">A score is outside 1–5.</exception>
    public static CsatSummary Csat(IEnumerable<int> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var (responses, satisfied) = (0, 0);
        foreach (var score in scores)
        {
            Check(SurveyKind.Csat, score, responses);
            responses++;
            satisfied += score >= 4 ? 1 : 0;
        }

        return new CsatSummary(responses, satisfied);
    }

    /// <summary>NPS of a set of scores.</summary>
    /// <param name="scores">NPS scores, 0–10.</param>
    /// <returns>The counts and the score.</returns>
    /// <exception cref="FieldValidationException">A score is outside 0–10.</exception>
    public static NpsSummary Nps(IEnumerable<int> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var (promoters, passives, detractors) = (0, 0, 0);
        foreach (var score in scores)
        {
            Check(SurveyKind.Nps, score, promoters + passives + detractors);
            if (score >= 9)
            {
                promoters++;
            }
            else if (score >= 7)
            {
                passives++;
            }
            else
            {
                detractors++;
            }
        }

        return new NpsSummary(promoters + passives + detractors, promoters, passives, detractors);
    }

    /// <summary>CSAT of the CSAT answers given in [<paramref name="from"/>, <paramref name="until"/>).</summary>
    /// <param name="from">The start, included.</param>
    /// <param name="until">The end, excluded.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The counts and the percentage.</returns>
    /// <exception cref="ArgumentException"><paramref name="until"/> is before <paramref name="from"/>.</exception>
    public async ValueTask<CsatSummary> CsatAsync(Instant from, Instant until, CancellationToken cancellationToken = default) =>
        Csat(await ScoresAsync(SurveyKind.Csat, from, until, cancellationToken).ConfigureAwait(false));

    /// <summary>NPS of the NPS answers given in [<paramref name="from"/>, <paramref name="until"/>).</summary>
    /// <param name="from">The start, included.</param>
    /// <param name="until">The end, excluded.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The counts and the score.</returns>
    /// <exception cref="ArgumentException"><paramref name="until"/> is before <paramref name="from"/>.</exception>
    public async ValueTask<NpsSummary> NpsAsync(Instant from, Instant until, CancellationToken cancellationToken = default) =>
        Nps(await ScoresAsync(SurveyKind.Nps, from, until, cancellationToken).ConfigureAwait(false));

    private async ValueTask<IEnumerable<int>> ScoresAsync(SurveyKind kind, Instant from, Instant until, CancellationToken cancellationToken)
    {
        if (until < from)
        {
            throw new ArgumentException($"The window ends ({until}) before it starts ({from}).", nameof(until));
        }

        var answered = await _store.AnswersAsync(from, until, cancellationToken).ConfigureAwait(false);
        return answered.Where(s => s.Kind == kind && s.Answer is not null).Select(s => s.Answer!.Score);
    }

    private static void Check(SurveyKind kind, int score, int index)
    {
        if (SurveyScales.Check(kind, score, string.Create(CultureInfo.InvariantCulture, $"scores[{index}]")) is { } error)
        {
            throw new FieldValidationException(error);
        }
    }
}
