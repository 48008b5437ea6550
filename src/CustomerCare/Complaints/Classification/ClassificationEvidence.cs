namespace CustomerCare.Complaints.Classification;

/// <summary>One lexicon term that matched a complaint's text, and what it counted towards.</summary>
/// <param name="Term">The lexicon term as written in the lexicon, such as <c>geç kal*</c> or <c>not happy</c>.</param>
/// <param name="Start">Where the matched words start in the classified text (a UTF-16 index).</param>
/// <param name="Length">How many UTF-16 characters the matched words span.</param>
/// <param name="Category">The category the term counted towards, or <see langword="null"/> for a sentiment term.</param>
/// <param name="Polarity">
/// The sentiment the term counted towards after negation (<see cref="Sentiment.Negative"/> or
/// <see cref="Sentiment.Positive"/>), or <see langword="null"/> for a category term.
/// </param>
/// <param name="Weight">
/// How much it counted: the term's weight; for a sentiment term times 1.5 after an intensifier, times 1.5 after a
/// contrast word, and halved when negation turned a complaint word into praise.
/// </param>
/// <param name="Negated">
/// Whether the words were negated (<c>gelmedi</c>, <c>memnun değilim</c>, <c>not happy</c>). A sentiment term that is
/// negated counts for the opposite polarity; a category term marked "counts only when negated" needs it.
/// </param>
public readonly record struct ClassificationEvidence(
    string Term,
    int Start,
    int Length,
    ComplaintCategory? Category,
    Sentiment? Polarity,
    double Weight,
    bool Negated);
