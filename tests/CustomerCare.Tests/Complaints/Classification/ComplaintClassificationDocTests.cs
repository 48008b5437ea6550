using System.Globalization;
using CustomerCare.Complaints;
using CustomerCare.Complaints.Classification;
using CustomerCare.Customers;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Complaints.Classification;

/// <summary>Keeps docs/complaint-classification.md true to the code.</summary>
public sealed class ComplaintClassificationDocTests
{
    private static readonly string Doc = File.ReadAllText(RepositoryPaths.Combine("docs", "complaint-classification.md"));

    [Fact]
    public void EveryCategory_HasARowInTheTable()
    {
        Assert.All(Enum.GetNames<ComplaintCategory>(), name => Assert.Contains($"| `{name}` |", Doc, StringComparison.Ordinal));
    }

    [Fact]
    public void TheOpeningExample_GivesWhatTheDocSays()
    {
        var classifier = new LexiconComplaintClassifier();

        var result = classifier.Classify("KARGOM HALA GELMEDI 😡 1 haftadir bekliyorum", Locale.Parse("tr-TR"));

        Assert.Contains("KARGOM HALA GELMEDI 😡 1 haftadir bekliyorum", Doc, StringComparison.Ordinal);
        Assert.Equal(ComplaintCategory.LateDelivery, result.Category);
        Assert.Equal(Sentiment.Negative, result.Sentiment);
        Assert.Equal(["!hâlâ gel*", "😡", "hafta* bekl*"], result.Evidence.Select(e => e.Term).Distinct());
    }

    [Fact]
    public void TheExtensionExample_Works()
    {
        var options = new LexiconComplaintClassifierOptions()
            .AddCategoryTerm(ComplaintLanguage.Turkish, ComplaintCategory.ServiceDissatisfaction, "fırlat*", 2)
            .AddSentimentTerm(ComplaintLanguage.Turkish, Sentiment.Negative, "fırlat*", 1)
            .AddCategoryTerm(ComplaintLanguage.English, ComplaintCategory.LateDelivery, "!dispatch*", 2);
        var classifier = new LexiconComplaintClassifier(options);

        Assert.Contains(".AddCategoryTerm(ComplaintLanguage.English, ComplaintCategory.LateDelivery, \"!dispatch*\", 2);", Doc, StringComparison.Ordinal);
        Assert.Equal(ComplaintCategory.ServiceDissatisfaction, classifier.Classify("kurye paketi kapıya fırlatmış", Locale.Parse("tr-TR")).Category);
        Assert.Equal(ComplaintCategory.LateDelivery, classifier.Classify("it has not been dispatched", Locale.Parse("en-GB")).Category);
    }

    [Fact]
    public void TheDocumentedLexiconError_IsTheOneTheParserGives()
    {
        var error = Assert.Throws<FormatException>(() => LexiconParser.Parse("[Damaged]\nkırık = lots\n", "tr.lexicon"));

        Assert.Contains("\n" + error.Message + "\n", Doc, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("development", "tr")]
    [InlineData("development", "en")]
    [InlineData("held-out", "tr")]
    [InlineData("held-out", "en")]
    public void TheAccuracyTable_HasTheMeasuredNumbers(string part, string language)
    {
        var set = (part == "held-out" ? LabelledComplaints.HeldOut : LabelledComplaints.Development).Where(c => c.Language == language).ToList();
        var classifier = new LexiconComplaintClassifier();
        var results = set.Select(c => (Expected: c, Actual: classifier.Classify(c.Text, c.Locale))).ToList();
        var category = results.Count(r => r.Actual.Category == r.Expected.Category) * 100.0 / set.Count;
        var sentiment = results.Count(r => r.Actual.Sentiment == r.Expected.Sentiment) * 100.0 / set.Count;
        var name = language == "tr" ? "Turkish" : "English";

        var row = string.Create(CultureInfo.InvariantCulture, $"| {part} | {name} | {set.Count} | {category:F1} % | {sentiment:F1} % |");

        Assert.Contains(row, Doc.Replace("**", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
