using System.Globalization;
using System.Text.Json;
using CustomerCare.Channels;
using CustomerCare.Notifications;
using CustomerCare.Webhooks.Tests.Support;
using NodaTime;

namespace CustomerCare.Webhooks.Tests;

/// <summary>The webhook channel against a real Kestrel receiver on loopback, driven by the real outbox dispatcher.</summary>
public sealed class OutboundDeliveryTests
{
    [Fact]
    public async Task Dispatch_PostsTheSignedEnvelope_WhichTheReceiverVerifiesWithTheDocumentedScheme()
    {
        await using var receiver = await Receiver.StartAsync((200, null));
        using var outbound = new Outbound(receiver.Url);
        await outbound.EnqueueAsync("ack/CMP-7KQ2/webhook");

        var round = await outbound.Dispatcher.DispatchDueAsync();

        Assert.Equal((1, 1), (round.Claimed, round.Sent));
        var request = Assert.Single(receiver.Requests);
        var timestamp = long.Parse(request.Headers[WebhookHeaders.Timestamp], CultureInfo.InvariantCulture);
        Assert.Equal(outbound.Clock.GetCurrentInstant().ToUnixTimeSeconds(), timestamp);
        Assert.Equal("v1=" + Secrets.Hmac(Secrets.Current, timestamp, request.Body), request.Headers[WebhookHeaders.Signature]);
        Assert.Equal(WebhookSignatureStatus.Valid, new WebhookSigner([Secrets.Current]).Verify(
            request.Body, request.Headers[WebhookHeaders.Timestamp], request.Headers[WebhookHeaders.Signature], outbound.Clock.GetCurrentInstant(), Duration.FromMinutes(5)));
        Assert.Equal("ack/CMP-7KQ2/webhook", request.Headers[WebhookHeaders.IdempotencyKey]);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal(
            ("ack/CMP-7KQ2/webhook", "complaint.acknowledged", "Şikâyet CMP-7KQ2", "text/plain", "Şikâyetiniz alındı; İstanbul ekibimiz 24 saat içinde dönecek.", "CMP-7KQ2"),
            (root.GetProperty("id").GetString(), root.GetProperty("type").GetString(), root.GetProperty("subject").GetString(), root.GetProperty("content_type").GetString(),
                root.GetProperty("body").GetString(), root.GetProperty("metadata").GetProperty("complaint_id").GetString()));
        Assert.Equal(OutboxStatus.Sent, (await outbound.StoredAsync("ack/CMP-7KQ2/webhook")).Status);
    }

    [Fact]
    public async Task Send_AJsonBody_IsEmbeddedAsJson_AndAnInvalidOneIsAPermanentFailure()
    {
        await using var receiver = await Receiver.StartAsync((204, null));
        using var outbound = new Outbound(receiver.Url);

        var sent = await outbound.Channel.SendAsync(new OutboundMessage("evt-1", "webhook", "crm", """{"complaint":"CMP-1","sla_minutes":240}""") { ContentType = "application/json" });
        var refused = await outbound.Channel.SendAsync(new OutboundMessage("evt-2", "webhook", "crm", """{"complaint": """) { ContentType = "application/json" });

        Assert.Equal(SendStatus.Sent, sent.Status);
        using var json = JsonDocument.Parse(Assert.Single(receiver.Requests).Body);
        Assert.Equal(240, json.RootElement.GetProperty("body").GetProperty("sla_minutes").GetInt32());
        Assert.Equal(SendStatus.PermanentFailure, refused.Status);
        Assert.Contains("not one JSON value", refused.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(410)]
    [InlineData(422)]
    public async Task Dispatch_A4xxOtherThan408Or429_FailsForGood_AfterOneAttempt(int status)
    {
        await using var receiver = await Receiver.StartAsync((status, null));
        using var outbound = new Outbound(receiver.Url);
        await outbound.EnqueueAsync("ack/CMP-1/webhook");

        var first = await outbound.Dispatcher.DispatchDueAsync();
        outbound.Clock.Advance(Duration.FromDays(1));
        var later = await outbound.Dispatcher.DispatchDueAsync();

        Assert.Equal((1, 1, 0), (first.Claimed, first.Failed, later.Claimed));
        Assert.Single(receiver.Requests);
        var stored = await outbound.StoredAsync("ack/CMP-1/webhook");
        Assert.Equal((OutboxStatus.Failed, 1), (stored.Status, stored.Attempts));
        Assert.StartsWith($"POST {receiver.Url.AbsoluteUri} answered {status} ", stored.LastError, StringComparison.Ordinal);
        Assert.Contains("receiver says no: " + status, stored.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_A500_IsRetriedThroughTheOutboxWithItsBackoff_ThenSent()
    {
        await using var receiver = await Receiver.StartAsync((500, null), (503, null), (200, null));
        using var outbound = new Outbound(receiver.Url);
        await outbound.EnqueueAsync("ack/CMP-2/webhook");
        var start = outbound.Clock.GetCurrentInstant();

        var first = await outbound.Dispatcher.DispatchDueAsync();
        var afterFirst = await outbound.StoredAsync("ack/CMP-2/webhook");
        var tooEarly = await outbound.Dispatcher.DispatchDueAsync();
        outbound.Clock.Advance(Duration.FromMinutes(1));
        var second = await outbound.Dispatcher.DispatchDueAsync();
        var afterSecond = await outbound.StoredAsync("ack/CMP-2/webhook");
        outbound.Clock.Advance(Duration.FromMinutes(2));
        var third = await outbound.Dispatcher.DispatchDueAsync();

        Assert.Equal((1, 0, 1, 1), (first.Retrying, tooEarly.Claimed, second.Retrying, third.Sent));
        Assert.Equal((OutboxStatus.Pending, 1, start + Duration.FromMinutes(1)), (afterFirst.Status, afterFirst.Attempts, afterFirst.DueAt));
        Assert.Equal((2, start + Duration.FromMinutes(3)), (afterSecond.Attempts, afterSecond.DueAt));
        Assert.Contains("answered 503", afterSecond.LastError, StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.Sent, (await outbound.StoredAsync("ack/CMP-2/webhook")).Status);
        Assert.Equal(3, receiver.Requests.Count);
        Assert.All(receiver.Requests, r => Assert.Equal("ack/CMP-2/webhook", r.Headers[WebhookHeaders.IdempotencyKey]));
        Assert.Single(receiver.Requests.Select(r => Convert.ToBase64String(r.Body)).Distinct());
    }

    [Theory]
    [InlineData(429, "120", 120)]
    [InlineData(408, null, 60)]
    [InlineData(503, "Mon, 01 Mar 2027 09:45:00 GMT", 900)]
    [InlineData(429, "999999999", 86_400)]
    public async Task Dispatch_429Or408Or503_IsTransient_AndHonoursRetryAfter(int status, string? retryAfter, int expectedSeconds)
    {
        await using var receiver = await Receiver.StartAsync((status, retryAfter), (200, null));
        using var outbound = new Outbound(receiver.Url);
        await outbound.EnqueueAsync("ack/CMP-3/webhook");
        var start = outbound.Clock.GetCurrentInstant();

        var first = await outbound.Dispatcher.DispatchDueAsync();

        var stored = await outbound.StoredAsync("ack/CMP-3/webhook");
        Assert.Equal((1, OutboxStatus.Pending), (first.Retrying, stored.Status));
        Assert.Equal(start + Duration.FromSeconds(expectedSeconds), stored.DueAt);
        outbound.Clock.Advance(Duration.FromSeconds(expectedSeconds));
        Assert.Equal(1, (await outbound.Dispatcher.DispatchDueAsync()).Sent);
    }

    [Fact]
    public async Task Send_ToAClosedPort_IsTransient_AfterTheInCallConnectRetries()
    {
        Uri closed;
        await using (var receiver = await Receiver.StartAsync((200, null)))
        {
            closed = receiver.Url;
        }

        using var outbound = new Outbound(closed);
        var result = await outbound.Channel.SendAsync(new OutboundMessage("evt-closed", "webhook", "crm", "x"));

        Assert.Equal(SendStatus.TransientFailure, result.Status);
        Assert.Contains("ConnectionError", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ToARecipientThatIsNoConfiguredEndpoint_IsPermanent_AndPostsNothing()
    {
        await using var receiver = await Receiver.StartAsync((200, null));
        using var outbound = new Outbound(receiver.Url);

        var byName = await outbound.Channel.SendAsync(new OutboundMessage("evt-a", "webhook", "erp", "x"));
        var byUrl = await outbound.Channel.SendAsync(new OutboundMessage("evt-b", "webhook", "https://evil.example.com/collect", "x"));
        var configuredUrl = await outbound.Channel.SendAsync(new OutboundMessage("evt-c", "webhook", receiver.Url.AbsoluteUri, "x"));

        Assert.Equal((SendStatus.PermanentFailure, SendStatus.PermanentFailure, SendStatus.Sent), (byName.Status, byUrl.Status, configuredUrl.Status));
        Assert.Equal("recipient 'erp' is not a configured webhook endpoint (give an endpoint's name or its exact URL)", byName.Error);
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task Send_TheSameIdAgain_ReportsSent_WithoutPostingTwice()
    {
        await using var receiver = await Receiver.StartAsync((200, null));
        using var outbound = new Outbound(receiver.Url);
        var message = new OutboundMessage("evt-once", "webhook", "crm", "x");

        var first = await outbound.Channel.SendAsync(message);
        var again = await outbound.Channel.SendAsync(message);

        Assert.Equal((SendStatus.Sent, SendStatus.Sent), (first.Status, again.Status));
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task Send_WhileRotating_SignsWithEverySecret_SoAReceiverWithOnlyTheOldOneAccepts()
    {
        await using var receiver = await Receiver.StartAsync((200, null));
        using var outbound = new Outbound(receiver.Url, Secrets.Current, Secrets.Previous);

        await outbound.Channel.SendAsync(new OutboundMessage("evt-rotate", "webhook", "crm", "x"));

        var request = Assert.Single(receiver.Requests);
        var oldReceiver = new WebhookSigner([Secrets.Previous]);
        Assert.Equal(WebhookSignatureStatus.Valid, oldReceiver.Verify(request.Body, request.Headers[WebhookHeaders.Timestamp], request.Headers[WebhookHeaders.Signature], outbound.Clock.GetCurrentInstant(), Duration.FromMinutes(5)));
        Assert.Equal(2, request.Headers[WebhookHeaders.Signature].Split(", ").Length);
    }
}
