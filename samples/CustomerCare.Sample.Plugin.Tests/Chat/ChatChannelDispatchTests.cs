using System.Net;
using System.Net.Sockets;
using Contoso.CustomerCare.Tests.Support;
using CustomerCare.Notifications;
using CustomerCare.Storage;
using CustomerCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Contoso.CustomerCare.Tests.Chat;

/// <summary>
/// The real <see cref="OutboxDispatcher"/> and in-memory outbox deliver through the chat channel to a real server:
/// 2xx is sent, 408/429/5xx/timeouts/refused connections are retried, other 4xx fail for good.
/// </summary>
public sealed class ChatChannelDispatchTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 22, 9, 0);

    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    [InlineData(204)]
    public async Task Dispatch_Server2xx_MarksTheMessageSent(int status)
    {
        await using var server = await ChatServer.StartAsync((status, null));
        var (outcome, message) = await DispatchOnceAsync(server.WebhookUrl);

        Assert.Equal(1, outcome.Sent);
        Assert.Equal(OutboxStatus.Sent, message.Status);
        Assert.Equal(Now, message.SentAt);
        Assert.Single(server.Posts);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task Dispatch_ServerSaysTryLater_KeepsTheMessagePendingForARetry(int status)
    {
        await using var server = await ChatServer.StartAsync((status, null));
        var (outcome, message) = await DispatchOnceAsync(server.WebhookUrl);

        Assert.Equal(1, outcome.Retrying);
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(1, message.Attempts);
        Assert.True(message.DueAt > Now);
        Assert.Contains("answered " + status, message.LastError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(410)]
    public async Task Dispatch_ServerRefusesThePost_FailsTheMessageForGood(int status)
    {
        await using var server = await ChatServer.StartAsync((status, null));
        var (outcome, message) = await DispatchOnceAsync(server.WebhookUrl);

        Assert.Equal(1, outcome.Failed);
        Assert.Equal(OutboxStatus.Failed, message.Status);
        Assert.Contains("answered " + status, message.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_RetryAfterSeconds_SetsTheNextAttemptByTheServersWord()
    {
        await using var server = await ChatServer.StartAsync((429, "120"));
        var (_, message) = await DispatchOnceAsync(server.WebhookUrl);

        Assert.Equal(Now + Duration.FromSeconds(120), message.DueAt);
    }

    [Fact]
    public async Task Dispatch_RetryAfterDate_IsReadAgainstTheInjectedClock()
    {
        await using var server = await ChatServer.StartAsync((503, "Sun, 22 Nov 2026 09:05:00 GMT"));
        var (_, message) = await DispatchOnceAsync(server.WebhookUrl);

        Assert.Equal(Now + Duration.FromMinutes(5), message.DueAt);
    }

    [Fact]
    public async Task Dispatch_ServerNeverAnswers_TimesOutAsATransientFailure()
    {
        await using var server = await ChatServer.StartAsync((0, null));
        var (outcome, message) = await DispatchOnceAsync(server.WebhookUrl, TimeSpan.FromMilliseconds(300));

        Assert.Equal(1, outcome.Retrying);
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Contains("did not answer within 00:00:00.3000000", message.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_NobodyListens_IsATransientFailure()
    {
        var (outcome, message) = await DispatchOnceAsync(new Uri($"http://127.0.0.1:{ClosedPort()}/hooks/x"));

        Assert.Equal(1, outcome.Retrying);
        Assert.StartsWith("The chat server could not be reached", message.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_TransientThenDueAgain_SendsOnTheSecondRun()
    {
        await using var server = await ChatServer.StartAsync((503, "60"), (200, null));
        var clock = new FakeClock(Now);
        await using var provider = ChatChannelTests.Provider(server.WebhookUrl, clock: clock);
        var outbox = provider.GetRequiredService<IOutboxStore>();
        var dispatcher = provider.GetRequiredService<OutboxDispatcher>();
        await outbox.EnqueueAsync(Message());

        var first = await dispatcher.DispatchDueAsync();
        var early = await dispatcher.DispatchDueAsync();
        clock.Advance(Duration.FromSeconds(60));
        var second = await dispatcher.DispatchDueAsync();

        Assert.Equal(1, first.Retrying);
        Assert.Equal(0, early.Claimed);
        Assert.Equal(1, second.Sent);
        Assert.Equal(2, (await outbox.FindAsync("outbox-1"))!.Attempts);
        Assert.Equal(2, server.Posts.Count);
        Assert.All(server.Posts, post => Assert.Equal("outbox-1", post.IdempotencyKey));
    }

    private static async Task<(DispatchResult Outcome, OutboxMessage Message)> DispatchOnceAsync(Uri webhookUrl, TimeSpan? timeout = null)
    {
        await using var provider = ChatChannelTests.Provider(webhookUrl, timeout, new FakeClock(Now));
        var outbox = provider.GetRequiredService<IOutboxStore>();
        Assert.True(await outbox.EnqueueAsync(Message()));

        var outcome = await provider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();

        Assert.Equal(1, outcome.Claimed);
        return (outcome, (await outbox.FindAsync("outbox-1"))!);
    }

    private static OutboxMessage Message() => new()
    {
        Id = "outbox-1",
        Channel = "chat",
        Recipient = "destek",
        Subject = "Yeni şikâyet",
        Body = "Sipariş TR-1001 geç kaldı.",
        EnqueuedAt = Now,
        DueAt = Now,
    };

    private static int ClosedPort()
    {
        // A port the system just handed out and that nothing listens on any more.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
