using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CustomerCare.Webhooks.Tests.Support;

/// <summary>A webhook receiver on loopback: records every request and answers with the statuses it is told, in turn (the last one repeats).</summary>
internal sealed class Receiver : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly Queue<(int Status, string? RetryAfter)> _answers;
    private readonly Lock _lock = new();

    private Receiver(LoopbackServer server, Queue<(int, string?)> answers)
    {
        _server = server;
        _answers = answers;
    }

    public Uri Url => new(_server.Address, "/hooks/care");

    public IReadOnlyList<Received> Requests => [.. _received];

    public static async Task<Receiver> StartAsync(params (int Status, string? RetryAfter)[] answers)
    {
        Receiver? receiver = null;
        var server = await LoopbackServer.StartAsync(_ => { }, app => app.MapPost("/hooks/care", context => receiver!.AnswerAsync(context)));
        receiver = new Receiver(server, new Queue<(int, string?)>(answers));
        return receiver;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        _received.Enqueue(new Received(
            body.ToArray(),
            context.Request.ContentType,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        (int Status, string? RetryAfter) answer;
        lock (_lock)
        {
            answer = _answers.Count > 1 ? _answers.Dequeue() : _answers.Peek();
        }

        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = answer.RetryAfter;
        }

        await context.Response.WriteAsync(answer.Status >= 400 ? "receiver says no: " + answer.Status : "ok");
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

internal sealed record Received(byte[] Body, string? ContentType, IReadOnlyDictionary<string, string> Headers);
