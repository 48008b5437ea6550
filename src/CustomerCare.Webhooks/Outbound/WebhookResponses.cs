using System.Globalization;
using System.Net;
using System.Text;
using CustomerCare.Channels;
using NodaTime;

namespace CustomerCare.Webhooks;

/// <summary>What a receiver answered, read as the outbox needs it.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Reason">The reason phrase.</param>
/// <param name="RetryAfter">The <c>Retry-After</c> wait, already turned into a duration from the clock; <see langword="null"/> when absent.</param>
/// <param name="RequestId">The receiver's <c>X-Request-Id</c>, when it gives one.</param>
/// <param name="Snippet">The start of the body, for the error text.</param>
internal sealed record WebhookResponse(int Status, string? Reason, Duration? RetryAfter, string? RequestId, string Snippet)
{
    private const int SnippetBytes = 300;

    public static async Task<WebhookResponse> ReadAsync(HttpResponseMessage response, Instant now, Duration maxRetryAfter, CancellationToken cancellationToken)
    {
        Duration? retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => Duration.FromTimeSpan(delta),
            { Date: { } date } => Instant.FromDateTimeOffset(date) - now,
            _ => null,
        };
        if (retryAfter is { } wait)
        {
            retryAfter = wait < Duration.Zero ? Duration.Zero : wait > maxRetryAfter ? maxRetryAfter : wait;
        }

        var snippet = string.Empty;
        if ((int)response.StatusCode >= 300)
        {
            // Only the start of an error page is kept: enough to say why, not enough to flood the outbox's LastError.
            var buffer = new byte[SnippetBytes];
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var read = await body.ReadAtLeastAsync(buffer, SnippetBytes, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            snippet = Encoding.UTF8.GetString(buffer, 0, read).ReplaceLineEndings(" ").Trim();
        }

        var requestId = response.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.FirstOrDefault() : null;
        return new WebhookResponse((int)response.StatusCode, response.ReasonPhrase, retryAfter, requestId, snippet);
    }

    /// <summary>2xx is sent; 408, 429 and 5xx are transient (with the receiver's <c>Retry-After</c>); everything else is permanent.</summary>
    public SendResult ToSendResult(string url)
    {
        if (Status is >= 200 and < 300)
        {
            return SendResult.Sent(RequestId);
        }

        var said = string.Create(CultureInfo.InvariantCulture, $"POST {url} answered {Status} {Reason}") + (Snippet.Length > 0 ? ": " + Snippet : string.Empty);
        return Status is (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests or >= 500
            ? SendResult.Transient(said, RetryAfter)
            : SendResult.Permanent(said);
    }
}
