using CustomerCare.Channels;
using CustomerCare.Notifications;
using CustomerCare.Storage.InMemory;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Tests.Notifications;

public sealed class OutboxDispatcherTests
{
    private readonly FakeClock _clock = new(Instant.FromUtc(2027, 3, 1, 12, 0));
    private readonly InMemoryOutboxStore _outbox = new();

    [Fact]
    public async Task ADueMessage_IsSentOnce_WithItsIdempotencyKeyAsTheMessageId()
    {
        var channel = new InMemoryOutboundChannel("email");
        await _outbox.EnqueueAsync(Message("ack/CMP-1/email"));

        var first = await Dispatcher(channel).DispatchDueAsync();
        var second = await Dispatcher(channel).DispatchDueAsync();

        Assert.Equal(new DispatchResult(1, 1, 0, 0, 0, 0), first);
        Assert.Equal(0, second.Claimed);
        Assert.Equal("ack/CMP-1/email", Assert.Single(channel.Delivered).MessageId);
        Assert.Equal((OutboxStatus.Sent, _clock.GetCurrentInstant()), ((await _outbox.FindAsync("ack/CMP-1/email"))!.Status, (await _outbox.FindAsync("ack/CMP-1/email"))!.SentAt));
    }

    [Fact]
    public async Task TransientFailures_BackOffDoubling_ThenDeadLetter()
    {
        var channel = new ScriptedChannel(_ => SendResult.Transient("451 try again later"));
        await _outbox.EnqueueAsync(Message("m-1"));
        var dispatcher = Dispatcher(channel, new OutboxOptions { DispatcherId = "d-1", MaxAttempts = 4, FirstRetryAfter = Duration.FromMinutes(1), MaxRetryAfter = Duration.FromMinutes(3) });

        var dueTimes = new List<Duration>();
        for (var attempt = 1; attempt < 4; attempt++)
        {
            Assert.Equal(1, (await dispatcher.DispatchDueAsync()).Retrying);
            var stored = (await _outbox.FindAsync("m-1"))!;
            dueTimes.Add(stored.DueAt - _clock.GetCurrentInstant());
            Assert.Equal(0, (await dispatcher.DispatchDueAsync()).Claimed);
            _clock.Reset(stored.DueAt);
        }

        var last = await dispatcher.DispatchDueAsync();

        Assert.Equal([Duration.FromMinutes(1), Duration.FromMinutes(2), Duration.FromMinutes(3)], dueTimes);
        Assert.Equal(1, last.DeadLettered);
        Assert.Equal((OutboxStatus.DeadLetter, 4, "451 try again later"), ((await _outbox.FindAsync("m-1"))!.Status, (await _outbox.FindAsync("m-1"))!.Attempts, (await _outbox.FindAsync("m-1"))!.LastError));
    }

    [Fact]
    public async Task APermanentFailure_AThrowingChannel_AndAnUnknownChannel_AreRecordedWithTheirReason()
    {
        await _outbox.EnqueueAsync(Message("refused"));
        await _outbox.EnqueueAsync(Message("throws") with { Channel = "sms" });
        await _outbox.EnqueueAsync(Message("nowhere") with { Channel = "pigeon" });
        var email = new ScriptedChannel(_ => SendResult.Permanent("550 mailbox unavailable"));
        var sms = new ScriptedChannel(_ => throw new HttpRequestException("connection reset"), "sms");

        var result = await Dispatcher([email, sms]).DispatchDueAsync();

        Assert.Equal((3, 2, 1), (result.Claimed, result.Failed, result.Retrying));
        Assert.Equal("550 mailbox unavailable", (await _outbox.FindAsync("refused"))!.LastError);
        Assert.Equal("HttpRequestException: connection reset", (await _outbox.FindAsync("throws"))!.LastError);
        Assert.Contains("no outbound channel named 'pigeon'", (await _outbox.FindAsync("nowhere"))!.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoDispatchersDrainingOneOutbox_SendEveryMessageExactlyOnce()
    {
        var channel = new InMemoryOutboundChannel("email");
        for (var i = 0; i < 300; i++)
        {
            await _outbox.EnqueueAsync(Message("m-" + i));
        }

        var options = new[] { "d-1", "d-2" }.Select(id => new OutboxOptions { DispatcherId = id, BatchSize = 7 }).ToArray();
        await Task.WhenAll(options.Select(o => Task.Run(async () =>
        {
            var dispatcher = new OutboxDispatcher(_outbox, [channel], new InMemoryConsentLedger(), _clock, o);
            while ((await dispatcher.DispatchDueAsync()).Claimed > 0)
            {
            }
        })));

        Assert.Equal(300, channel.Delivered.Count);
        Assert.Equal(300, channel.Delivered.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public void InvalidOptions_AndDuplicateChannelNames_AreRefused()
    {
        var options = Assert.Throws<FieldValidationException>(() => new OutboxDispatcher(_outbox, [], new InMemoryConsentLedger(), _clock, new OutboxOptions { BatchSize = 0, Lease = Duration.Zero }));
        var names = Assert.Throws<ArgumentException>(() => new OutboxDispatcher(_outbox, [new InMemoryOutboundChannel("email"), new InMemoryOutboundChannel("email")], new InMemoryConsentLedger(), _clock, new OutboxOptions()));

        Assert.Equal(["BatchSize", "Lease"], options.Errors.Select(e => e.Field));
        Assert.Contains("'email'", names.Message, StringComparison.Ordinal);
    }

    private OutboxDispatcher Dispatcher(IOutboundChannel channel, OutboxOptions? options = null) => new(_outbox, [channel], new InMemoryConsentLedger(), _clock, options ?? new OutboxOptions());

    private OutboxDispatcher Dispatcher(IOutboundChannel[] channels) => new(_outbox, channels, new InMemoryConsentLedger(), _clock, new OutboxOptions());

    private OutboxMessage Message(string id) => new()
    {
        Id = id,
        Channel = "email",
        Recipient = "ayse@example.com.tr",
        Body = "Mesajınızı aldık.",
        EnqueuedAt = _clock.GetCurrentInstant(),
        DueAt = _clock.GetCurrentInstant(),
    };

    private sealed class ScriptedChannel(Func<OutboundMessage, SendResult> answer, string name = "email") : IOutboundChannel
    {
        public string Name => name;

        public ValueTask<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default) => ValueTask.FromResult(answer(message));

        public object? GetService(Type serviceType, object? serviceKey = null) => null;
    }
}
