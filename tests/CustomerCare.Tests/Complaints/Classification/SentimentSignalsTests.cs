using CustomerCare.Complaints;
using CustomerCare.Complaints.Classification;
using CustomerCare.Customers;

namespace CustomerCare.Tests.Complaints.Classification;

public sealed class SentimentSignalsTests
{
    private static readonly Locale Turkish = Locale.Parse("tr-TR");
    private static readonly Locale English = Locale.Parse("en-GB");
    private readonly LexiconComplaintClassifier _classifier = new();

    [Fact]
    public void Capitals_AddOneToTheNegativeSide()
    {
        var calm = _classifier.Classify("siparişim hâlâ gelmedi", Turkish);
        var shouted = _classifier.Classify("SİPARİŞİM HÂLÂ GELMEDİ", Turkish);

        Assert.Equal(calm.Category, shouted.Category);
        Assert.Equal(calm.SentimentScore - 1, shouted.SentimentScore, 6);
    }

    [Fact]
    public void ShortCapitals_AreNotShouting()
    {
        Assert.Equal(
            _classifier.Classify("iade ok", Turkish).SentimentScore,
            _classifier.Classify("İADE OK", Turkish).SentimentScore);
    }

    [Theory]
    [InlineData("Şifremi unuttum, giriş yapamıyorum", "tr-TR")]
    [InlineData("I can't log in to my account", "en-GB")]
    public void NegationOutsideAnyTerm_StillReadsNegative(string text, string locale)
    {
        var result = _classifier.Classify(text, Locale.Parse(locale));

        Assert.Equal(ComplaintCategory.Other, result.Category);
        Assert.Equal(Sentiment.Negative, result.Sentiment);
    }

    [Fact]
    public void Question_WeighsAFailureHalf()
    {
        var statement = _classifier.Classify("Kargo gecikti.", Turkish);
        var question = _classifier.Classify("Kargo gecikti mi?", Turkish);

        Assert.Equal(ComplaintCategory.LateDelivery, question.Category);
        Assert.Equal(-1.5, statement.SentimentScore, 6);
        Assert.Equal(-0.75, question.SentimentScore, 6);
    }

    [Fact]
    public void ReturnRequest_WithoutComplaint_IsNeutral()
    {
        var result = _classifier.Classify("Ürünü iade etmek istiyorum, nasıl yapabilirim?", Turkish);

        Assert.Equal(ComplaintCategory.ReturnRefund, result.Category);
        Assert.Equal(Sentiment.Neutral, result.Sentiment);
    }

    [Fact]
    public void ContrastWord_StrengthensWhatFollows()
    {
        var result = _classifier.Classify("The box was fine but the service was terrible", English);

        var terrible = Assert.Single(result.Evidence, e => e.Term == "terrible");
        Assert.Equal(3, terrible.Weight);
        Assert.Equal(Sentiment.Negative, result.Sentiment);
    }

    [Fact]
    public void Intensifier_StrengthensTheNextTerm()
    {
        var plain = Assert.Single(_classifier.Classify("kötü", Turkish).Evidence);
        var strong = Assert.Single(_classifier.Classify("çok kötü", Turkish).Evidence);

        Assert.Equal(plain.Weight * 1.5, strong.Weight, 6);
    }

    [Fact]
    public void NegatedComplaintWord_IsOnlyFaintPraise()
    {
        var result = _classifier.Classify("hiçbir sorun yok", Turkish);

        var problem = Assert.Single(result.Evidence);
        Assert.Equal(Sentiment.Positive, problem.Polarity);
        Assert.True(problem.Negated);
        Assert.Equal(0.75, problem.Weight, 6);
    }
}
