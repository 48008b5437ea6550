using BenchmarkDotNet.Attributes;
using CustomerCare.Benchmarks.Sqlite;
using CustomerCare.Channels;
using CustomerCare.Channels.Files;

namespace CustomerCare.Benchmarks.Channels;

/// <summary>
/// Sends <see cref="Messages"/> e-mails through a file channel into a folder that starts empty, as the sample's
/// outbox job does: <see cref="Mailbox"/> appends them to one mbox file; <see cref="EmlFiles"/>, the baseline, writes
/// a staged <c>.eml</c> file each. Neither forces a write to disk (<see cref="FileChannelOptions.FlushToDisk"/> off, as
/// in the sample). Mean is per invocation of <see cref="Messages"/> sends.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class FileChannelWriteBenchmarks
{
    /// <summary>How many e-mails one invocation sends.</summary>
    public const int Messages = 10_000;

    private static readonly string Body = "<p>Merhaba Ayşe, <b>S-1002</b> numaralı siparişin Yurtiçi Kargo ile yola çıktı. Takip numaran: 7829 1124 5567.</p>"
        + string.Concat(Enumerable.Repeat("<p>Teslimat sırasında evde olamayacaksan kargo şubesinden teslim alabilirsin.</p>", 12));

    private string _folder = string.Empty;
    private FileChannel? _channel;
    private int _round;

    /// <summary>A mailbox channel over a new folder.</summary>
    [IterationSetup(Target = nameof(Mailbox))]
    public void SetupMailbox() => Setup(FileChannelFormat.Mbox);

    /// <summary>An <c>.eml</c> channel over a new folder.</summary>
    [IterationSetup(Target = nameof(EmlFiles))]
    public void SetupEmlFiles() => Setup(FileChannelFormat.Eml);

    /// <summary>Removes the iteration's folder.</summary>
    [IterationCleanup]
    public void Cleanup()
    {
        _channel?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Every message appended to one mailbox.</summary>
    [Benchmark]
    public Task<int> Mailbox() => SendAllAsync();

    /// <summary>Every message its own <c>.eml</c> file.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> EmlFiles() => SendAllAsync();

    private void Setup(FileChannelFormat format)
    {
        _round++;
        _folder = Directory.CreateTempSubdirectory("cc-bench-files-").FullName;
        _channel = new FileChannel("email", format, new FileChannelOptions { Folder = _folder, From = "destek@ornek-magaza.com.tr", FromName = "Örnek Mağaza", FlushToDisk = false }, FixedClock.Benchmark);
    }

    private async Task<int> SendAllAsync()
    {
        var sent = 0;
        for (var i = 0; i < Messages; i++)
        {
            var result = await _channel!.SendAsync(new OutboundMessage($"order/S-{_round:D3}-{i:D5}/order_shipped/email", "email", "ayse.yilmaz@example.com.tr", Body)
            {
                Subject = "Siparişin yola çıktı 🚚",
                ContentType = "text/html",
            });
            sent += result.Status == SendStatus.Sent ? 1 : throw new InvalidOperationException($"Message {i} was not written: {result.Error}");
        }

        return sent;
    }
}
