using System.Text;
using CustomerCare.Channels.Files;

namespace CustomerCare.Tests.Channels.Files;

public sealed class MimeTextTests
{
    [Theory]
    [InlineData("Şikâyetiniz alındı")]
    [InlineData("ğüşıöç İĞÜŞÖÇ ğüşıöç İĞÜŞÖÇ ğüşıöç İĞÜŞÖÇ ğüşıöç İĞÜŞÖÇ ğüşıöç İĞÜŞÖÇ")]
    [InlineData("🎁🎁🎁🎁🎁🎁🎁🎁🎁🎁🎁🎁🎁🎁🎁 hediye")]
    [InlineData("Satır\r\nBcc: saldirgan@example.com")]
    [InlineData("")]
    public void EncodedWords_DecodeToTheText_EachWordWholeUtf8AndShortEnough(string text)
    {
        var encoded = MimeText.EncodedWords(text);

        Assert.Equal(text, MimeDecoding.EncodedWords(encoded));
        Assert.All(encoded.Split("\r\n "), word => Assert.InRange(word.Length, 12, 75));
        Assert.DoesNotContain("Bcc:", encoded, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Order shipped", "Order shipped")]
    [InlineData("Tab\there", null)]
    [InlineData("Looks =?like?= a word", null)]
    [InlineData("Kargo yolda", "Kargo yolda")]
    [InlineData("Kargonuz İstanbul'da", null)]
    public void Unstructured_LeavesPlainAsciiAlone_AndEncodesTheRest(string value, string? raw)
    {
        var written = MimeText.Unstructured(value);

        Assert.Equal(raw ?? MimeText.EncodedWords(value), written);
    }

    [Theory]
    [InlineData("Care Team", "Care Team")]
    [InlineData("Care, Team \"Istanbul\"", "\"Care, Team \\\"Istanbul\\\"\"")]
    public void Phrase_QuotesSpecials(string name, string written) => Assert.Equal(written, MimeText.Phrase(name));

    [Theory]
    [InlineData("Merhaba Ayşe,\nşikâyetinizi aldık.")]
    [InlineData("sonunda boşluk   \nve sekme\t\nson satır ")]
    [InlineData("a=b; 100% =?")]
    [InlineData("")]
    public void QuotedPrintable_RoundTrips_InLinesOfAtMost76(string text)
    {
        var encoded = MimeText.QuotedPrintable(text);

        Assert.Equal(text, MimeDecoding.QuotedPrintable(encoded));
        Assert.All(encoded.Split("\r\n"), line => Assert.True(line.Length <= 76, line));
        Assert.All(encoded.Split("\r\n"), line => Assert.False(line.EndsWith(' ') || line.EndsWith('\t'), "trailing white space is encoded"));
    }

    [Fact]
    public void QuotedPrintable_OfALongTurkishLine_BreaksSoftlyWithoutSplittingAnEscape()
    {
        var text = string.Concat(Enumerable.Repeat("ş ğ ı İ ", 60));

        var encoded = MimeText.QuotedPrintable(text);

        Assert.Equal(text, MimeDecoding.QuotedPrintable(encoded));
        Assert.True(encoded.Split("\r\n").Length > 5);
        Assert.All(encoded.Split("\r\n")[..^1], line => Assert.EndsWith("=", line, StringComparison.Ordinal));
        Assert.Equal(Encoding.ASCII.GetByteCount(encoded), encoded.Length);
    }
}
