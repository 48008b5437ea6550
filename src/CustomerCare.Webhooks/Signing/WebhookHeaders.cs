namespace CustomerCare.Webhooks;

/// <summary>The HTTP headers of the CustomerCare webhook scheme, in both directions.</summary>
public static class WebhookHeaders
{
    /// <summary><c>X-CustomerCare-Timestamp</c>: when the request was signed, in Unix seconds (decimal digits).</summary>
    public const string Timestamp = "X-CustomerCare-Timestamp";

    /// <summary>
    /// <c>X-CustomerCare-Signature</c>: <c>v1=&lt;hex&gt;</c>, the lowercase hex HMAC-SHA256 of
    /// <c>"{timestamp}.{body}"</c>, once per secret in use, separated by commas.
    /// </summary>
    public const string Signature = "X-CustomerCare-Signature";

    /// <summary><c>Idempotency-Key</c>: the outbox message id; the same logical event always carries the same key.</summary>
    public const string IdempotencyKey = "Idempotency-Key";

    /// <summary>The signature scheme's version tag, <c>v1</c>.</summary>
    public const string SchemeV1 = "v1";
}
