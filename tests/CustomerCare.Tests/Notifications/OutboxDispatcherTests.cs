using System.Collections.Concurrent;
using CustomerCare.Channels;
using CustomerCare.Customers;
using CustomerCare.Notifications;
using CustomerCare.Storage;
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
        var options = Assert.Throws<FieldValidationException>(() => new OutboxDispatcher(_outbox, [], new InMemoryConsentLedger(), _clock, new OutboxOptions { BatchSize = 0, Lease = Duration.Zero, MaxConcurrentSends = 257 }));
        var names = Assert.Throws<ArgumentException>(() => new OutboxDispatcher(_outbox, [new InMemoryOutboundChannel("email"), new InMemoryOutboundChannel("email")], new InMemoryConsentLedger(), _clock, new OutboxOptions()));

        Assert.Equal(["BatchSize", "MaxConcurrentSends", "Lease"], options.Errors.Select(e => e.Field));
        Assert.Equal("257", options.Errors[1].AttemptedValue);
        Assert.Contains("'email'", names.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentSends_StayWithinTheLimit_AndAreRecordedInClaimOrder()
    {
        var recording = new RecordingOutbox(_outbox);
        for (var i = 0; i < 10; i++)
        {
            await _outbox.EnqueueAsync(Message($"m-{i:00}") with { DueAt = _clock.GetCurrentInstant() - Duration.FromMinutes(10 - i) });
        }

        // The first message is the slowest of the first three, so recording in the order sends end would put it third.
        var channel = new GatedChannel(limit: 3, slow: "m-00");
        var dispatcher = new OutboxDispatcher(recording, [channel], new InMemoryConsentLedger(), _clock, new OutboxOptions { MaxConcurrentSends = 3 });

        var result = await dispatcher.DispatchDueAsync();

        Assert.Equal((10, 10), (result.Claimed, result.Sent));
        Assert.Equal(3, channel.MostAtOnce);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"m-{i:00}"), recording.Completed);
        Assert.Equal(10, channel.Delivered.Distinct().Count());
    }

    [Fact]
    public async Task ACancelledConcurrentRound_WaitsForTheSendsItStarted_AndStartsNoMore()
    {
        for (var i = 0; i < 6; i++)
        {
            await _outbox.EnqueueAsync(Message($"m-{i}") with { DueAt = _clock.GetCurrentInstant() - Duration.FromMinutes(10 - i) });
        }

        using var shutdown = new CancellationTokenSource();
        var channel = new CancellingChannel(shutdown, cancelOn: "m-0", slow: "m-1");
        var dispatcher = new OutboxDispatcher(_outbox, [channel], new InMemoryConsentLedger(), _clock, new OutboxOptions { MaxConcurrentSends = 2 });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await dispatcher.DispatchDueAsync(shutdown.Token));

        Assert.Equal(["m-0", "m-1"], channel.Started.Order(StringComparer.Ordinal));
        Assert.Equal(["m-0", "m-1"], channel.Finished.Order(StringComparer.Ordinal));
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(OutboxStatus.InFlight, (await _outbox.FindAsync($"m-{i}"))!.Status);
        }
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

    /// <summary>Holds every send until <c>limit</c> are in at once, and counts the most that ever were.</summary>
    private sealed class GatedChannel(int limit, string slow) : IOutboundChannel
    {
        private readonly TaskCompletionSource _allIn = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentQueue<string> _delivered = new();
        private int _inFlight;
        private int _most;

        public string Name => "email";

        public int MostAtOnce => Volatile.Read(ref _most);

        public IReadOnlyList<string> Delivered => [.. _delivered];

        public async ValueTask<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
        {
            var now = Interlocked.Increment(ref _inFlight);
            InterlockedMax(ref _most, now);
            if (now == limit)
            {
                _allIn.TrySetResult();
            }

            // A dispatcher that sends one at a time never lets three in, and fails here instead of hanging.
            await _allIn.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            if (message.MessageId == slow)
            {
                await Task.Delay(100, cancellationToken);
            }

            _delivered.Enqueue(message.MessageId);
            Interlocked.Decrement(ref _inFlight);
            return SendResult.Sent();
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        private static void InterlockedMax(ref int target, int value)
        {
            var seen = Volatile.Read(ref target);
            while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var before && before != seen)
            {
                seen = before;
            }
        }
    }

    /// <summary>Cancels the round while sending <c>cancelOn</c>; <c>slow</c> takes a while, to show the round waits for it.</summary>
    private sealed class CancellingChannel(CancellationTokenSource round, string cancelOn, string slow) : IOutboundChannel
    {
        private readonly ConcurrentQueue<string> _started = new();
        private readonly ConcurrentQueue<string> _finished = new();

        public string Name => "email";

        public IReadOnlyList<string> Started => [.. _started];

        public IReadOnlyList<string> Finished => [.. _finished];

        public async ValueTask<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
        {
            _started.Enqueue(message.MessageId);
            if (message.MessageId == slow)
            {
                // Not the round's token: a send already handed over runs to its end.
                await Task.Delay(200, CancellationToken.None);
            }

            if (message.MessageId == cancelOn)
            {
                await round.CancelAsync();
            }

            _finished.Enqueue(message.MessageId);
            return SendResult.Sent();
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;
    }

    /// <summary>An outbox that notes the ids it is asked to complete, in order.</summary>
    private sealed class RecordingOutbox(InMemoryOutboxStore inner) : IOutboxStore
    {
        private readonly ConcurrentQueue<string> _completed = new();

        public IReadOnlyList<string> Completed => [.. _completed];

        public ValueTask<bool> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default) => inner.EnqueueAsync(message, cancellationToken);

        public ValueTask<IReadOnlyList<OutboxMessage>> ClaimDueAsync(Instant now, string dispatcherId, Duration lease, int limit, CancellationToken cancellationToken = default) =>
            inner.ClaimDueAsync(now, dispatcherId, lease, limit, cancellationToken);

        public ValueTask<bool> CompleteAsync(OutboxMessage completed, string dispatcherId, CancellationToken cancellationToken = default)
        {
            _completed.Enqueue(completed.Id);
            return inner.CompleteAsync(completed, dispatcherId, cancellationToken);
        }

        public ValueTask<OutboxMessage?> FindAsync(string id, CancellationToken cancellationToken = default) => inner.FindAsync(id, cancellationToken);

        public ValueTask<IReadOnlyList<OutboxMessage>> ListForCustomerAsync(CustomerId customerId, Instant since, CancellationToken cancellationToken = default) =>
            inner.ListForCustomerAsync(customerId, since, cancellationToken);

        public ValueTask<long> CountAsync(OutboxStatus status, CancellationToken cancellationToken = default) => inner.CountAsync(status, cancellationToken);
    }
}
