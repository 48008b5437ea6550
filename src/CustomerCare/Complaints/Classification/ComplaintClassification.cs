namespace CustomerCare.Complaints.Classification;

/// <summary>The outcome of classifying one text: category, sentiment, confidence and the evidence behind them.</summary>
/// <param name="Category">The category; <see cref="ComplaintCategory.Other"/> when no category had enough evidence.</param>
/// <param name="Sentiment">The sentiment.</param>
/// <param name="Confidence">
/// How sure the category is, from 0 to 1. For a category it is the chosen category's score divided by the sum of all
/// category scores plus one, so thin or split evidence gives a low value. For <see cref="ComplaintCategory.Other"/> it is
/// <c>1 / (1 + best score)</c>: 1 when nothing matched at all.
/// </param>
/// <param name="CategoryScore">
/// The summed weight of the evidence for the chosen category. For <see cref="ComplaintCategory.Other"/>, the best
/// category's score that fell short of the minimum (0 when no category term matched).
/// </param>
/// <param name="SentimentScore">
/// Positive evidence minus negative evidence, including what the evidence list does not show: a complaint category's
/// own weight, negations outside any term, and writing in capitals. At least +0.5 reads as
/// <see cref="Sentiment.Positive"/>, at most -0.5 as <see cref="Sentiment.Negative"/>.
/// </param>
/// <param name="Language">The language whose lexicon was applied (given by the locale or detected).</param>
/// <param name="Evidence">The lexicon terms that matched, in text order, with their spans in the text.</param>
/// <param name="AnalyzedLength">
/// How many characters of the text were read; less than the text's length when it was longer than the classifier's cap.
/// </param>
public sealed record ComplaintClassification(
    ComplaintCategory Category,
    Sentiment Sentiment,
    double Confidence,
    double CategoryScore,
    double SentimentScore,
    ComplaintLanguage Language,
    IReadOnlyList<ClassificationEvidence> Evidence,
    int AnalyzedLength);
