using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using CustomerCare.Complaints;
using CustomerCare.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Webhooks.Tests.Support;

/// <summary>The library with inbound webhooks mapped on a real Kestrel server on loopback, a fake clock, and a real HttpClient to post with.</summary>
internal sealed class InboundHost : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly HttpClient _http = new();

    private InboundHost(LoopbackServer server, FakeClock clock)
    {
        _server = server;
        Clock = clock;
    }

    public FakeClock Clock { get; }

    public IComplaintStore Complaints => _server.Services.GetRequiredService<IComplaintStore>();

    /// <summary>Every source signed with <see cref="Secrets.Current"/> and <see cref="Secrets.Previous"/>, unless <paramref name="configure"/> says otherwise.</summary>
    public static async Task<InboundHost> StartAsync(Action<InboundWebhookOptions>? configure = null)
    {
        var clock = Secrets.Clock();
        var server = await LoopbackServer.StartAsync(
            services =>
            {
                services.AddSingleton<IClock>(clock);
                services.AddCustomerCare().AddInboundWebhooks(o =>
                {
                    foreach (var source in InboundSources.All)
                    {
                        o.Sources[source] = new InboundSourceOptions { Secrets = { Secrets.Current, Secrets.Previous } };
                    }

                    o.MaxBodyBytes = 4096;
                    configure?.Invoke(o);
                });
            },
            app => app.MapCustomerCareInbound());
        return new InboundHost(server, clock);
    }

    public Task<Reply> PostAsync(string route, string body, string contentType = "application/json", string? secret = Secrets.Current, long? timestamp = null, Func<byte[], byte[]>? tamper = null) =>
        PostAsync(route, Encoding.UTF8.GetBytes(body), contentType, secret, timestamp, tamper);

    public async Task<Reply> PostAsync(string route, byte[] body, string contentType = "application/json", string? secret = Secrets.Current, long? timestamp = null, Func<byte[], byte[]>? tamper = null)
    {
        var stamp = timestamp ?? Clock.GetCurrentInstant().ToUnixTimeSeconds();
        var sent = tamper?.Invoke(body) ?? body;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.Address, route)) { Content = new ByteArrayContent(sent) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (secret is not null)
        {
            request.Headers.Add(WebhookHeaders.Timestamp, stamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookHeaders.Signature, "v1=" + Secrets.Hmac(secret, stamp, body));
        }

        using var response = await _http.SendAsync(request);
        return new Reply((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }
}

internal sealed record Reply(int Status, string? ContentType, string Body)
{
    public System.Text.Json.JsonElement Json => System.Text.Json.JsonDocument.Parse(Body).RootElement;

    public string? Code => Json.GetProperty("code").GetString();

    public string[] Fields => [.. Json.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()!)];
}
