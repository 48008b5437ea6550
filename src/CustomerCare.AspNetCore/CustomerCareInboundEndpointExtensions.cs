using System.Buffers;
using CustomerCare.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerCare;

/// <summary>Maps the inbound webhook routes to the <see cref="InboundWebhookHandler"/>.</summary>
public static class CustomerCareInboundEndpointExtensions
{
    private static readonly (string Route, string Source)[] Routes =
    [
        ("/form", InboundSources.ContactForm),
        ("/social/x", InboundSources.X),
        ("/social/facebook", InboundSources.Facebook),
        ("/complaint-site", InboundSources.ComplaintSite),
    ];

    /// <summary>
    /// Maps <c>POST {prefix}/form</c>, <c>{prefix}/social/x</c>, <c>{prefix}/social/facebook</c> and
    /// <c>{prefix}/complaint-site</c> to the <see cref="InboundWebhookHandler"/> registered by <c>AddInboundWebhooks</c>.
    /// </summary>
    /// <param name="endpoints">The application's routes.</param>
    /// <param name="prefix">The route prefix. Default <c>/inbound</c>.</param>
    /// <returns>The route group, to add authorization, rate limiting or filters to.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> or <paramref name="prefix"/> is null.</exception>
    /// <remarks>
    /// The body is read up to <see cref="InboundWebhookOptions.MaxBodyBytes"/> + 1 bytes and no further, so an oversize
    /// post is refused with 413 without being buffered; a declared <c>Content-Length</c> over the limit is refused before
    /// reading. The handler's status and JSON (or problem) body are written as they are.
    /// </remarks>
    public static RouteGroupBuilder MapCustomerCareInbound(this IEndpointRouteBuilder endpoints, string prefix = "/inbound")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        var group = endpoints.MapGroup(prefix);
        foreach (var (route, source) in Routes)
        {
            group.MapPost(route, context => HandleAsync(context, source));
        }

        return group;
    }

    private static async Task HandleAsync(HttpContext context, string source)
    {
        var services = context.RequestServices;
        var handler = services.GetRequiredService<InboundWebhookHandler>();
        var limit = services.GetRequiredService<IOptions<InboundWebhookOptions>>().Value.MaxBodyBytes;
        var body = await ReadBoundedAsync(context.Request, limit + 1, context.RequestAborted).ConfigureAwait(false);
        var headers = context.Request.Headers.Select(h => new KeyValuePair<string, string>(h.Key, h.Value.ToString()));
        var result = await handler.HandleAsync(source, headers, body, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = result.StatusCode;
        context.Response.ContentType = result.ContentType;
        await context.Response.Body.WriteAsync(result.Body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Reads at most <paramref name="max"/> bytes; a longer body is cut there, which the handler refuses as too large.</summary>
    private static async Task<ReadOnlyMemory<byte>> ReadBoundedAsync(HttpRequest request, int max, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared && declared >= max)
        {
            // Declared too large: the handler only needs to see that it is, not the bytes.
            return new byte[max];
        }

        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(request.ContentLength ?? 4096, max));
        while (buffer.WrittenCount < max)
        {
            var memory = buffer.GetMemory(1);
            var read = await request.Body.ReadAsync(memory[..Math.Min(memory.Length, max - buffer.WrittenCount)], cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
        }

        return buffer.WrittenMemory;
    }
}
