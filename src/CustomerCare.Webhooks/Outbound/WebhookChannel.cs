using System.Globalization;
using System.Net.Http.Headers;
using CustomerCare.Channels;
using NodaTime;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CustomerCare.Webhooks;

/// <summary>
/// The <c>webhook</c> outbound channel: POSTs each message as a signed JSON event to a configured endpoint, named by the
/// message's <see cref="OutboundMessage.Recipient"/> (the endpoint's name or its exact URL).
/// </summary>
/// <remarks>
/// <para><b>The request.</b> <c>Content-Type: application/json; charset=utf-8</c>; the body is the event envelope
/// (<c>id</c>, <c>type</c>, <c>subject</c>, <c>content_type</c>, <c>body</c>, <c>metadata</c>); headers
/// <c>Idempotency-Key</c> (the outbox message id), <c>X-CustomerCare-Timestamp</c> and <c>X-CustomerCare-Signature</c>
/// (<see cref="WebhookSigner"/>). Each attempt is signed afresh with the clock's time; the body is the same.</para>
/// <para><b>Failures.</b> 2xx is <see cref="SendStatus.Sent"/>. 408, 429 and 5xx, a timeout and an unreachable host
/// are <see cref="SendStatus.TransientFailure"/>: the outbox retries with its backoff, or after the receiver's
/// <c>Retry-After</c> (seconds or a date, capped at <see cref="WebhookChannelOptions.MaxRetryAfter"/>), which goes
/// into <see cref="SendResult.RetryAfter"/>. Any other status (400, 401, 404, 410, 3xx redirects, which are not
/// followed) and a recipient that is no configured endpoint are <see cref="SendStatus.PermanentFailure"/>. A refused
/// connection, where nothing was sent, is retried within the call <see cref="WebhookChannelOptions.ConnectRetries"/>
/// times (Polly) before it is reported; nothing else is retried within the call, so the outbox owns the long
/// backoff.</para>
/// <para><b>Idempotency.</b> A resend carries the same <c>Idempotency-Key</c>, which receivers deduplicate on; this
/// instance also remembers the last 50 000 ids it delivered and reports them sent without posting again.</para>
/// <para><b>Thread safety.</b> <see cref="SendAsync"/> may be called concurrently.</para>
/// </remarks>
public sealed class WebhookChannel : IOutboundChannel
{
    /// <summary>The channel name messages for it carry: <c>webhook</c>.</summary>
    public const string DefaultName = "webhook";

    /// <summary>The name of the <see cref="HttpClient"/> the DI registration creates through <c>IHttpClientFactory</c>.</summary>
    public const string HttpClientName = "CustomerCare.Webhooks";

    private const int RememberedIds = 50_000;
    private static readonly MediaTypeHeaderValue JsonUtf8 = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

    private readonly HttpClient _http;
    private readonly IClock _clock;
    private readonly Dictionary<string, Target> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Target> _byUrl = new(StringComparer.Ordinal);
    private readonly ResiliencePipeline _pipeline;
    private readonly Duration _maxRetryAfter;
    private readonly TimeSpan _timeout;
    private readonly SentIds _sent = new(RememberedIds);

    /// <summary>Creates the channel.</summary>
    /// <param name="options">The endpoints, timeouts and retries; copied, so later changes have no effect.</param>
    /// <param name="httpClient">The client to send with; it should not follow redirects (the DI registration's does not). Not disposed by the channel.</param>
    /// <param name="clock">The clock for the signature timestamp and for <c>Retry-After</c> dates.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="FieldValidationException">A setting is invalid; every problem is listed, naming the setting and its value (secrets by length only).</exception>
    public WebhookChannel(WebhookChannelOptions options, HttpClient httpClient, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        var errors = options.Check();
        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }

        foreach (var endpoint in options.Endpoints)
        {
            var target = new Target(endpoint.Name, new Uri(endpoint.Url, UriKind.Absolute), new WebhookSigner(endpoint.Secrets));
            _byName.Add(endpoint.Name, target);
            _byUrl.TryAdd(endpoint.Url, target);
            _byUrl.TryAdd(target.Url.AbsoluteUri, target);
        }

        _timeout = options.Timeout;
        _maxRetryAfter = Duration.FromTimeSpan(options.MaxRetryAfter);
        var pipeline = new ResiliencePipelineBuilder();
        if (options.ConnectRetries > 0)
        {
            pipeline.AddRetry(new RetryStrategyOptions
            {
                // Only failures where the request never left: a refused connection or an unknown host. Anything later
                // may have reached the receiver, and its retry is the outbox's, with the idempotency key.
                ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>(e => e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError),
                MaxRetryAttempts = options.ConnectRetries,
                Delay = options.ConnectRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
        }

        _pipeline = pipeline.AddTimeout(options.Timeout).Build();
    }

    /// <inheritdoc />
    public string Name => DefaultName;

    /// <summary>The configured endpoint names.</summary>
    public IReadOnlyCollection<string> EndpointNames => _byName.Keys;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        if (_sent.Contains(message.MessageId))
        {
            return SendResult.Sent();
        }

        if (!_byName.TryGetValue(message.Recipient, out var target) && !_byUrl.TryGetValue(message.Recipient, out target))
        {
            return SendResult.Permanent($"recipient '{message.Recipient}' is not a configured webhook endpoint (give an endpoint's name or its exact URL)");
        }

        if (!WebhookEnvelope.TryWrite(message, out var body, out var invalid))
        {
            return SendResult.Permanent(invalid);
        }

        try
        {
            var response = await _pipeline.ExecuteAsync(
                static async (state, token) => await state.Channel.PostAsync(state.Target, state.Id, state.Body, token).ConfigureAwait(false),
                (Channel: this, Target: target, Id: message.MessageId, Body: body),
                cancellationToken).ConfigureAwait(false);
            var result = response.ToSendResult(target.Url.AbsoluteUri);
            if (result.Status == SendStatus.Sent)
            {
                _sent.Add(message.MessageId);
            }

            return result;
        }
        catch (TimeoutRejectedException)
        {
            return SendResult.Transient(string.Create(CultureInfo.InvariantCulture, $"POST {target.Url.AbsoluteUri} timed out after {_timeout:c}"));
        }
        catch (HttpRequestException failure)
        {
            return SendResult.Transient($"POST {target.Url.AbsoluteUri} failed: {failure.HttpRequestError}: {failure.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The HttpClient's own Timeout, when the caller's client has a shorter one than ours.
            return SendResult.Transient($"POST {target.Url.AbsoluteUri} timed out (HttpClient.Timeout)");
        }
    }

    /// <inheritdoc />
    /// <remarks>Returns this channel for <see cref="WebhookChannel"/>, and nothing else.</remarks>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;
    }

    private async Task<WebhookResponse> PostAsync(Target target, string messageId, byte[] body, CancellationToken cancellationToken)
    {
        var now = _clock.GetCurrentInstant();
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = JsonUtf8 } },
        };
        request.Headers.TryAddWithoutValidation(WebhookHeaders.IdempotencyKey, messageId);
        request.Headers.TryAddWithoutValidation(WebhookHeaders.Timestamp, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(WebhookHeaders.Signature, target.Signer.Sign(timestamp, body));
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return await WebhookResponse.ReadAsync(response, now, _maxRetryAfter, cancellationToken).ConfigureAwait(false);
    }

    private sealed record Target(string Name, Uri Url, WebhookSigner Signer);
}
