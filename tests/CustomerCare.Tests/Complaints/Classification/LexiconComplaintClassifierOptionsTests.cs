using CustomerCare.Complaints;
using CustomerCare.Complaints.Classification;
using CustomerCare.Customers;
using Microsoft.Extensions.Options;

namespace CustomerCare.Tests.Complaints.Classification;

public sealed class LexiconComplaintClassifierOptionsTests
{
    private static readonly Locale Turkish = Locale.Parse("tr-TR");

    [Fact]
    public void ExtraTerm_AddsToTheBuiltInLexicon()
    {
        const string text = "kuryeniz paketi fırlattı";
        Assert.Equal(ComplaintCategory.Other, new LexiconComplaintClassifier().Classify(text, Turkish).Category);
        var options = new LexiconComplaintClassifierOptions()
            .AddCategoryTerm(ComplaintLanguage.Turkish, ComplaintCategory.ServiceDissatisfaction, "fırlat*", 2)
            .AddSentimentTerm(ComplaintLanguage.Turkish, Sentiment.Negative, "fırlat*", 1);

        var result = new LexiconComplaintClassifier(options).Classify(text, Turkish);

        Assert.Equal(ComplaintCategory.ServiceDissatisfaction, result.Category);
        Assert.Equal(Sentiment.Negative, result.Sentiment);
        Assert.Contains(result.Evidence, e => e.Term == "fırlat*" && e.Category == ComplaintCategory.ServiceDissatisfaction);
    }

    [Fact]
    public void ExtraTerm_InOneLanguage_LeavesTheOtherAlone()
    {
        var options = new LexiconComplaintClassifierOptions()
            .AddCategoryTerm(ComplaintLanguage.English, ComplaintCategory.Damaged, "kaputt", 3);
        var classifier = new LexiconComplaintClassifier(options);

        Assert.Equal(ComplaintCategory.Damaged, classifier.Classify("kaputt", Locale.Parse("en-US")).Category);
        Assert.Equal(ComplaintCategory.Other, classifier.Classify("kaputt", Turkish).Category);
    }

    [Fact]
    public void WithoutBuiltInTerms_OnlyTheGivenTermsMatch_ButNegationStillWorks()
    {
        var options = new LexiconComplaintClassifierOptions { IncludeBuiltInTerms = false }
            .AddSentimentTerm(ComplaintLanguage.Turkish, Sentiment.Positive, "memnun*", 2);
        var classifier = new LexiconComplaintClassifier(options);

        Assert.Equal(ComplaintCategory.Other, classifier.Classify("ürün kırık geldi", Turkish).Category);
        Assert.Equal(Sentiment.Positive, classifier.Classify("memnun kaldım", Turkish).Sentiment);
        Assert.Equal(Sentiment.Negative, classifier.Classify("memnun değilim", Turkish).Sentiment);
    }

    [Fact]
    public void OptionsPattern_Constructor_ReadsTheOptions()
    {
        var classifier = new LexiconComplaintClassifier(Options.Create(new LexiconComplaintClassifierOptions { MaxAnalyzedLength = 100 }));

        Assert.Equal(100, classifier.MaxAnalyzedLength);
    }

    [Theory]
    [InlineData(63)]
    [InlineData(1_000_001)]
    public void MaxAnalyzedLength_OutOfRange_IsRefusedNamingTheSetting(int length)
    {
        var error = Assert.Throws<ArgumentException>(() => new LexiconComplaintClassifier(new LexiconComplaintClassifierOptions { MaxAnalyzedLength = length }));

        Assert.Contains($"MaxAnalyzedLength {length}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void MinimumCategoryScore_Invalid_IsRefused(double score)
    {
        var error = Assert.Throws<ArgumentException>(() => new LexiconComplaintClassifier(new LexiconComplaintClassifierOptions { MinimumCategoryScore = score }));

        Assert.Contains("MinimumCategoryScore", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullTerm_IsRefusedWithItsIndex()
    {
        var options = new LexiconComplaintClassifierOptions().AddCategoryTerm(ComplaintLanguage.English, ComplaintCategory.Damaged, "bent");
        options.Terms.Add(null!);

        var error = Assert.Throws<ArgumentException>(() => new LexiconComplaintClassifier(options));

        Assert.Contains("Terms[1]", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("geç*kal", "column 4")]
    [InlineData("çok   kırık*x", "column 12")]
    [InlineData("kargo, iade", "column 1")]
    [InlineData("   ", "is empty")]
    [InlineData("!", "has no words")]
    public void LexiconTerm_MalformedPhrase_IsRefusedSayingWhere(string phrase, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new LexiconTerm(ComplaintLanguage.Turkish, ComplaintCategory.Damaged, phrase, 1));

        Assert.Equal("phrase", error.ParamName);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LexiconTerm_InvalidArguments_AreRefused()
    {
        Assert.Throws<ArgumentNullException>(() => new LexiconTerm(ComplaintLanguage.Turkish, ComplaintCategory.Damaged, null!, 1));
        Assert.Equal("category", Assert.Throws<ArgumentException>(() => new LexiconTerm(ComplaintLanguage.Turkish, ComplaintCategory.Other, "x", 1)).ParamName);
        Assert.Equal("polarity", Assert.Throws<ArgumentException>(() => new LexiconTerm(ComplaintLanguage.Turkish, Sentiment.Neutral, "x", 1)).ParamName);
        Assert.Equal("weight", Assert.Throws<ArgumentException>(() => new LexiconTerm(ComplaintLanguage.Turkish, ComplaintCategory.Damaged, "x", 0)).ParamName);
        Assert.Equal("weight", Assert.Throws<ArgumentException>(() => new LexiconTerm(ComplaintLanguage.Turkish, ComplaintCategory.Damaged, "x", 11)).ParamName);
        Assert.Equal("language", Assert.Throws<ArgumentException>(() => new LexiconTerm((ComplaintLanguage)7, ComplaintCategory.Damaged, "x", 1)).ParamName);
    }

    [Fact]
    public void LexiconTerm_EqualValues_AreEqual()
    {
        Assert.Equal(
            new LexiconTerm(ComplaintLanguage.English, Sentiment.Positive, " lovely ", 2),
            new LexiconTerm(ComplaintLanguage.English, Sentiment.Positive, "lovely", 2));
    }

    [Fact]
    public void GetBuiltInLexicon_UndefinedLanguage_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => LexiconComplaintClassifier.GetBuiltInLexicon((ComplaintLanguage)9));
    }
}
