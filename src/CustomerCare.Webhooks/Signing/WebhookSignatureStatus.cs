namespace CustomerCare.Webhooks;

/// <summary>What checking a webhook signature found.</summary>
public enum WebhookSignatureStatus
{
    /// <summary>A <c>v1</c> signature matches one of the secrets and the timestamp is inside the tolerance.</summary>
    Valid = 0,

    /// <summary>The timestamp or the signature header is missing.</summary>
    Missing,

    /// <summary>The timestamp is not Unix seconds, or the signature header has no well-formed <c>v1=&lt;64 hex&gt;</c> item.</summary>
    Malformed,

    /// <summary>The timestamp is further from the clock than the tolerance allows (a replay, or a skewed clock).</summary>
    OutsideTolerance,

    /// <summary>No signature matches any secret: the body was changed, or the sender used another secret.</summary>
    Mismatch,
}
