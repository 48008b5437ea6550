using CustomerCare.Hosting;
using CustomerCare.Notifications;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Hosting.Tests;

/// <summary>A job of the test's own, registered through AddHostedJob: it fails while told to, and counts its runs.</summary>
internal sealed class FlakyJob : IHostedJob
{
    private int _runs;

    public string Name => "flaky";

    public int FailuresLeft { get; set; }

    public int Runs => _runs;

    public ValueTask<string?> RunAsync(JobContext context, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _runs);
        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            throw new InvalidOperationException("the report server refused the upload");
        }

        return ValueTask.FromResult<string?>("uploaded");
    }
}

/// <summary>A long job of the test's own: it starts, says so, and runs until the host stops it.</summary>
internal sealed class LongJob : IHostedJob
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => "long";

    public Task Started => _started.Task;

    public async ValueTask<string?> RunAsync(JobContext context, CancellationToken cancellationToken = default)
    {
        _started.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return null;
    }
}

internal static class Messages
{
    public static async Task EnqueueAsync(IOutboxStore outbox, Instant now, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var id = "msg-" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            await outbox.EnqueueAsync(new OutboxMessage
            {
                Id = id,
                Channel = Channels.OutboundChannelNames.Email,
                Recipient = "ayse@example.com.tr",
                Subject = "Siparişiniz yolda",
                Body = "Merhaba Ayşe, siparişiniz " + id + " kargoya verildi.",
                EnqueuedAt = now,
                DueAt = now,
            });
        }
    }
}
