using System.Text;
using BenchmarkDotNet.Attributes;
using CustomerCare.Complaints.Classification;
using CustomerCare.Customers;

namespace CustomerCare.Benchmarks.Complaints;

/// <summary>
/// Classifying 100,000 complaint texts (variations of the labelled set: typed without Turkish letters, in capitals,
/// stretched, with emoji and greetings) with the lexicon classifier, beside the naive baseline that lower-cases the text
/// and calls <see cref="string.Contains(string, StringComparison)"/> for every lexicon term.
/// </summary>
[MemoryDiagnoser]
public class ClassificationBenchmarks
{
    private const int Count = 100_000;
    private static readonly Locale Turkish = Locale.Parse("tr-TR");
    private static readonly Locale English = Locale.Parse("en-GB");
    private readonly LexiconComplaintClassifier _classifier = new();
    private readonly NaiveLexiconClassifier _naive = new();
    private string[] _texts = [];
    private ComplaintLanguage[] _languages = [];

    [GlobalSetup]
    public void Setup()
    {
        var seeds = ComplaintSeeds.Load();
        var random = new Random(20261122);
        _texts = new string[Count];
        _languages = new ComplaintLanguage[Count];
        for (var i = 0; i < Count; i++)
        {
            var (language, text) = seeds[random.Next(seeds.Count)];
            _texts[i] = Vary(text, random);
            _languages[i] = language;
        }
    }

    /// <summary>Lower-casing and <c>Contains</c> over every term: category only, no sentiment, no negation.</summary>
    [Benchmark(Baseline = true)]
    public int NaiveContains()
    {
        var complaints = 0;
        for (var i = 0; i < _texts.Length; i++)
        {
            complaints += _naive.Classify(_texts[i], _languages[i]) != 0 ? 1 : 0;
        }

        return complaints;
    }

    /// <summary>The lexicon classifier with the customer's locale known: category, sentiment and evidence.</summary>
    [Benchmark]
    public int LexiconWithLocale()
    {
        var complaints = 0;
        for (var i = 0; i < _texts.Length; i++)
        {
            complaints += _classifier.Classify(_texts[i], _languages[i] == ComplaintLanguage.Turkish ? Turkish : English).Category != 0 ? 1 : 0;
        }

        return complaints;
    }

    /// <summary>The lexicon classifier detecting the language of every text first.</summary>
    [Benchmark]
    public int LexiconDetectingLanguage()
    {
        var complaints = 0;
        foreach (var text in _texts)
        {
            complaints += _classifier.Classify(text).Category != 0 ? 1 : 0;
        }

        return complaints;
    }

    private static string Vary(string text, Random random)
    {
        var builder = new StringBuilder(text.Length + 16);
        switch (random.Next(4))
        {
            case 0:
                builder.Append("Merhaba, ");
                break;
            case 1:
                builder.Append("@magaza ");
                break;
        }

        var mode = random.Next(5);
        foreach (var c in text)
        {
            builder.Append(mode switch
            {
                0 => Plain(c),
                1 => char.ToUpperInvariant(c),
                _ => c,
            });
            if (mode == 2 && char.IsLetter(c) && random.Next(12) == 0)
            {
                builder.Append(c).Append(c);
            }
        }

        switch (random.Next(4))
        {
            case 0:
                builder.Append(" 😡😡");
                break;
            case 1:
                builder.Append("!!! #sikayet");
                break;
        }

        return builder.ToString();
    }

    private static char Plain(char c) => c switch
    {
        'ş' => 's',
        'Ş' => 'S',
        'ğ' => 'g',
        'Ğ' => 'G',
        'ı' => 'i',
        'İ' => 'I',
        'ç' => 'c',
        'Ç' => 'C',
        'ö' => 'o',
        'Ö' => 'O',
        'ü' => 'u',
        'Ü' => 'U',
        _ => c,
    };
}
