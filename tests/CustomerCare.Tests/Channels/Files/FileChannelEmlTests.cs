using System.Text;
using CustomerCare.Channels;
using CustomerCare.Channels.Files;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Tests.Channels.Files;

public sealed class FileChannelEmlTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly FakeClock _clock = new(Instant.FromUtc(2027, 3, 1, 9, 30));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AnEmail_IsOneEmlFile_NamedByItsMessageId_WithTurkishHeadersEncoded()
    {
        using var channel = Channel();
        var message = new OutboundMessage("ack/CMP-7KQ2/email", "email", "ayse@example.com.tr", "Merhaba Ayşe,\nşikâyetinizi aldık.") { Subject = "Şikâyetiniz alındı: ğüşıöç İĞÜŞÖÇ" };

        var result = await channel.SendAsync(message);

        var local = EmailMessageId.LocalPart("ack/CMP-7KQ2/email");
        var file = Assert.Single(Directory.GetFiles(channel.OutputPath));
        Assert.Equal(Path.Combine(_folder.Path, "email", local + ".eml"), file);
        Assert.Equal(SendResult.Sent("<" + local + "@care.example.com.tr>"), result);
        var (headers, body) = Split(await File.ReadAllTextAsync(file));
        Assert.Equal("<" + local + "@care.example.com.tr>", headers["Message-ID"]);
        Assert.Equal("ack/CMP-7KQ2/email", headers["X-CustomerCare-Message-Id"]);
        Assert.Equal("Mon, 01 Mar 2027 09:30:00 +0000", headers["Date"]);
        Assert.Equal("Müşteri Hizmetleri", MimeDecoding.EncodedWords(headers["From"][..headers["From"].IndexOf(" <", StringComparison.Ordinal)]));
        Assert.EndsWith(" <destek@example.com.tr>", headers["From"], StringComparison.Ordinal);
        Assert.Equal("ayse@example.com.tr", headers["To"]);
        Assert.Equal("Şikâyetiniz alındı: ğüşıöç İĞÜŞÖÇ", MimeDecoding.EncodedWords(headers["Subject"]));
        Assert.Equal("text/plain; charset=utf-8", headers["Content-Type"]);
        Assert.Equal("quoted-printable", headers["Content-Transfer-Encoding"]);
        Assert.Equal(message.Body + "\n", MimeDecoding.QuotedPrintable(body));
    }

    [Fact]
    public async Task AnHtmlEmail_IsMultipartAlternative_WithTheDerivedTextFirst()
    {
        using var channel = Channel();

        await channel.SendAsync(new OutboundMessage("m-html", "email", "ayse@example.com.tr", "<p>Kodun: <b>DOGUM-2027</b></p>") { Subject = "Hediye", ContentType = "text/html" });

        var (headers, body) = Split(await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(channel.OutputPath))));
        var boundary = "=_cc_" + EmailMessageId.LocalPart("m-html").Split('.')[1];
        Assert.Equal("multipart/alternative; boundary=\"" + boundary + "\"", headers["Content-Type"]);
        var parts = body.Split("--" + boundary);
        Assert.Equal(4, parts.Length);
        Assert.Equal("--\r\n", parts[3]);
        var (textHeaders, text) = Split(parts[1].TrimStart('\r', '\n'));
        var (htmlHeaders, html) = Split(parts[2].TrimStart('\r', '\n'));
        Assert.Equal(("text/plain; charset=utf-8", "Kodun: DOGUM-2027\n"), (textHeaders["Content-Type"], MimeDecoding.QuotedPrintable(text)));
        Assert.Equal(("text/html; charset=utf-8", "<p>Kodun: <b>DOGUM-2027</b></p>\n"), (htmlHeaders["Content-Type"], MimeDecoding.QuotedPrintable(html)));
    }

    [Fact]
    public async Task TheSameIdTwice_WritesOnce_AndTwoInstancesRacingForOneId_WriteOneWholeFile()
    {
        using var first = Channel();
        using var second = Channel();
        var message = new OutboundMessage("ack/CMP-1/email", "email", "ayse@example.com.tr", "ilk") { Subject = "Bir" };

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            await (i % 2 == 0 ? first : second).SendAsync(message with { Body = "gövde " + i }))));
        var again = await first.SendAsync(message with { Body = "sonra" });

        Assert.All(results, r => Assert.Equal(SendStatus.Sent, r.Status));
        Assert.Equal(SendStatus.Sent, again.Status);
        var file = Assert.Single(Directory.GetFiles(first.OutputPath, "*", SearchOption.AllDirectories));
        Assert.Matches("^gövde [0-7]\n$", MimeDecoding.QuotedPrintable(Split(await File.ReadAllTextAsync(file)).Body));
    }

    [Fact]
    public async Task ATemporaryFileAKilledProcessLeftInTheStagingFolder_IsNoMessage_AndDoesNotStopTheSend()
    {
        using var channel = Channel();
        var staging = Path.Combine(channel.OutputPath, ".tmp");
        Directory.CreateDirectory(staging);
        var torn = Path.Combine(staging, EmailMessageId.LocalPart("m-1") + ".eml.0badc0de.tmp");
        await File.WriteAllTextAsync(torn, "Subject: yarım kal");

        var result = await channel.SendAsync(new OutboundMessage("m-1", "email", "ayse@example.com", "tamamı"));

        Assert.Equal(SendStatus.Sent, result.Status);
        var file = Assert.Single(Directory.GetFiles(channel.OutputPath));
        Assert.Equal(Path.Combine(channel.OutputPath, EmailMessageId.LocalPart("m-1") + ".eml"), file);
        Assert.Equal("tamamı\n", MimeDecoding.QuotedPrintable(Split(await File.ReadAllTextAsync(file)).Body));
        Assert.Equal([torn], Directory.GetFiles(staging));
    }

    [Fact]
    public async Task ASubjectWithALineBreak_CannotAddAHeader()
    {
        using var channel = Channel();

        await channel.SendAsync(new OutboundMessage("inject", "email", "ayse@example.com.tr", "x") { Subject = "Merhaba\r\nBcc: herkes@example.com" });

        var text = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(channel.OutputPath)));
        Assert.DoesNotContain("\nBcc:", text, StringComparison.Ordinal);
        Assert.Equal("Merhaba\r\nBcc: herkes@example.com", MimeDecoding.EncodedWords(Split(text).Headers["Subject"]));
    }

    [Theory]
    [InlineData("ayse(at)example.com", "text/plain", "field 'recipient': value 'ayse(at)example.com' is not an e-mail address: it has no '@'")]
    [InlineData("ayse@example.com", "image/png", "field 'content_type': value 'image/png' is not an e-mail body type; text/plain or text/html is expected")]
    public async Task AMessageNoMailCouldCarry_IsAPermanentFailure_AndWritesNothing(string recipient, string contentType, string error)
    {
        using var channel = Channel();

        var result = await channel.SendAsync(new OutboundMessage("bad", "email", recipient, "x") { ContentType = contentType });

        Assert.Equal(SendResult.Permanent(error), result);
        Assert.False(Directory.Exists(channel.OutputPath));
    }

    [Fact]
    public async Task AFolderThatCannotBeCreated_IsATransientFailure()
    {
        var blocker = Path.Combine(_folder.Path, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "a file where the folder should be");
        using var channel = new FileChannel("email", FileChannelFormat.Eml, new FileChannelOptions { Folder = blocker }, _clock);

        var result = await channel.SendAsync(new OutboundMessage("m-1", "email", "ayse@example.com", "x"));

        Assert.Equal(SendStatus.TransientFailure, result.Status);
        Assert.Contains("not-a-folder", result.Error, StringComparison.Ordinal);
    }

    private FileChannel Channel() => new("email", FileChannelFormat.Eml, new FileChannelOptions { Folder = _folder.Path, From = "destek@example.com.tr", FromName = "Müşteri Hizmetleri", MessageIdDomain = "care.example.com.tr" }, _clock);

    /// <summary>Splits RFC 5322 text into unfolded headers by name and the body.</summary>
    private static (Dictionary<string, string> Headers, string Body) Split(string text)
    {
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(end > 0, "a blank line ends the headers");
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in text[..end].Split("\r\n"))
        {
            if (line.StartsWith(' ') && last is not null)
            {
                headers[last] += "\r\n" + line;
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            last = line[..colon];
            Assert.True(headers.TryAdd(last, line[(colon + 2)..]), "header " + last + " appears once");
        }

        Assert.Equal(Encoding.ASCII.GetByteCount(text[..end]), Encoding.UTF8.GetByteCount(text[..end]));
        return (headers, text[(end + 4)..]);
    }
}
