using System.Collections.Immutable;
using CustomerCare.Channels;
using CustomerCare.Channels.Files;
using CustomerCare.MailKit.Tests.Support;
using MimeKit;

namespace CustomerCare.MailKit.Tests;

/// <summary>The core file channel writes its <c>.eml</c> files by hand; MimeKit is the independent reader that checks them.</summary>
public sealed class FileChannelMimeTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AnHtmlEmailWithATurkishSubject_ReadsBackInMimeKit_AsTheSmtpChannelWouldSendIt()
    {
        using var channel = new FileChannel("email", FileChannelFormat.Eml, new FileChannelOptions { Folder = _folder.Path, From = TestChannels.From, FromName = "Müşteri \"Hizmetleri\"", MessageIdDomain = "care.example.com.tr" }, TestChannels.Clock());
        var subject = "Şikâyetiniz alındı, İlker Bey: kargonuz yolda — ğüşıöç İĞÜŞÖÇ, tekrar teşekkürler! 🎁 " + new string('ı', 40);
        var body = "<p>Merhaba <b>İlker</b>,</p><p>" + string.Concat(Enumerable.Repeat("Kargonuz yola çıktı; ş ğ ı İ. ", 12)) + "</p><p>a=b &amp; 100% </p>";
        var message = new OutboundMessage("ack/CMP-ŞĞ/email", "email", "ilker@örnek.com.tr", body)
        {
            Subject = subject,
            ContentType = "text/html",
            Metadata = ImmutableDictionary<string, string>.Empty.Add(EmailContent.TextAlternativeKey, "Merhaba İlker,\n\tkargonuz yolda.  \nSatır sonu boşluğu: "),
        };

        var result = await channel.SendAsync(message);

        var file = Assert.Single(Directory.GetFiles(Path.Combine(_folder.Path, "email")));
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.All(bytes, b => Assert.True(b < 128, "the .eml file is 7-bit ASCII"));
        using var read = MimeMessage.Load(file);
        var expectedId = EmailMessageId.Create("ack/CMP-ŞĞ/email", "care.example.com.tr");
        Assert.Equal(SendResult.Sent("<" + expectedId + ">"), result);
        Assert.Equal(expectedId, read.MessageId);
        Assert.Equal("ack/CMP-ŞĞ/email", read.Headers["X-CustomerCare-Message-Id"]);
        Assert.Equal(subject, read.Subject);
        var from = Assert.IsType<MailboxAddress>(Assert.Single(read.From));
        Assert.Equal(("Müşteri \"Hizmetleri\"", TestChannels.From), (from.Name, from.Address));
        Assert.Equal("ilker@örnek.com.tr", Assert.IsType<MailboxAddress>(Assert.Single(read.To)).Address);
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 9, 30, 0, TimeSpan.Zero), read.Date);
        Assert.Equal("multipart/alternative", read.Body?.ContentType.MimeType);
        Assert.Equal("Merhaba İlker,\n\tkargonuz yolda.  \nSatır sonu boşluğu: ", Maildir.Lines(read.TextBody));
        Assert.Equal(body, Maildir.Lines(read.HtmlBody));
        Assert.All(File.ReadAllLines(file), line => Assert.True(line.Length <= 998, "no line is longer than RFC 5322 allows"));
    }

    [Fact]
    public async Task AMailbox_ReadsBackInMimeKit_AsOneMessagePerEntry_EvenWithFromLinesInABody()
    {
        using var channel = new FileChannel("email", FileChannelFormat.Mbox, new FileChannelOptions { Folder = _folder.Path, FromName = "Müşteri Hizmetleri" }, TestChannels.Clock());
        var bodies = new[] { "Merhaba Ayşe,\nFrom now on: ğüşıöç İĞÜŞÖÇ\n\nFrom MAILER-DAEMON Mon Mar  1 09:30:00 2027", "<p>İkinci <b>ileti</b></p>", "üçüncü" };

        for (var i = 0; i < bodies.Length; i++)
        {
            await channel.SendAsync(new OutboundMessage("m-" + i, "email", "ilker@örnek.com.tr", bodies[i])
            {
                Subject = "İleti " + i + ": şikâyetiniz alındı",
                ContentType = i == 1 ? "text/html" : "text/plain",
            });
        }

        await using var stream = File.OpenRead(channel.OutputPath);
        var parser = new MimeParser(stream, MimeFormat.Mbox);
        var read = new List<MimeMessage>();
        while (!parser.IsEndOfStream)
        {
            read.Add(await parser.ParseMessageAsync());
        }

        Assert.Equal(["m-0", "m-1", "m-2"], read.Select(m => m.Headers["X-CustomerCare-Message-Id"]));
        Assert.Equal(bodies.Select((_, i) => "İleti " + i + ": şikâyetiniz alındı"), read.Select(m => m.Subject));
        Assert.Equal(EmailMessageId.Create("m-2", "localhost.invalid"), read[2].MessageId);
        Assert.Equal("ilker@örnek.com.tr", Assert.IsType<MailboxAddress>(Assert.Single(read[2].To)).Address);
        Assert.Equal("üçüncü", Maildir.Lines(read[2].TextBody));
        Assert.Equal(bodies[1], Maildir.Lines(read[1].HtmlBody));
        // mboxrd quotes the lines that start "From "; a reader that keeps the quote shows it, the message stays whole.
        Assert.Contains("From now on: ğüşıöç İĞÜŞÖÇ", read[0].TextBody, StringComparison.Ordinal);
        Assert.EndsWith("From MAILER-DAEMON Mon Mar  1 09:30:00 2027", Maildir.Lines(read[0].TextBody), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APlainTextEmail_IsASingleTextPart()
    {
        using var channel = new FileChannel("email", FileChannelFormat.Eml, new FileChannelOptions { Folder = _folder.Path }, TestChannels.Clock());

        await channel.SendAsync(TestChannels.Text("plain-1"));

        using var read = MimeMessage.Load(Assert.Single(Directory.GetFiles(channel.OutputPath)));
        Assert.Equal("text/plain", read.Body?.ContentType.MimeType);
        Assert.Equal(TestChannels.Text("plain-1").Body, Maildir.Lines(read.TextBody));
        Assert.Equal("customercare@localhost.invalid", Assert.IsType<MailboxAddress>(Assert.Single(read.From)).Address);
        Assert.Equal(EmailMessageId.Create("plain-1", "localhost.invalid"), read.MessageId);
    }
}
