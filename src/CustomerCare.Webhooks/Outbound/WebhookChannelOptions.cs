using System.Globalization;

namespace CustomerCare.Webhooks;

/// <summary>The endpoints, timeouts and retries of a <see cref="WebhookChannel"/>.</summary>
/// <remarks>Bound from configuration by <c>UseWebhooks(IConfiguration)</c>: <c>Endpoints</c> (each <c>Name</c>,
/// <c>Url</c>, <c>Secrets</c>), <c>Timeout</c>, <c>ConnectRetries</c>, <c>ConnectRetryDelay</c>, <c>MaxRetryAfter</c>
/// (<c>hh:mm:ss</c>) and <c>AllowHttp</c>.</remarks>
public sealed class WebhookChannelOptions
{
    /// <summary>The longest <see cref="Timeout"/> accepted.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The receivers; messages name one by <see cref="WebhookEndpoint.Name"/> or by its exact URL. At least one.</summary>
    public IList<WebhookEndpoint> Endpoints { get; } = [];

    /// <summary>How long one attempt (connect, send, read the status) may take; a timeout is a transient failure, retried by the outbox. Default 10 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times a refused connection (nothing was sent) is retried within one send, before the outbox's longer backoff takes over. Default 2; 0 for none.</summary>
    public int ConnectRetries { get; set; } = 2;

    /// <summary>The wait before the first in-call connection retry; it doubles, with jitter. Default 200 milliseconds.</summary>
    public TimeSpan ConnectRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest <c>Retry-After</c> honoured; a longer one is cut to this. Default 1 day.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Whether plain <c>http</c> URLs are allowed to hosts other than loopback. Default <see langword="false"/>.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>Checks every setting.</summary>
    /// <returns>The problems, each naming the setting and its value (never a secret); empty when valid.</returns>
    internal List<FieldError> Check()
    {
        var errors = new List<FieldError>();
        if (Endpoints.Count == 0)
        {
            errors.Add(FieldErrors.Create(nameof(Endpoints), null, FieldErrorCodes.Required, "must name at least one endpoint"));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Endpoints.Count; i++)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"{nameof(Endpoints)}:{i}:");
            var endpoint = Endpoints[i];
            if (endpoint is null)
            {
                errors.Add(FieldErrors.Create(prefix.TrimEnd(':'), null, FieldErrorCodes.Required, "is empty"));
                continue;
            }

            if (WebhookIdentifiers.Check(endpoint.Name, 100, prefix + nameof(WebhookEndpoint.Name)) is { } nameError)
            {
                errors.Add(nameError);
            }
            else if (!names.Add(endpoint.Name))
            {
                errors.Add(FieldErrors.Create(prefix + nameof(WebhookEndpoint.Name), endpoint.Name, FieldErrorCodes.Malformed, "names two endpoints"));
            }

            if (CheckUrl(endpoint.Url, AllowHttp) is { } reason)
            {
                errors.Add(FieldErrors.Create(prefix + nameof(WebhookEndpoint.Url), endpoint.Url, endpoint.Url is { Length: > 0 } ? FieldErrorCodes.Malformed : FieldErrorCodes.Required, reason));
            }

            errors.AddRange(WebhookSigner.Check([.. endpoint.Secrets], prefix + nameof(WebhookEndpoint.Secrets)));
        }

        if (Timeout <= TimeSpan.Zero || Timeout > MaxTimeout)
        {
            errors.Add(FieldErrors.Create(nameof(Timeout), Timeout.ToString("c", CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, "must be positive and at most 00:05:00"));
        }

        if (ConnectRetries is < 0 or > 10)
        {
            errors.Add(FieldErrors.Create(nameof(ConnectRetries), ConnectRetries.ToString(CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, "must be between 0 and 10"));
        }

        if (ConnectRetryDelay < TimeSpan.Zero || ConnectRetryDelay > TimeSpan.FromSeconds(30))
        {
            errors.Add(FieldErrors.Create(nameof(ConnectRetryDelay), ConnectRetryDelay.ToString("c", CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, "must be between 00:00:00 and 00:00:30"));
        }

        if (MaxRetryAfter <= TimeSpan.Zero || MaxRetryAfter > TimeSpan.FromDays(7))
        {
            errors.Add(FieldErrors.Create(nameof(MaxRetryAfter), MaxRetryAfter.ToString("c", CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, "must be positive and at most 7.00:00:00"));
        }

        return errors;
    }

    /// <summary>Why a URL cannot be an endpoint, or <see langword="null"/> when it can.</summary>
    private static string? CheckUrl(string? url, bool allowHttp)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "is required";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return "is not an absolute http(s) URL";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return "must not carry user information or a fragment";
        }

        return uri.Scheme == "http" && !allowHttp && !uri.IsLoopback
            ? "is plain http to a host other than loopback; use https, or set AllowHttp"
            : null;
    }
}
