using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using CustomerCare;
using CustomerCare.Channels;
using NodaTime;

namespace Contoso.CustomerCare.Chat;

/// <summary>
/// Posts each message to a Slack- or Mattermost-style incoming webhook as <c>{ "text": … }</c>, with the recipient as
/// the target <c>channel</c> when there is one.
/// </summary>
/// <remarks>
/// <para><b>Failures.</b> 2xx is sent; 408, 429, 5xx, timeouts and network errors are transient (with the server's
/// <c>Retry-After</c>); every other status is permanent.</para>
/// <para><b>Idempotency.</b> Incoming webhooks have no idempotency key of their own, so the channel remembers the last
/// <see cref="RememberedIds"/> message ids it delivered and reports them sent again without posting. It also sends the
/// id as an <c>Idempotency-Key</c> header when it is printable ASCII, for servers that honour one.</para>
/// <para><b>Thread safety.</b> Thread-safe; no lock is held while posting.</para>
/// </remarks>
public sealed class ChatChannel : IOutboundChannel
{
    /// <summary>The name of the <see cref="HttpClient"/> the channel posts with, for adding handlers through <c>IHttpClientFactory</c>.</summary>
    public const string HttpClientName = "Contoso.CustomerCare.Chat";

    /// <summary>How many delivered message ids the channel remembers.</summary>
    public const int RememberedIds = 10_000;

    private readonly HttpClient _httpClient;
    private readonly ChatChannelOptions _options;
    private readonly IClock _clock;
    private readonly Lock _sentLock = new();
    private readonly HashSet<string> _sent = new(StringComparer.Ordinal);
    private readonly Queue<string> _sentOrder = new();

    /// <summary>Creates the channel.</summary>
    /// <param name="httpClient">The client to post with; the channel does not dispose it.</param>
    /// <param name="options">Valid options (see <see cref="ChatChannelOptionsValidator"/>).</param>
    /// <param name="clock">The clock, to read a <c>Retry-After</c> date against.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="FieldValidationException">The options are not valid.</exception>
    public ChatChannel(HttpClient httpClient, ChatChannelOptions options, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        var errors = ChatChannelOptionsValidator.Check(options);
        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }

        _httpClient = httpClient;
        _options = options;
        _clock = clock;
    }

    /// <inheritdoc />
    public string Name => _options.ChannelName;

    /// <inheritdoc />
    public async ValueTask<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrWhiteSpace(message.MessageId))
        {
            return SendResult.Permanent("The message has no message id, which the channel needs to deliver it at most once.");
        }

        if (WasSent(message.MessageId))
        {
            return SendResult.Sent();
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _options.WebhookUrl)
        {
            Content = new ByteArrayContent(ChatPayload.Serialize(message)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } },
        };
        if (message.MessageId.All(c => c is > ' ' and < (char)127))
        {
            // HTTP headers carry ASCII only; an id outside it still gets the channel's own at-most-once memory.
            request.Headers.TryAddWithoutValidation("Idempotency-Key", message.MessageId);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        HttpResponseMessage response;
        try
        {
            response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SendResult.Transient(string.Create(CultureInfo.InvariantCulture, $"The chat server did not answer within {_options.Timeout:c}."));
        }
        catch (HttpRequestException e)
        {
            return SendResult.Transient("The chat server could not be reached: " + e.Message);
        }

        using (response)
        {
            return await ToResultAsync(message.MessageId, response, timeout.Token).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        return serviceType.IsInstanceOfType(this) ? this
            : serviceType.IsInstanceOfType(_options) ? _options
            : serviceType.IsInstanceOfType(_httpClient) ? _httpClient
            : null;
    }

    private async ValueTask<SendResult> ToResultAsync(string messageId, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            Remember(messageId);
            return SendResult.Sent();
        }

        var snippet = await ReadSnippetAsync(response, cancellationToken).ConfigureAwait(false);
        var error = string.Create(CultureInfo.InvariantCulture, $"The chat server answered {status} {response.ReasonPhrase}: {snippet}");
        return status is (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests or >= 500
            ? SendResult.Transient(error, RetryAfter(response))
            : SendResult.Permanent(error);
    }

    private Duration? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return Duration.FromTimeSpan(delta);
        }

        if (header?.Date is { } date)
        {
            var wait = Instant.FromDateTimeOffset(date) - _clock.GetCurrentInstant();
            return wait > Duration.Zero ? wait : Duration.Zero;
        }

        return null;
    }

    private static async Task<string> ReadSnippetAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return body.Length > 200 ? body[..200] + "…" : body;
        }
        catch (HttpRequestException e)
        {
            // The status already says what happened; a body cut short must not turn it into another failure.
            return "(body unreadable: " + e.Message + ")";
        }
    }

    private bool WasSent(string messageId)
    {
        lock (_sentLock)
        {
            return _sent.Contains(messageId);
        }
    }

    private void Remember(string messageId)
    {
        lock (_sentLock)
        {
            if (!_sent.Add(messageId))
            {
                return;
            }

            _sentOrder.Enqueue(messageId);
            if (_sentOrder.Count > RememberedIds)
            {
                _sent.Remove(_sentOrder.Dequeue());
            }
        }
    }
}
