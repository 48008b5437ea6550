using System.Globalization;
using CustomerCare.Complaints;
using CustomerCare.Complaints.Classification;

namespace CustomerCare.Benchmarks.Complaints;

/// <summary>
/// The naive way to use the same lexicons: lower-case the text with the Turkish culture and test
/// <see cref="string.Contains(string, StringComparison)"/> for every term (stems cut at the <c>*</c>), summing weights per
/// category. No Turkish-letter folding, no suffix check, no negation: the baseline the real classifier is measured against.
/// </summary>
internal sealed class NaiveLexiconClassifier
{
    private static readonly CultureInfo Turkish = CultureInfo.GetCultureInfo("tr-TR");
    private readonly (string Term, int Category, double Weight)[] _turkish;
    private readonly (string Term, int Category, double Weight)[] _english;

    public NaiveLexiconClassifier()
    {
        _turkish = Terms(ComplaintLanguage.Turkish);
        _english = Terms(ComplaintLanguage.English);
    }

    public ComplaintCategory Classify(string text, ComplaintLanguage language)
    {
        var lower = text.ToLower(Turkish);
        Span<double> scores = stackalloc double[10];
        foreach (var (term, category, weight) in language == ComplaintLanguage.Turkish ? _turkish : _english)
        {
            if (lower.Contains(term, StringComparison.Ordinal))
            {
                scores[category] += weight;
            }
        }

        var best = 0;
        for (var c = 1; c < scores.Length; c++)
        {
            if (scores[c] > scores[best] && scores[c] >= 1)
            {
                best = c;
            }
        }

        return (ComplaintCategory)best;
    }

    private static (string, int, double)[] Terms(ComplaintLanguage language) =>
    [
        .. BuiltInLexicons.Entries(language)
            .Where(e => e.Section == LexiconSection.Category)
            .Select(e => (e.Phrase.Display.TrimStart('!', '~').Replace("*", string.Empty, StringComparison.Ordinal).ToLower(Turkish), (int)e.Category, e.Weight)),
    ];
}
