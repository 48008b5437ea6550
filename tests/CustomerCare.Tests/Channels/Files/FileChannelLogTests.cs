using System.Text;
using CustomerCare.Channels;
using CustomerCare.Channels.Files;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Tests.Channels.Files;

public sealed class FileChannelLogTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly FakeClock _clock = new(Instant.FromUtc(2027, 3, 1, 9, 30));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task EachMessage_IsOneEscapedTabSeparatedLine_ThatReadsBack()
    {
        using var channel = Channel();
        var body = "Kodunuz:\t1234\r\nİyi günler \\ ş\u0007";

        await channel.SendAsync(new OutboundMessage("sms/1", "sms", "+905551112233", body));
        _clock.Advance(Duration.FromMinutes(1));
        await channel.SendAsync(new OutboundMessage("sms/2", "sms", "+905554445566", "İkinci") { Subject = "Başlık" });

        var lines = await File.ReadAllLinesAsync(Path.Combine(_folder.Path, "sms.log"));
        Assert.Equal(Path.Combine(_folder.Path, "sms.log"), channel.OutputPath);
        Assert.Equal(
            [
                "2027-03-01T09:30:00Z\tsms/1\t+905551112233\t\tKodunuz:\\t1234\\r\\nİyi günler \\\\ ş\\u0007",
                "2027-03-01T09:31:00Z\tsms/2\t+905554445566\tBaşlık\tİkinci",
            ],
            lines);
        Assert.Equal(body, LogLine.Unescape(lines[0].Split('\t')[4]));
    }

    [Fact]
    public async Task TheSameIdTwice_IsLoggedOnce_EvenAcrossARestart()
    {
        using (var before = Channel())
        {
            await before.SendAsync(new OutboundMessage("push/1", "sms", "device-1", "bir"));
            await before.SendAsync(new OutboundMessage("push/1", "sms", "device-1", "bir"));
        }

        using var after = Channel();
        var again = await after.SendAsync(new OutboundMessage("push/1", "sms", "device-1", "bir"));
        await after.SendAsync(new OutboundMessage("push/2", "sms", "device-1", "iki"));

        Assert.Equal(SendStatus.Sent, again.Status);
        Assert.Equal(["push/1", "push/2"], (await File.ReadAllLinesAsync(after.OutputPath)).Select(l => l.Split('\t')[1]));
    }

    [Fact]
    public async Task ALineTornByACrash_IsCutOff_AndItsMessageWrittenAgain()
    {
        var log = Path.Combine(_folder.Path, "sms.log");
        await File.WriteAllTextAsync(log, "2027-03-01T09:00:00Z\tsms/1\t+90555\t\tbir\n2027-03-01T09:00:01Z\tsms/2\t+90", new UTF8Encoding(false));
        using var channel = Channel();

        var first = await channel.SendAsync(new OutboundMessage("sms/1", "sms", "+90555", "bir"));
        var torn = await channel.SendAsync(new OutboundMessage("sms/2", "sms", "+90555", "iki"));

        Assert.Equal((SendStatus.Sent, SendStatus.Sent), (first.Status, torn.Status));
        Assert.Equal(
            ["2027-03-01T09:00:00Z\tsms/1\t+90555\t\tbir", "2027-03-01T09:30:00Z\tsms/2\t+90555\t\tiki"],
            await File.ReadAllLinesAsync(log));
    }

    [Fact]
    public async Task ConcurrentSends_AppendWholeLines_OnePerId()
    {
        using var channel = Channel();

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () => await channel.SendAsync(new OutboundMessage("sms/" + (i % 20), "sms", "+90555", new string('ş', 500))))));

        var lines = await File.ReadAllLinesAsync(channel.OutputPath);
        Assert.Equal(20, lines.Length);
        Assert.Equal(20, lines.Select(l => l.Split('\t')[1]).Distinct().Count());
        Assert.All(lines, l => Assert.Equal(5, l.Split('\t').Length));
    }

    [Fact]
    public async Task ABlankRecipient_IsAPermanentFailure()
    {
        using var channel = Channel();

        var result = await channel.SendAsync(new OutboundMessage("sms/1", "sms", " ", "x"));

        Assert.Equal(SendResult.Permanent("field 'recipient': value ' ' is required"), result);
    }

    private FileChannel Channel() => new("sms", FileChannelFormat.Log, new FileChannelOptions { Folder = _folder.Path }, _clock);
}
