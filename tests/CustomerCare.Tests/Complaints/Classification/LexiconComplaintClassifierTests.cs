using CustomerCare.Complaints;
using CustomerCare.Complaints.Classification;
using CustomerCare.Customers;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Complaints.Classification;

public sealed class LexiconComplaintClassifierTests
{
    private static readonly Locale Turkish = Locale.Parse("tr-TR");
    private static readonly Locale English = Locale.Parse("en-GB");
    private readonly LexiconComplaintClassifier _classifier = new();

    [Theory]
    [InlineData("Kargom hâlâ gelmedi, 1 haftadır bekliyorum", ComplaintCategory.LateDelivery)]
    [InlineData("kargom hala gelmedi", ComplaintCategory.LateDelivery)]
    [InlineData("Kargo geç kaldı", ComplaintCategory.LateDelivery)]
    [InlineData("Siparişim hiç gelmedi", ComplaintCategory.NeverDelivered)]
    [InlineData("Kargo kaybolmuş", ComplaintCategory.NeverDelivered)]
    [InlineData("Ürün kırık geldi", ComplaintCategory.Damaged)]
    [InlineData("urun kirilmis halde geldi", ComplaintCategory.Damaged)]
    [InlineData("Yanlış ürün gönderilmiş", ComplaintCategory.WrongItem)]
    [InlineData("İadem ne zaman yatacak", ComplaintCategory.ReturnRefund)]
    [InlineData("Müşteri hizmetlerine ulaşamıyorum", ComplaintCategory.CommunicationProblem)]
    [InlineData("Maillerime cevap vermiyorsunuz", ComplaintCategory.UnansweredQuestion)]
    [InlineData("Talebim yanlış anlaşılmış", ComplaintCategory.Misunderstanding)]
    [InlineData("Temsilci çok kaba davrandı", ComplaintCategory.ServiceDissatisfaction)]
    [InlineData("Faturamı e-posta ile gönderir misiniz?", ComplaintCategory.Other)]
    public void Classify_TurkishComplaint_GetsItsCategory(string text, ComplaintCategory expected)
    {
        using var culture = new TurkishCulture();

        var result = _classifier.Classify(text, Turkish);

        Assert.Equal(expected, result.Category);
        Assert.Equal(ComplaintLanguage.Turkish, result.Language);
    }

    [Theory]
    [InlineData("My parcel never arrived", ComplaintCategory.NeverDelivered)]
    [InlineData("The order is five days late", ComplaintCategory.LateDelivery)]
    [InlineData("The mug arrived broken", ComplaintCategory.Damaged)]
    [InlineData("You sent me the wrong size", ComplaintCategory.WrongItem)]
    [InlineData("I still haven't got my refund", ComplaintCategory.ReturnRefund)]
    [InlineData("Nobody replied to my email", ComplaintCategory.UnansweredQuestion)]
    [InlineData("I can't reach your customer service", ComplaintCategory.CommunicationProblem)]
    [InlineData("The agent was rude", ComplaintCategory.ServiceDissatisfaction)]
    [InlineData("Do you ship to Germany?", ComplaintCategory.Other)]
    public void Classify_EnglishComplaint_GetsItsCategory(string text, ComplaintCategory expected)
    {
        var result = _classifier.Classify(text, English);

        Assert.Equal(expected, result.Category);
        Assert.Equal(ComplaintLanguage.English, result.Language);
    }

    [Theory]
    [InlineData("İADE İSTİYORUM")]
    [InlineData("IADE ISTIYORUM")]
    [InlineData("ıade ıstıyorum")]
    [InlineData("iade istiyorum")]
    public void Classify_DottedAndDotlessIUnderTurkishCulture_ReadTheSame(string text)
    {
        using var culture = new TurkishCulture();

        var result = _classifier.Classify(text, Turkish);

        Assert.Equal(ComplaintCategory.ReturnRefund, result.Category);
        Assert.Equal("~iade*", Assert.Single(result.Evidence).Term);
    }

    [Theory]
    [InlineData("hizmetinizden memnun değilim", Sentiment.Negative)]
    [InlineData("hizmetinizden memnun kalmadım", Sentiment.Negative)]
    [InlineData("hizmetinizden çok memnunum", Sentiment.Positive)]
    [InlineData("teslimat sorunsuzdu", Sentiment.Positive)]
    [InlineData("I am not happy with the service", Sentiment.Negative)]
    [InlineData("I am very happy with the service", Sentiment.Positive)]
    [InlineData("not bad, thanks", Sentiment.Positive)]
    public void Classify_Negation_TurnsTheSentiment(string text, Sentiment expected)
    {
        Assert.Equal(expected, _classifier.Classify(text).Sentiment);
    }

    [Fact]
    public void Classify_NegatedVerb_CountsOnlyForTermsThatNeedIt()
    {
        var missing = _classifier.Classify("Siparişim gelmedi", Turkish);
        var arrived = _classifier.Classify("Siparişim geldi, teşekkürler", Turkish);

        Assert.Equal(ComplaintCategory.NeverDelivered, missing.Category);
        Assert.True(Assert.Single(missing.Evidence).Negated);
        Assert.Equal(ComplaintCategory.Other, arrived.Category);
        Assert.Equal(Sentiment.Positive, arrived.Sentiment);
    }

    [Fact]
    public void Classify_NegatedCategoryTerm_DoesNotCount()
    {
        var turkish = _classifier.Classify("Ürün kırık değil ama yanlış renk gönderilmiş", Turkish);
        var english = _classifier.Classify("The box was not damaged, it is the wrong colour", English);

        Assert.Equal(ComplaintCategory.WrongItem, turkish.Category);
        Assert.DoesNotContain(turkish.Evidence, e => e.Category == ComplaintCategory.Damaged);
        Assert.Equal(ComplaintCategory.WrongItem, english.Category);
        Assert.DoesNotContain(english.Evidence, e => e.Category == ComplaintCategory.Damaged);
    }

    [Fact]
    public void Classify_Privative_NegatesTheStem()
    {
        var result = _classifier.Classify("Sorum 1 haftadır cevapsız", Turkish);

        Assert.Equal(ComplaintCategory.UnansweredQuestion, result.Category);
        Assert.Contains(result.Evidence, e => e.Term == "!cevap*" && e.Negated);
    }

    [Fact]
    public void Classify_NegationDoesNotCrossPunctuation()
    {
        var result = _classifier.Classify("Ürün güzel. Değil mi?", Turkish);

        Assert.Equal(Sentiment.Positive, result.Sentiment);
    }

    [Fact]
    public void Classify_LongerPhrase_WinsOverTheWordInsideIt()
    {
        var result = _classifier.Classify("Tam bir hayal kırıklığı", Turkish);

        Assert.Equal(ComplaintCategory.ServiceDissatisfaction, result.Category);
        Assert.DoesNotContain(result.Evidence, e => e.Category == ComplaintCategory.Damaged);
    }

    [Fact]
    public void Classify_Evidence_PointsAtTheMatchedWords()
    {
        const string text = "Ürün KIRIK geldi 😡";

        var result = _classifier.Classify(text, Turkish);

        var damaged = Assert.Single(result.Evidence, e => e.Category == ComplaintCategory.Damaged);
        Assert.Equal("kırık*", damaged.Term);
        Assert.Equal("KIRIK", text.Substring(damaged.Start, damaged.Length));
        var angry = Assert.Single(result.Evidence, e => e.Polarity == Sentiment.Negative);
        Assert.Equal("😡", text.Substring(angry.Start, angry.Length));
    }

    [Fact]
    public void Classify_WithoutLocale_DetectsTheLanguage()
    {
        Assert.Equal(ComplaintLanguage.Turkish, _classifier.Classify("kargom gelmedi").Language);
        Assert.Equal(ComplaintLanguage.Turkish, _classifier.Classify("Ürün kırık").Language);
        Assert.Equal(ComplaintLanguage.English, _classifier.Classify("my package never arrived").Language);
        Assert.Equal(ComplaintLanguage.English, _classifier.Classify("The mug is broken", Locale.Parse("de-DE")).Language);
    }

    [Fact]
    public void Classify_Locale_OverridesDetection()
    {
        Assert.Equal(ComplaintLanguage.English, _classifier.Classify("kargom gelmedi", English).Language);
        Assert.Equal(ComplaintLanguage.Turkish, _classifier.Classify("my package never arrived", Turkish).Language);
    }

    [Fact]
    public void Classify_Null_IsRefused()
    {
        var error = Assert.Throws<ArgumentNullException>(() => _classifier.Classify(null!));

        Assert.Equal("text", error.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!.,;")]
    public void Classify_EmptyText_IsOtherAndNeutral(string text)
    {
        var result = _classifier.Classify(text);

        Assert.Equal(ComplaintCategory.Other, result.Category);
        Assert.Equal(Sentiment.Neutral, result.Sentiment);
        Assert.Equal(1, result.Confidence);
        Assert.Empty(result.Evidence);
    }

    [Fact]
    public void Classify_HugeText_ReadsOnlyTheCap()
    {
        var text = string.Concat(Enumerable.Repeat("kargo ", 200_000)) + "kırık";

        var result = _classifier.Classify(text, Turkish);

        Assert.Equal(_classifier.MaxAnalyzedLength, result.AnalyzedLength);
        Assert.Equal(ComplaintCategory.Other, result.Category);
        Assert.All(result.Evidence, e => Assert.True(e.Start + e.Length <= result.AnalyzedLength));
    }

    [Fact]
    public void Classify_CapInsideASurrogatePair_StopsBeforeIt()
    {
        var classifier = new LexiconComplaintClassifier(new LexiconComplaintClassifierOptions { MaxAnalyzedLength = 64 });
        var text = new string('a', 63) + "😡 berbat";

        var result = classifier.Classify(text);

        Assert.Equal(63, result.AnalyzedLength);
        Assert.Empty(result.Evidence);
    }

    [Fact]
    public void Classify_EqualScores_GoToTheCategoryDeclaredFirst()
    {
        var options = new LexiconComplaintClassifierOptions { IncludeBuiltInTerms = false }
            .AddCategoryTerm(ComplaintLanguage.English, ComplaintCategory.Damaged, "zork")
            .AddCategoryTerm(ComplaintLanguage.English, ComplaintCategory.LateDelivery, "blip");
        var classifier = new LexiconComplaintClassifier(options);

        Assert.Equal(ComplaintCategory.LateDelivery, classifier.Classify("zork blip", English).Category);
        Assert.Equal(ComplaintCategory.LateDelivery, classifier.Classify("blip zork", English).Category);
    }

    [Fact]
    public void Classify_Confidence_IsLowerWhenEvidenceIsSplit()
    {
        var clear = _classifier.Classify("Ürün kırık geldi, kutu ezilmiş, hasarlı", Turkish);
        var split = _classifier.Classify("Ürün kırık geldi ve geç kaldı", Turkish);

        Assert.Equal(ComplaintCategory.Damaged, clear.Category);
        Assert.InRange(clear.Confidence, 0.8, 1);
        Assert.True(split.Confidence < clear.Confidence);
    }

    [Fact]
    public void Classify_SameTextTwice_GivesEqualResults()
    {
        var first = _classifier.Classify("KARGOM HALA GELMEDİ 😡😡 rezalet");
        var second = _classifier.Classify("KARGOM HALA GELMEDİ 😡😡 rezalet");

        Assert.Equal(first with { Evidence = [] }, second with { Evidence = [] });
        Assert.Equal(first.Evidence, second.Evidence);
    }
}
