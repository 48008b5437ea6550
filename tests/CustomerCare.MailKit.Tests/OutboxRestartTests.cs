using CustomerCare.Channels;
using CustomerCare.Channels.Files;
using CustomerCare.MailKit.Tests.Support;
using CustomerCare.Notifications;
using CustomerCare.Storage.InMemory;
using NodaTime;

namespace CustomerCare.MailKit.Tests;

/// <summary>
/// The outbox over a real SMTP server that dies in the middle of a batch and comes back: every message arrives exactly
/// once, counted by <c>Message-ID</c> in the server's Maildir.
/// </summary>
public sealed class OutboxRestartTests : IDisposable
{
    private const int Messages = 40;
    private const int SentBeforeTheKill = 15;

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [SkippableFact]
    public async Task AServerKilledMidBatch_AndRestarted_ReceivesEveryMessageExactlyOnce()
    {
        Skip.If(SmtpServerProcess.Python is null, "CUSTOMERCARE_TEST_AIOSMTPD_PYTHON is not set; run test.sh.");
        using var server = SmtpServerProcess.StartMailbox(Path.Combine(_folder.Path, "maildir"));
        var clock = TestChannels.Clock();
        var outbox = new InMemoryOutboxStore();
        var ids = Enumerable.Range(1, Messages).Select(i => $"ack/CMP-{i:D3}/email").ToArray();
        foreach (var id in ids)
        {
            await outbox.EnqueueAsync(new OutboxMessage
            {
                Id = id,
                Channel = "email",
                Recipient = "musteri@example.com.tr",
                Subject = "Şikâyetiniz alındı",
                Body = "Merhaba, " + id,
                EnqueuedAt = clock.GetCurrentInstant(),
                DueAt = clock.GetCurrentInstant(),
            });
        }

        using var smtp = new SmtpChannel(TestChannels.Options("127.0.0.1", server.Port), clock);
        // The kill happens between sends, after the channel returned for message 15: nothing is in flight when the server dies.
        var channel = new AfterSends(smtp, SentBeforeTheKill, server.Kill);
        var options = new OutboxOptions { DispatcherId = "d-1", BatchSize = 10, FirstRetryAfter = Duration.FromMinutes(1) };
        var dispatcher = new OutboxDispatcher(outbox, [channel], new CustomerCare.Storage.InMemory.InMemoryConsentLedger(), clock, options);

        var beforeRestart = await DrainAsync(dispatcher);
        var stranded = await Task.WhenAll(ids.Select(async id => (await outbox.FindAsync(id))!));
        var deliveredWhileDown = Maildir.Read(server.Maildir).Count;

        server.Restart();
        clock.Advance(Duration.FromMinutes(1) + Duration.FromSeconds(1));
        var afterRestart = await DrainAsync(dispatcher);

        Assert.Equal((Messages, SentBeforeTheKill, Messages - SentBeforeTheKill), (beforeRestart.Claimed, beforeRestart.Sent, beforeRestart.Retrying));
        Assert.Equal(SentBeforeTheKill, deliveredWhileDown);
        Assert.All(stranded.Where(m => m.Status == OutboxStatus.Pending), m => Assert.Equal((1, clock.GetCurrentInstant() - Duration.FromSeconds(1)), (m.Attempts, m.DueAt)));
        Assert.All(stranded.Where(m => m.Status == OutboxStatus.Pending), m => Assert.Contains("127.0.0.1:" + server.Port, m.LastError, StringComparison.Ordinal));
        Assert.Equal((Messages - SentBeforeTheKill, Messages - SentBeforeTheKill), (afterRestart.Claimed, afterRestart.Sent));
        var stored = await Task.WhenAll(ids.Select(async id => (await outbox.FindAsync(id))!));
        Assert.All(stored, m => Assert.Equal(OutboxStatus.Sent, m.Status));

        var delivered = Maildir.Read(server.Maildir);
        Assert.Equal(Messages, delivered.Count);
        Assert.Equal(ids.Select(id => EmailMessageId.Create(id, "care.example.com.tr")).Order(StringComparer.Ordinal), delivered.Select(m => m.MessageId).Order(StringComparer.Ordinal));
    }

    /// <summary>Dispatches until nothing is due, adding up the rounds.</summary>
    private static async Task<DispatchResult> DrainAsync(OutboxDispatcher dispatcher)
    {
        var total = new DispatchResult(0, 0, 0, 0, 0, 0);
        while (await dispatcher.DispatchDueAsync() is { Claimed: > 0 } round)
        {
            total = new DispatchResult(total.Claimed + round.Claimed, total.Sent + round.Sent, total.Retrying + round.Retrying, total.Failed + round.Failed, total.DeadLettered + round.DeadLettered, total.Lost + round.Lost);
        }

        return total;
    }

    /// <summary>A decorator that runs an action once, after the inner channel has reported a given number of sends.</summary>
    private sealed class AfterSends(IOutboundChannel inner, int count, Action action) : DelegatingOutboundChannel(inner)
    {
        private int _sent;

        public override async ValueTask<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
        {
            var result = await base.SendAsync(message, cancellationToken);
            if (result.Status == SendStatus.Sent && Interlocked.Increment(ref _sent) == count)
            {
                action();
            }

            return result;
        }
    }
}
