using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Contoso.CustomerCare.Tests.Support;

/// <summary>
/// A real incoming-webhook server: Kestrel on 127.0.0.1 and a port the system picks. It records every post and answers
/// with the statuses it is given, in turn (the last one repeats); status 0 means "never answer".
/// </summary>
internal sealed class ChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ChatPost> _posts = new();
    private readonly Queue<(int Status, string? RetryAfter)> _answers;
    private readonly Lock _lock = new();

    private ChatServer(WebApplication app, Queue<(int, string?)> answers)
    {
        _app = app;
        _answers = answers;
    }

    public Uri WebhookUrl { get; private set; } = null!;

    public IReadOnlyList<ChatPost> Posts => [.. _posts];

    public static async Task<ChatServer> StartAsync(params (int Status, string? RetryAfter)[] answers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new ChatServer(app, new Queue<(int, string?)>(answers));
        app.MapPost("/hooks/{key}", server.AnswerAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.WebhookUrl = new Uri(new Uri(address), "/hooks/xoxo-test");
        return server;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _posts.Enqueue(new ChatPost(context.Request.Path, context.Request.ContentType, context.Request.Headers["Idempotency-Key"].ToString(), body));
        (int Status, string? RetryAfter) answer;
        lock (_lock)
        {
            answer = _answers.Count > 1 ? _answers.Dequeue() : _answers.Peek();
        }

        if (answer.Status == 0)
        {
            // Hold the request until the client gives up, as a hung chat server would.
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = answer.RetryAfter;
        }

        await context.Response.WriteAsync(answer.Status >= 400 ? "chat server says no" : "ok");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record ChatPost(string Path, string? ContentType, string IdempotencyKey, string Body);
