using System.Collections.Immutable;
using CsCheck;
using CustomerCare.Channels;
using CustomerCare.Channels.Files;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Channels.Files;

public sealed class EmailContentTests
{
    [Fact]
    public void APlainTextMessage_HasOnlyATextBody()
    {
        Assert.True(EmailContent.TryFrom(Message("Merhaba", "text/plain; charset=utf-8"), out var content, out _));

        Assert.Equal(new EmailContent("Merhaba", null), content);
    }

    [Fact]
    public void AnHtmlMessage_TakesItsTextAlternativeFromTheMetadata_WhenGiven()
    {
        var message = Message("<p>Merhaba</p>", "TEXT/HTML") with { Metadata = ImmutableDictionary<string, string>.Empty.Add(EmailContent.TextAlternativeKey, "Merhaba!") };

        Assert.True(EmailContent.TryFrom(message, out var content, out _));

        Assert.Equal(new EmailContent("Merhaba!", "<p>Merhaba</p>"), content);
    }

    [Fact]
    public void AnUnsupportedMediaType_IsRefused_NamingTheContentType()
    {
        Assert.False(EmailContent.TryFrom(Message("{}", "application/json"), out _, out var error));

        Assert.Equal("field 'content_type': value 'application/json' is not an e-mail body type; text/plain or text/html is expected", error.Message);
    }

    [Theory]
    [InlineData("<p>Bir</p><p>İki</p>", "Bir\n\nİki")]
    [InlineData("<DIV>Satır<BR>alt satır</DIV>", "Satır\nalt satır")]
    [InlineData("<UL><LI>Hız</LI><LI>Ürün</LI></UL>", "- Hız\n- Ürün")]
    [InlineData("<script>alert('x')</script><STYLE>p{}</STYLE><TITLE>Başlık</TITLE>Gövde", "Gövde")]
    [InlineData("a &lt; b &amp;&amp; c &gt; d &#304;&#305; &nbsp;son", "a < b && c > d İı son")]
    [InlineData("a < b, 3<4", "a < b, 3<4")]
    [InlineData("<!-- gizli -->görünür<!-- kapanmamış", "görünür")]
    [InlineData("önce<a href=\"https://ex.com.tr/?a=1&amp;b=2\">link</a>", "öncelink (https://ex.com.tr/?a=1&b=2)")]
    [InlineData("<a href='mailto:destek@ex.com.tr'>destek@ex.com.tr</a>", "destek@ex.com.tr")]
    [InlineData("<a href=\"javascript:x()\">tıkla</a>", "tıkla")]
    [InlineData("<table><tr><td>Ürün</td><td>1</td></tr><tr><td>Kargo</td><td>0</td></tr></table>", "Ürün 1\nKargo 0")]
    [InlineData("<img alt=\"Logo\" src=x>Metin", "LogoMetin")]
    [InlineData("metin <b title=\"a>b\">kalın</b>", "metin kalın")]
    [InlineData("   çok    boşluk\n\n\t satır   ", "çok boşluk satır")]
    [InlineData("<p>bitmemiş <b", "bitmemiş")]
    public void TextFromHtml_KeepsTheTextAndItsBreaks_UnderTurkishCulture(string html, string text)
    {
        using var turkish = new TurkishCulture();

        Assert.Equal(text, EmailContent.TextFromHtml(html));
    }

    [Fact]
    public void TextFromHtml_NeverThrows_AndGivesTrimmedText_WhateverTheInput()
    {
        Gen.String[Gen.Char["<>/!-=\"' abIİıiLlpP&#;\n"], 0, 80].Sample(html =>
        {
            var text = EmailContent.TextFromHtml(html);
            Assert.Equal(text.Trim(), text);
            Assert.DoesNotContain("\n\n\n", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void TextFromHtml_OfTextWithoutMarkup_OnlyCollapsesWhiteSpace()
    {
        Gen.String[Gen.Char["abIİıişŞ \t\n"], 0, 80].Sample(plain =>
            Assert.Equal(string.Join(' ', plain.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries)), EmailContent.TextFromHtml(plain)));
    }

    private static OutboundMessage Message(string body, string contentType) => new("m-1", "email", "ayse@example.com", body) { ContentType = contentType };
}
