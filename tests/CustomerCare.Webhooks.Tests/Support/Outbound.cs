using System.Collections.Immutable;
using CustomerCare.Channels;
using CustomerCare.Notifications;
using CustomerCare.Storage.InMemory;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Webhooks.Tests.Support;

/// <summary>A webhook channel to a receiver, the real outbox dispatcher over an in-memory outbox, and a fake clock.</summary>
internal sealed class Outbound : IDisposable
{
    public Outbound(Uri url, params string[] secrets)
    {
        Options = new WebhookChannelOptions { ConnectRetryDelay = TimeSpan.FromMilliseconds(10), Timeout = TimeSpan.FromSeconds(5) };
        var endpoint = new WebhookEndpoint { Name = "crm", Url = url.AbsoluteUri };
        foreach (var secret in secrets.Length > 0 ? secrets : [Secrets.Current])
        {
            endpoint.Secrets.Add(secret);
        }

        Options.Endpoints.Add(endpoint);
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        Channel = new WebhookChannel(Options, Http, Clock);
        Dispatcher = new OutboxDispatcher(Outbox, [Channel], new CustomerCare.Storage.InMemory.InMemoryConsentLedger(), Clock, new OutboxOptions { DispatcherId = "d-1", FirstRetryAfter = Duration.FromMinutes(1), MaxAttempts = 4 });
    }

    public FakeClock Clock { get; } = Secrets.Clock();

    public WebhookChannelOptions Options { get; }

    public HttpClient Http { get; }

    public WebhookChannel Channel { get; }

    public InMemoryOutboxStore Outbox { get; } = new();

    public OutboxDispatcher Dispatcher { get; }

    public async Task<OutboxMessage> EnqueueAsync(string id, string body = "Şikâyetiniz alındı; İstanbul ekibimiz 24 saat içinde dönecek.", string contentType = "text/plain", string recipient = "crm")
    {
        var message = new OutboxMessage
        {
            Id = id,
            Channel = WebhookChannel.DefaultName,
            Recipient = recipient,
            Subject = "Şikâyet CMP-7KQ2",
            Body = body,
            ContentType = contentType,
            Metadata = ImmutableDictionary<string, string>.Empty.Add("event", "complaint.acknowledged").Add("complaint_id", "CMP-7KQ2"),
            EnqueuedAt = Clock.GetCurrentInstant(),
            DueAt = Clock.GetCurrentInstant(),
        };
        Assert.True(await Outbox.EnqueueAsync(message));
        return message;
    }

    public async Task<OutboxMessage> StoredAsync(string id) => (await Outbox.FindAsync(id))!;

    public void Dispose() => Http.Dispose();
}
