using CustomerCare.Customers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerCare.Complaints.Classification;

/// <summary>
/// The built-in <see cref="IComplaintClassifier"/>: matches Turkish and English lexicons of complaint phrases against a
/// normalised text, with Turkish suffix stripping and negation, and sums the evidence.
/// </summary>
/// <remarks>
/// <para>
/// How a text is read (see <c>docs/complaint-classification.md</c> for the full account):
/// </para>
/// <list type="number">
/// <item>The first <see cref="LexiconComplaintClassifierOptions.MaxAnalyzedLength"/> characters are split into words,
/// numbers and emoji, and each word is normalised: Turkish case folding (<c>I</c>, <c>ı</c>, <c>İ</c>, <c>i</c> are one
/// letter), Turkish letters folded to Latin (<c>ş→s</c>, <c>ğ→g</c> …), repeated letters collapsed.</item>
/// <item>The language is the locale's when it is Turkish or English; otherwise it is detected from Turkish letters,
/// common words and lexicon hits, Turkish winning a tie.</item>
/// <item>Lexicon phrases are matched. A stem (<c>kargo*</c>) matches a word followed by a chain of Turkish suffixes or
/// English inflections. At each word the longest phrase wins (more words, then more matched letters, then the earlier
/// lexicon line); a phrase lying wholly inside a longer match is dropped.</item>
/// <item>Negation: a Turkish word is negated by its own ending (<c>gelmedi</c>, <c>ulaşamıyorum</c>, <c>cevapsız</c>)
/// or by <c>değil</c>/<c>yok</c> right after it; a negative verb within the next two words (<c>memnun kalmadım</c>) also
/// negates it for sentiment. An English word is negated by <c>not</c>, <c>no</c>, <c>never</c>, <c>didn't</c> … within
/// the three words before it. Negation does not cross punctuation or a contrast word (<c>ama</c>, <c>but</c>). A
/// negated category term does not count, unless it is marked to count only when negated (<c>!gel*</c>) or either way
/// (<c>~iade*</c>). A negated sentiment term counts for the other side (a negated complaint word only half).</item>
/// <item>The category with the highest summed weight wins if it reaches
/// <see cref="LexiconComplaintClassifierOptions.MinimumCategoryScore"/>; a tie goes to the category declared first in
/// <see cref="ComplaintCategory"/>. Otherwise the text is <see cref="ComplaintCategory.Other"/>.</item>
/// <item>Sentiment is positive minus negative evidence (an intensifier before a term multiplies it by 1.5, and so does a
/// contrast word anywhere before it); a category other than <see cref="ComplaintCategory.ReturnRefund"/> adds 0.75 of
/// negative evidence per unit of its score, at most 1.5 (half that when the text ends with a question), since
/// reporting a failure is a complaint even without angry words; each negation that negated no term adds 0.5 (at most
/// 1), and writing in capitals adds 1. At least +0.5 is positive, at most -0.5 negative.</item>
/// </list>
/// <para>
/// Thread safety: the classifier is immutable after construction and <see cref="Classify"/> may be called from any
/// number of threads at once. Each thread reuses its own working buffers, so a call allocates only its result.
/// </para>
/// </remarks>
public sealed partial class LexiconComplaintClassifier : IComplaintClassifier
{
    private readonly CompiledLexicon _turkish;
    private readonly CompiledLexicon _english;
    private readonly int _maxAnalyzedLength;
    private readonly double _minimumCategoryScore;

    /// <summary>Creates a classifier with the built-in lexicons and default settings.</summary>
    public LexiconComplaintClassifier()
        : this(new LexiconComplaintClassifierOptions())
    {
    }

    /// <summary>Creates a classifier from options registered with the options pattern.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message names the setting and its value.</exception>
    [ActivatorUtilitiesConstructor]
    public LexiconComplaintClassifier(IOptions<LexiconComplaintClassifierOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    /// <summary>Creates a classifier.</summary>
    /// <param name="options">The options; read once, here.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message names the setting and its value.</exception>
    public LexiconComplaintClassifier(LexiconComplaintClassifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxAnalyzedLength is < LexiconComplaintClassifierOptions.MinAnalyzedLength or > LexiconComplaintClassifierOptions.MaxAnalyzedLengthLimit)
        {
            throw new ArgumentException(
                $"MaxAnalyzedLength {options.MaxAnalyzedLength} is outside {LexiconComplaintClassifierOptions.MinAnalyzedLength}..{LexiconComplaintClassifierOptions.MaxAnalyzedLengthLimit}.",
                nameof(options));
        }

        if (!double.IsFinite(options.MinimumCategoryScore) || options.MinimumCategoryScore < 0)
        {
            throw new ArgumentException($"MinimumCategoryScore {options.MinimumCategoryScore} is not a finite number of at least 0.", nameof(options));
        }

        var terms = options.Terms.ToArray();
        var missing = Array.IndexOf(terms, null);
        if (missing >= 0)
        {
            throw new ArgumentException($"Terms[{missing}] is null.", nameof(options));
        }

        _maxAnalyzedLength = options.MaxAnalyzedLength;
        _minimumCategoryScore = options.MinimumCategoryScore;
        _turkish = Compile(ComplaintLanguage.Turkish, options.IncludeBuiltInTerms, terms);
        _english = Compile(ComplaintLanguage.English, options.IncludeBuiltInTerms, terms);
    }

    /// <summary>How many characters of a text are read (see <see cref="LexiconComplaintClassifierOptions.MaxAnalyzedLength"/>).</summary>
    public int MaxAnalyzedLength => _maxAnalyzedLength;

    /// <summary>The text of a built-in lexicon, for review: its syntax is explained in its header.</summary>
    /// <param name="language">The language.</param>
    /// <returns>The lexicon text.</returns>
    /// <exception cref="ArgumentException"><paramref name="language"/> is not a defined language.</exception>
    public static string GetBuiltInLexicon(ComplaintLanguage language)
    {
        if (!Enum.IsDefined(language))
        {
            throw new ArgumentException($"Language '{language}' is not one the classifier covers.", nameof(language));
        }

        return BuiltInLexicons.Text(language);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Only the first <see cref="MaxAnalyzedLength"/> characters are read (never splitting a surrogate pair);
    /// <see cref="ComplaintClassification.AnalyzedLength"/> says how many were. An empty or blank text is
    /// <see cref="ComplaintCategory.Other"/> and <see cref="Sentiment.Neutral"/>. Thread-safe.
    /// </remarks>
    public ComplaintClassification Classify(string text, Locale? locale = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var length = Math.Min(text.Length, _maxAnalyzedLength);
        if (length < text.Length && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        var source = text.AsSpan(0, length);
        var scratch = ClassificationScratch.Rent(length);
        try
        {
            var count = ComplaintTextNormalizer.Tokenize(source, scratch.Text, scratch.Tokens, out var letters, out var capitals);
            var lexicon = LexiconOf(locale);
            var matched = false;
            if (lexicon is null)
            {
                // Detection matches every word against both lexicons; the winner's matches are kept for the analysis.
                matched = true;
                MatchWords(_turkish, scratch, count, scratch.Words, scratch.WordStart);
                MatchWords(_english, scratch, count, scratch.OtherWords, scratch.OtherWordStart);
                lexicon = _turkish;
                if (DetectLanguage(source, scratch, count) == ComplaintLanguage.English)
                {
                    lexicon = _english;
                    scratch.SwapWords();
                }
            }

            return Analyze(lexicon, source, scratch, count, matched, IsShouting(letters, capitals));
        }
        finally
        {
            ClassificationScratch.Return(scratch);
        }
    }

    private static CompiledLexicon Compile(ComplaintLanguage language, bool includeBuiltIn, LexiconTerm[] terms)
    {
        var extra = terms.Where(t => t.Language == language).Select(t => t.ToEntry()).ToList();
        if (includeBuiltIn && extra.Count == 0)
        {
            return BuiltInLexicons.Compiled(language);
        }

        var builtIn = BuiltInLexicons.Entries(language)
            .Where(e => includeBuiltIn || e.Section is not (LexiconSection.Category or LexiconSection.Negative or LexiconSection.Positive));
        return CompiledLexicon.Build(language, builtIn.Concat(extra));
    }

    private CompiledLexicon? LexiconOf(Locale? locale)
    {
        if (locale is { } known)
        {
            if (IsLanguage(known.Name, "tr"))
            {
                return _turkish;
            }

            if (IsLanguage(known.Name, "en"))
            {
                return _english;
            }
        }

        return null;
    }

    private static bool IsLanguage(string tag, string language) =>
        tag.StartsWith(language, StringComparison.OrdinalIgnoreCase) && (tag.Length == language.Length || tag[language.Length] == '-');

    private ComplaintLanguage DetectLanguage(ReadOnlySpan<char> source, ClassificationScratch scratch, int count)
    {
        var turkish = 0;
        var english = 0;
        foreach (var c in source)
        {
            if (ComplaintTextNormalizer.IsTurkishLetter(c))
            {
                turkish += 3;
                break;
            }
        }

        for (var k = 0; k < count; k++)
        {
            if (scratch.Tokens[k].Kind != TokenKind.Word)
            {
                continue;
            }

            turkish += Signal(_turkish, scratch.Words.AsSpan(scratch.WordStart[k]..scratch.WordStart[k + 1]));
            english += Signal(_english, scratch.OtherWords.AsSpan(scratch.OtherWordStart[k]..scratch.OtherWordStart[k + 1]));
        }

        return english > turkish ? ComplaintLanguage.English : ComplaintLanguage.Turkish;
    }

    // A common word of the language counts 2, any other word its lexicon knows 1.
    private static int Signal(CompiledLexicon lexicon, ReadOnlySpan<WordMatch> matches)
    {
        if (matches.IsEmpty)
        {
            return 0;
        }

        foreach (var match in matches)
        {
            if ((lexicon.RolesOf(match.WordId) & WordRoles.StopWord) != 0)
            {
                return 2;
            }
        }

        return 1;
    }
}
