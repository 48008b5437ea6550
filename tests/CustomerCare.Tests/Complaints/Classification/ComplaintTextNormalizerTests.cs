using CustomerCare.Complaints.Classification;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Complaints.Classification;

public sealed class ComplaintTextNormalizerTests
{
    [Theory]
    [InlineData("İADE")]
    [InlineData("IADE")]
    [InlineData("ıade")]
    [InlineData("iade")]
    [InlineData("Iade")]
    [InlineData("I\u0307ADE")]
    public void Normalize_AllFourIsUnderTurkishCulture_GiveOneWord(string word)
    {
        using var culture = new TurkishCulture();

        Assert.Equal("iade", ComplaintTextNormalizer.Normalize(word));
    }

    [Theory]
    [InlineData("ŞİKAYETİM ÇÖZÜLMEDİ, ÜRÜN DEĞİŞMEDİ", "sikayetim cozulmedi urun degismedi")]
    [InlineData("Kargom hâlâ gelmedi", "kargom hala gelmedi")]
    [InlineData("sikayetim cozulmedi", "sikayetim cozulmedi")]
    [InlineData("Iğdır'a gönderilmiş", "igdira gonderilmis")]
    public void Normalize_TurkishLetters_FoldToTheirLatinLookAlikes(string text, string expected)
    {
        using var culture = new TurkishCulture();

        Assert.Equal(expected, ComplaintTextNormalizer.Normalize(text));
    }

    [Theory]
    [InlineData("cooook kötüüüü", "cok kotu")]
    [InlineData("gelmediiiii!!!", "gelmedi")]
    [InlineData("shipped", "shiped")]
    [InlineData("100 TL", "100 tl")]
    public void Normalize_RepeatedLettersCollapse_DigitsDoNot(string text, string expected)
    {
        Assert.Equal(expected, ComplaintTextNormalizer.Normalize(text));
    }

    [Theory]
    [InlineData("didn't", "didnt")]
    [InlineData("Trendyol’dan", "trendyoldan")]
    [InlineData("e-posta", "eposta")]
    [InlineData("kargo...iade???", "kargo iade")]
    [InlineData("(kargo) [iade] \"yok\"", "kargo iade yok")]
    public void Normalize_ApostrophesAndHyphensJoin_OtherPunctuationSeparates(string text, string expected)
    {
        Assert.Equal(expected, ComplaintTextNormalizer.Normalize(text));
    }

    [Fact]
    public void Tokenize_Emoji_AreTokensAndRepeatsCountOnce()
    {
        Assert.Equal("berbat 😡 👍", ComplaintTextNormalizer.Normalize("berbat😡😡😡 👍🏽"));
    }

    [Fact]
    public void Tokenize_Punctuation_StartsANewClause()
    {
        var source = "memnun, değilim";
        var text = new char[source.Length];
        var tokens = new TextToken[source.Length];

        var count = ComplaintTextNormalizer.Tokenize(source, text, tokens);

        Assert.Equal(2, count);
        Assert.True(tokens[1].StartsClause);
        Assert.Equal("değilim", source[tokens[1].SourceStart..tokens[1].SourceEnd]);
    }

    [Theory]
    [InlineData("kargo", "kargo")]
    [InlineData("İade", "iade")]
    [InlineData("kargo,", null)]
    [InlineData("kargo iade", null)]
    [InlineData("", null)]
    public void NormalizeWord_AcceptsExactlyOneWord(string word, string? expected)
    {
        Assert.Equal(expected, ComplaintTextNormalizer.NormalizeWord(word));
    }
}
