using System.Collections.Immutable;
using CustomerCare.Channels;
using CustomerCare.Channels.Files;
using CustomerCare.MailKit.Tests.Support;
using MimeKit;

namespace CustomerCare.MailKit.Tests;

/// <summary>Messages sent to the shared aiosmtpd server and read back from its Maildir with MimeKit.</summary>
public sealed class SmtpChannelDeliveryTests : IDisposable
{
    private readonly SmtpChannel _channel;

    public SmtpChannelDeliveryTests()
    {
        _channel = SharedSmtp.IsMissing ? null! : new SmtpChannel(TestChannels.Options(SharedSmtp.Host, SharedSmtp.Port), TestChannels.Clock());
    }

    public void Dispose() => _channel?.Dispose();

    [SkippableFact]
    public async Task ATurkishTextMessage_ArrivesIntact_WithItsAddressesAndDerivedMessageId()
    {
        Skip.If(SharedSmtp.IsMissing, SharedSmtp.SkipReason);
        var id = TestChannels.UniqueId("ack/CMP-7KQ2");
        var message = TestChannels.Text(id);

        var result = await _channel.SendAsync(message);

        var delivered = Maildir.Single(SharedSmtp.Maildir!, id);
        var expectedId = EmailMessageId.Create(id, "care.example.com.tr");
        Assert.Equal(SendResult.Sent("<" + expectedId + ">"), result);
        Assert.Equal("Şikâyetiniz alındı: ğüşıöç İĞÜŞÖÇ", delivered.Subject);
        Assert.Equal(expectedId, delivered.MessageId);
        var from = Assert.IsType<MailboxAddress>(Assert.Single(delivered.From));
        Assert.Equal(("Müşteri Hizmetleri", TestChannels.From), (from.Name, from.Address));
        Assert.Equal("ayse.yilmaz@example.com.tr", Assert.IsType<MailboxAddress>(Assert.Single(delivered.To)).Address);
        Assert.Equal(message.Body, Maildir.Lines(delivered.TextBody));
        Assert.Null(delivered.HtmlBody);
        Assert.Equal("text/plain", delivered.Body?.ContentType.MimeType);
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 9, 30, 0, TimeSpan.Zero), delivered.Date);
    }

    [SkippableFact]
    public async Task AnHtmlMessageWithItsTextAlternative_IsMultipartAlternative_WithBothPartsAsGiven()
    {
        Skip.If(SharedSmtp.IsMissing, SharedSmtp.SkipReason);
        var id = TestChannels.UniqueId("coupon/bday");
        var message = new OutboundMessage(id, "email", "ayse.yilmaz@example.com.tr", "<p>İyi ki doğdun <b>Ayşe</b>!</p><p>Kodun: <code>DOGUM-2027</code></p>")
        {
            Subject = "Doğum günün kutlu olsun",
            ContentType = "text/html; charset=utf-8",
            Metadata = ImmutableDictionary<string, string>.Empty.Add(EmailContent.TextAlternativeKey, "İyi ki doğdun Ayşe!\nKodun: DOGUM-2027"),
        };

        Assert.Equal(SendStatus.Sent, (await _channel.SendAsync(message)).Status);

        var delivered = Maildir.Single(SharedSmtp.Maildir!, id);
        Assert.Equal("multipart/alternative", delivered.Body?.ContentType.MimeType);
        Assert.Equal("İyi ki doğdun Ayşe!\nKodun: DOGUM-2027", Maildir.Lines(delivered.TextBody));
        Assert.Equal(message.Body, Maildir.Lines(delivered.HtmlBody));
    }

    [SkippableFact]
    public async Task AnHtmlOnlyMessage_GetsATextPartDerivedFromTheHtml()
    {
        Skip.If(SharedSmtp.IsMissing, SharedSmtp.SkipReason);
        var id = TestChannels.UniqueId("survey");
        var html = "<html><head><style>p{color:red}</style></head><body><h1>Görüşünüz bizim için önemli</h1>"
            + "<p>Siparişiniz &#8220;teslim edildi&#8221;. Değerlendirin:</p><ul><li>Hız</li><li>Ürün</li></ul>"
            + "<p><a href=\"https://example.com.tr/anket/42\">Ankete katılın</a></p></body></html>";
        var message = new OutboundMessage(id, "email", "mehmet@example.com.tr", html) { Subject = "Anket", ContentType = "text/html" };

        Assert.Equal(SendStatus.Sent, (await _channel.SendAsync(message)).Status);

        var delivered = Maildir.Single(SharedSmtp.Maildir!, id);
        Assert.Equal("multipart/alternative", delivered.Body?.ContentType.MimeType);
        Assert.Equal(
            "Görüşünüz bizim için önemli\n\nSiparişiniz “teslim edildi”. Değerlendirin:\n\n- Hız\n- Ürün\n\nAnkete katılın (https://example.com.tr/anket/42)",
            Maildir.Lines(delivered.TextBody));
        Assert.Equal(EmailContent.TextFromHtml(html), Maildir.Lines(delivered.TextBody));
        Assert.Equal(html, Maildir.Lines(delivered.HtmlBody));
    }

    [SkippableFact]
    public async Task TheSameIdSentTwice_IsDeliveredOnce_AndReportedSentBothTimes()
    {
        Skip.If(SharedSmtp.IsMissing, SharedSmtp.SkipReason);
        var id = TestChannels.UniqueId("ack/CMP-1/email");

        var first = await _channel.SendAsync(TestChannels.Text(id));
        var second = await _channel.SendAsync(TestChannels.Text(id));

        Assert.Equal(first, second);
        Assert.Equal(SendStatus.Sent, second.Status);
        Maildir.Single(SharedSmtp.Maildir!, id);
    }

    [SkippableFact]
    public async Task ConcurrentSends_TakeTurnsOnTheConnection_AndEachArrivesOnce()
    {
        Skip.If(SharedSmtp.IsMissing, SharedSmtp.SkipReason);
        var ids = Enumerable.Range(0, 12).Select(i => TestChannels.UniqueId("parallel-" + i)).ToArray();

        var results = await Task.WhenAll(ids.Select(id => Task.Run(async () => await _channel.SendAsync(TestChannels.Text(id)))));

        Assert.All(results, r => Assert.Equal(SendStatus.Sent, r.Status));
        var delivered = Maildir.Read(SharedSmtp.Maildir!).Select(m => m.Headers["X-CustomerCare-Message-Id"]).Where(ids.Contains).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), delivered.Order(StringComparer.Ordinal));
    }
}
