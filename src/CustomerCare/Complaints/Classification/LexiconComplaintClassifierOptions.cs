namespace CustomerCare.Complaints.Classification;

/// <summary>Settings of the <see cref="LexiconComplaintClassifier"/>: extra terms, and the limits it works within.</summary>
/// <remarks>The classifier reads the options once, when it is created; changing them later has no effect on it.</remarks>
public sealed class LexiconComplaintClassifierOptions
{
    /// <summary>The smallest <see cref="MaxAnalyzedLength"/> allowed.</summary>
    public const int MinAnalyzedLength = 64;

    /// <summary>The largest <see cref="MaxAnalyzedLength"/> allowed.</summary>
    public const int MaxAnalyzedLengthLimit = 1_000_000;

    /// <summary>
    /// Terms added to the built-in lexicons. Each adds to what the built-in terms say; a phrase that is also built in
    /// counts for both.
    /// </summary>
    public IList<LexiconTerm> Terms { get; } = new List<LexiconTerm>();

    /// <summary>
    /// Whether the built-in Turkish and English lexicons are used. Default <see langword="true"/>. When
    /// <see langword="false"/>, only <see cref="Terms"/> are matched (negation, intensifier, contrast and language
    /// detection words stay built in).
    /// </summary>
    public bool IncludeBuiltInTerms { get; set; } = true;

    /// <summary>
    /// How many characters of a text are read; the rest is ignored. Default 4,000, which is more than any complaint form
    /// or social post holds; allowed <see cref="MinAnalyzedLength"/> to <see cref="MaxAnalyzedLengthLimit"/>. The cap
    /// bounds the time and memory one call can take whatever a caller sends.
    /// </summary>
    public int MaxAnalyzedLength { get; set; } = 4000;

    /// <summary>
    /// The score the best category needs to be reported; below it the text is <see cref="ComplaintCategory.Other"/>.
    /// Default 1, the weight of one ordinary term. At least 0.
    /// </summary>
    public double MinimumCategoryScore { get; set; } = 1;

    /// <summary>Adds a category term (see <see cref="LexiconTerm"/> for the phrase syntax).</summary>
    /// <param name="language">The language of the phrase.</param>
    /// <param name="category">The category.</param>
    /// <param name="phrase">The phrase.</param>
    /// <param name="weight">How much one match counts.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentException">The term is invalid; see <see cref="LexiconTerm"/>.</exception>
    public LexiconComplaintClassifierOptions AddCategoryTerm(ComplaintLanguage language, ComplaintCategory category, string phrase, double weight = 1)
    {
        Terms.Add(new LexiconTerm(language, category, phrase, weight));
        return this;
    }

    /// <summary>Adds a sentiment term (see <see cref="LexiconTerm"/> for the phrase syntax).</summary>
    /// <param name="language">The language of the phrase.</param>
    /// <param name="polarity"><see cref="Sentiment.Negative"/> or <see cref="Sentiment.Positive"/>.</param>
    /// <param name="phrase">The phrase.</param>
    /// <param name="weight">How much one match counts.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentException">The term is invalid; see <see cref="LexiconTerm"/>.</exception>
    public LexiconComplaintClassifierOptions AddSentimentTerm(ComplaintLanguage language, Sentiment polarity, string phrase, double weight = 1)
    {
        Terms.Add(new LexiconTerm(language, polarity, phrase, weight));
        return this;
    }
}
