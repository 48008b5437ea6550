using System.Globalization;
using CustomerCare.Privacy.Redaction;
using Xunit;

namespace CustomerCare.Tests.Privacy.Redaction;

public sealed class KnownNameTests
{
    [Theory]
    [InlineData("Merhaba, ben AYŞE YILMAZ, siparişim gelmedi.", "Merhaba, ben [NAME], siparişim gelmedi.")]
    [InlineData("ayşe yılmaz olarak kayıtlıyım", "[NAME] olarak kayıtlıyım")]
    [InlineData("Ayşe'nin siparişi", "[NAME]'nin siparişi")]
    [InlineData("Yılmaz ailesi adına yazıyorum", "[NAME] ailesi adına yazıyorum")]
    [InlineData("Ayşegül başka biri", "Ayşegül başka biri")]
    public void Redact_TheCustomersName_IsMaskedAsWholeWordsWhateverTheCase(string text, string expected)
    {
        var redactor = PersonalDataRedactor.Default.WithKnownNames("Ayşe Yılmaz");

        Assert.Equal(expected, redactor.Redact(text));
    }

    [Theory]
    [InlineData("IŞIK İNCE", "[NAME]")]
    [InlineData("ışık ince", "[NAME]")]
    [InlineData("Işık İnce", "[NAME]")]
    public void Redact_DottedAndDotlessI_FollowTurkishCasing(string text, string expected)
    {
        var redactor = PersonalDataRedactor.Default.WithKnownNames("Işık İnce");

        Assert.Equal(expected, redactor.Redact(text));
    }

    [Fact]
    public void Redact_EnglishNameInUpperCase_IsMaskedUnderTurkishCulture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("tr-TR");
            var redactor = PersonalDataRedactor.Default.WithKnownNames("Ian Smith");

            Assert.Equal("Dear [NAME], this is [NAME] writing.", redactor.Redact("Dear IAN SMITH, this is ian writing."));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void KnownNameDetector_BlankNames_AreIgnored_AndOneLetterWordsAreNotNames()
    {
        var detector = new KnownNameDetector(["  ", "A Demir"]);

        Assert.Equal(["A Demir", "Demir"], detector.Names);
        Assert.Empty(detector.Find("a b c"));
    }
}
