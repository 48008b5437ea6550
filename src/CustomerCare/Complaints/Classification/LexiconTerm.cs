namespace CustomerCare.Complaints.Classification;

/// <summary>
/// A term a user adds to the built-in lexicons: a phrase that is evidence of a category or of a sentiment, in one
/// language.
/// </summary>
/// <remarks>
/// <para>
/// The phrase uses the lexicon syntax: words separated by spaces; a word ending in <c>*</c> is a stem that matches the
/// word followed by any suffixes of the language (<c>kargo*</c> matches <c>kargom</c>, <c>kargoya</c>,
/// <c>kargodaki</c>; <c>refund*</c> matches <c>refunded</c>); other words match exactly; a leading <c>!</c> makes the
/// phrase count only when negated (<c>!cevap ver*</c> matches <c>cevap vermediniz</c> but not <c>cevap verdiniz</c>);
/// a leading <c>~</c> makes it count the same whether negated or not (<c>~refund*</c> in <c>no refund yet</c>).
/// Otherwise a negated category phrase does not count (<c>not damaged</c>) and a negated sentiment phrase counts for
/// the other side (<c>not happy</c>).
/// Words are normalised like the text, so case, Turkish letters and doubled letters do not matter.
/// </para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed record LexiconTerm
{
    /// <summary>Creates a term that is evidence of a category.</summary>
    /// <param name="language">The language of the phrase.</param>
    /// <param name="category">The category; not <see cref="ComplaintCategory.Other"/>.</param>
    /// <param name="phrase">The phrase, in the lexicon syntax.</param>
    /// <param name="weight">How much one match counts; above 0 and at most 10. Built-in terms weigh 0.5 to 3; 1 is an ordinary term.</param>
    /// <exception cref="ArgumentNullException"><paramref name="phrase"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An argument is out of range or the phrase is malformed; the message says where.</exception>
    public LexiconTerm(ComplaintLanguage language, ComplaintCategory category, string phrase, double weight)
        : this(language, phrase, weight, LexiconSection.Category)
    {
        if (category == ComplaintCategory.Other || !Enum.IsDefined(category))
        {
            throw new ArgumentException($"Category '{category}' cannot be given terms; use one of the complaint categories.", nameof(category));
        }

        Category = category;
    }

    /// <summary>Creates a term that is evidence of a sentiment.</summary>
    /// <param name="language">The language of the phrase.</param>
    /// <param name="polarity"><see cref="Sentiment.Negative"/> or <see cref="Sentiment.Positive"/>.</param>
    /// <param name="phrase">The phrase, in the lexicon syntax.</param>
    /// <param name="weight">How much one match counts; above 0 and at most 10. Built-in terms weigh 0.5 to 3; 1 is an ordinary term.</param>
    /// <exception cref="ArgumentNullException"><paramref name="phrase"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An argument is out of range or the phrase is malformed; the message says where.</exception>
    public LexiconTerm(ComplaintLanguage language, Sentiment polarity, string phrase, double weight)
        : this(language, phrase, weight, polarity switch
        {
            Sentiment.Negative => LexiconSection.Negative,
            Sentiment.Positive => LexiconSection.Positive,
            _ => throw new ArgumentException($"Polarity '{polarity}' cannot be given terms; use Negative or Positive.", nameof(polarity)),
        })
    {
        Polarity = polarity;
    }

    private LexiconTerm(ComplaintLanguage language, string phrase, double weight, LexiconSection section)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        if (!Enum.IsDefined(language))
        {
            throw new ArgumentException($"Language '{language}' is not one the classifier covers.", nameof(language));
        }

        if (!LexiconParser.IsValidWeight(weight))
        {
            throw new ArgumentException($"Weight {weight} of phrase '{phrase}' is not above 0 and at most {LexiconParser.MaxWeight}.", nameof(weight));
        }

        if (!LexiconPhrase.TryParse(phrase, out var parsed, out var error, out var column))
        {
            throw new ArgumentException($"Phrase '{phrase}' {error} (column {column}).", nameof(phrase));
        }

        Language = language;
        Phrase = parsed!.Display;
        Weight = weight;
        Section = section;
    }

    /// <summary>The language of the phrase.</summary>
    public ComplaintLanguage Language { get; }

    /// <summary>The phrase, trimmed.</summary>
    public string Phrase { get; }

    /// <summary>The category the phrase is evidence of, or <see langword="null"/> for a sentiment term.</summary>
    public ComplaintCategory? Category { get; }

    /// <summary>The sentiment the phrase is evidence of, or <see langword="null"/> for a category term.</summary>
    public Sentiment? Polarity { get; }

    /// <summary>How much one match counts.</summary>
    public double Weight { get; }

    internal LexiconSection Section { get; }

    internal LexiconEntry ToEntry()
    {
        // The phrase was validated by the constructor; parsing again keeps the record's equality to its public values.
        if (!LexiconPhrase.TryParse(Phrase, out var parsed, out var error, out _))
        {
            throw new InvalidOperationException($"Phrase '{Phrase}' {error}.");
        }

        return new LexiconEntry(Section, Category ?? ComplaintCategory.Other, parsed!, Weight);
    }
}
