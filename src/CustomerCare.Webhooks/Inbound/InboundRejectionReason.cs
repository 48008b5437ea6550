namespace CustomerCare.Webhooks;

/// <summary>Why an inbound post was refused; each maps to one HTTP status.</summary>
public enum InboundRejectionReason
{
    /// <summary>404: no such source, or it is disabled.</summary>
    UnknownSource = 0,

    /// <summary>413: the body is larger than <see cref="InboundWebhookOptions.MaxBodyBytes"/>.</summary>
    PayloadTooLarge,

    /// <summary>415: the content type is not one the source reads, or its charset is not UTF-8.</summary>
    UnsupportedMediaType,

    /// <summary>401: the source requires a signature and the timestamp or signature header is missing or malformed.</summary>
    SignatureMissing,

    /// <summary>401: the signature matches none of the source's secrets (a changed body, or another secret).</summary>
    SignatureMismatch,

    /// <summary>401: the signed timestamp is outside <see cref="InboundWebhookOptions.TimestampTolerance"/>.</summary>
    StaleTimestamp,

    /// <summary>409: a signed post with this id was accepted within the replay window.</summary>
    Replayed,

    /// <summary>400: the bytes are not UTF-8.</summary>
    MalformedEncoding,

    /// <summary>400: the body is not JSON (or not a form encoding); the error has the line and position.</summary>
    MalformedPayload,

    /// <summary>400: the JSON is nested deeper than <see cref="InboundWebhookOptions.MaxDepth"/>.</summary>
    NestingTooDeep,

    /// <summary>422: well-formed, but a required field is missing or a field's value is refused.</summary>
    InvalidFields,
}
