using System.Text;
using CustomerCare.Channels;
using CustomerCare.Channels.Files;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Tests.Channels.Files;

public sealed class FileChannelMboxTests : IDisposable
{
    private const string Domain = "care.example.com.tr";
    private readonly TemporaryFolder _folder = new();
    private readonly FakeClock _clock = new(Instant.FromUtc(2027, 3, 1, 9, 30));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task TwoEmails_AreTwoEntries_WithSeparatorEntryLineAndQuotedFromLines()
    {
        using var channel = Channel();

        var first = await channel.SendAsync(new OutboundMessage("ack/CMP-1/email", "email", "ayse@example.com.tr", "From here on, İyi günler.\n>From the shop") { Subject = "Şikâyetiniz alındı" });
        _clock.Advance(Duration.FromSeconds(5));
        await channel.SendAsync(new OutboundMessage("ack/CMP-2/email", "email", "ilker@example.com.tr", "ikinci"));

        var local = EmailMessageId.LocalPart("ack/CMP-1/email");
        Assert.Equal(SendResult.Sent("<" + local + "@" + Domain + ">"), first);
        Assert.Equal(Path.Combine(_folder.Path, "email.mbox"), channel.OutputPath);
        var text = await File.ReadAllTextAsync(channel.OutputPath);
        var entries = Entries(text);
        Assert.Equal(2, entries.Count);
        Assert.StartsWith("From MAILER-DAEMON Mon Mar  1 09:30:00 2027\nX-CustomerCare-Mbox-Entry: ", entries[0], StringComparison.Ordinal);
        Assert.StartsWith("From MAILER-DAEMON Mon Mar  1 09:30:05 2027\n", entries[1], StringComparison.Ordinal);
        Assert.Contains("\n>From here on, =C4=B0yi g=C3=BCnler.\n", entries[0], StringComparison.Ordinal);
        Assert.EndsWith("\n>>From the shop", entries[0], StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\nFrom ", text[1..].Replace("\n\nFrom MAILER-DAEMON", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.EndsWith("\n\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEntryLine_GivesTheLengthOfTheMessageAfterIt_AndItsMessageId()
    {
        using var channel = Channel();

        await channel.SendAsync(new OutboundMessage("m-1", "email", "ayse@example.com.tr", "Merhaba"));

        var bytes = await File.ReadAllBytesAsync(channel.OutputPath);
        var text = Encoding.UTF8.GetString(bytes);
        var entryLine = text.Split('\n')[1];
        Assert.Matches("^X-CustomerCare-Mbox-Entry: [0-9]{10} <" + System.Text.RegularExpressions.Regex.Escape(EmailMessageId.LocalPart("m-1")) + "@care\\.example\\.com\\.tr>$", entryLine);
        var length = int.Parse(entryLine.AsSpan(27, 10), System.Globalization.CultureInfo.InvariantCulture);
        var messageStart = text.IndexOf(entryLine, StringComparison.Ordinal) + entryLine.Length + 1;
        Assert.Equal(bytes.Length, messageStart + length + 1);
        Assert.StartsWith("Message-ID: <", text[messageStart..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReopenedChannel_SkipsTheIdsTheMailboxHolds()
    {
        using (var first = Channel())
        {
            await first.SendAsync(new OutboundMessage("m-1", "email", "ayse@example.com.tr", "bir"));
        }

        using var second = Channel();
        var again = await second.SendAsync(new OutboundMessage("m-1", "email", "ayse@example.com.tr", "yine bir"));
        await second.SendAsync(new OutboundMessage("m-2", "email", "ayse@example.com.tr", "iki"));

        Assert.Equal(SendStatus.Sent, again.Status);
        var entries = Entries(await File.ReadAllTextAsync(second.OutputPath));
        Assert.Equal(2, entries.Count);
        Assert.DoesNotContain("yine", entries[0] + entries[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(30)]
    [InlineData(60)]
    [InlineData(110)]
    [InlineData(900)]
    [InlineData(-1)]
    public async Task AnEntryTornByACrash_IsCutOff_AndItsMessageWrittenAgain(int bytesKept)
    {
        using (var first = Channel())
        {
            await first.SendAsync(new OutboundMessage("m-1", "email", "ayse@example.com.tr", "bir"));
            await first.SendAsync(new OutboundMessage("m-2", "email", "ayse@example.com.tr", new string('ş', 300)));
        }

        var path = Path.Combine(_folder.Path, "email.mbox");
        var whole = await File.ReadAllBytesAsync(path);
        // The mailbox is ASCII here (quoted-printable bodies, encoded words), so characters are bytes.
        var lastEntry = Encoding.ASCII.GetString(whole).LastIndexOf("\n\nFrom MAILER-DAEMON ", StringComparison.Ordinal) + 2;
        await using (var torn = new FileStream(path, FileMode.Open))
        {
            // Kept bytes of the last entry: none, inside the separator, inside the entry line, inside the message, all but its last.
            torn.SetLength(bytesKept < 0 ? whole.Length + bytesKept : lastEntry + bytesKept);
        }

        using var second = Channel();
        var result = await second.SendAsync(new OutboundMessage("m-2", "email", "ayse@example.com.tr", new string('ş', 300)));

        Assert.Equal(SendStatus.Sent, result.Status);
        // Written again at the same instant, the mailbox is byte for byte what it was before the crash.
        Assert.Equal(whole, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task AFileTheChannelDidNotWrite_IsATransientFailure_NamingTheByte_AndIsLeftAsItIs()
    {
        var path = Path.Combine(_folder.Path, "email.mbox");
        await File.WriteAllTextAsync(path, "From someone Mon Mar  1 09:30:00 2027\nSubject: elle yazıldı\n\ngövde\n\n");
        var before = await File.ReadAllBytesAsync(path);
        using var channel = Channel();

        var result = await channel.SendAsync(new OutboundMessage("m-1", "email", "ayse@example.com.tr", "bir"));

        Assert.Equal(SendStatus.TransientFailure, result.Status);
        Assert.Contains("byte 0 does not start an entry", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task AMessageNoMailCouldCarry_IsAPermanentFailure_AndWritesNothing()
    {
        using var channel = Channel();

        var result = await channel.SendAsync(new OutboundMessage("bad", "email", "ayse(at)example.com", "x"));

        Assert.Equal(SendStatus.PermanentFailure, result.Status);
        Assert.False(File.Exists(channel.OutputPath));
    }

    [Fact]
    public void ALogForEmail_IsRefused_NamingTheOption()
    {
        var error = Assert.Throws<FieldValidationException>(() => new FileChannelOptions { Folder = _folder.Path, EmailFormat = FileChannelFormat.Log }.Validate());

        var field = Assert.Single(error.Errors);
        Assert.Equal(("EmailFormat", "Log"), (field.Field, field.AttemptedValue));
    }

    /// <summary>The entries of a mailbox, split at the separator lines.</summary>
    private static List<string> Entries(string text) =>
        [.. text.Split("\n\nFrom MAILER-DAEMON ").Select((entry, i) => i == 0 ? entry : "From MAILER-DAEMON " + entry)];

    private FileChannel Channel() => new("email", FileChannelFormat.Mbox, new FileChannelOptions { Folder = _folder.Path, From = "destek@example.com.tr", FromName = "Müşteri Hizmetleri", MessageIdDomain = Domain }, _clock);
}
