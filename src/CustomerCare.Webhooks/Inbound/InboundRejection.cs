using System.Net;

namespace CustomerCare.Webhooks;

/// <summary>Why an inbound post was refused: the reason, its HTTP status and the errors, each naming the field (a JSON path such as <c>$.complaint.title</c>, or a form field).</summary>
/// <param name="Reason">The reason.</param>
/// <param name="Errors">The errors; at least one.</param>
public sealed record InboundRejection(InboundRejectionReason Reason, IReadOnlyList<FieldError> Errors)
{
    /// <summary>The 1-based line of a syntax error in the body, where there is one.</summary>
    public long? Line { get; init; }

    /// <summary>The 1-based byte position within <see cref="Line"/>, where there is one.</summary>
    public long? Position { get; init; }

    /// <summary>The HTTP status this reason answers with.</summary>
    public int StatusCode => Reason switch
    {
        InboundRejectionReason.UnknownSource => (int)HttpStatusCode.NotFound,
        InboundRejectionReason.PayloadTooLarge => (int)HttpStatusCode.RequestEntityTooLarge,
        InboundRejectionReason.UnsupportedMediaType => (int)HttpStatusCode.UnsupportedMediaType,
        InboundRejectionReason.SignatureMissing or InboundRejectionReason.SignatureMismatch or InboundRejectionReason.StaleTimestamp => (int)HttpStatusCode.Unauthorized,
        InboundRejectionReason.Replayed => (int)HttpStatusCode.Conflict,
        InboundRejectionReason.InvalidFields => (int)HttpStatusCode.UnprocessableEntity,
        _ => (int)HttpStatusCode.BadRequest,
    };

    /// <summary>The stable machine-readable code, such as <c>signature_mismatch</c>, that the problem body's <c>code</c> carries.</summary>
    public string Code => Reason switch
    {
        InboundRejectionReason.UnknownSource => "unknown_source",
        InboundRejectionReason.PayloadTooLarge => "payload_too_large",
        InboundRejectionReason.UnsupportedMediaType => "unsupported_media_type",
        InboundRejectionReason.SignatureMissing => "signature_missing",
        InboundRejectionReason.SignatureMismatch => "signature_mismatch",
        InboundRejectionReason.StaleTimestamp => "stale_timestamp",
        InboundRejectionReason.Replayed => "replayed",
        InboundRejectionReason.MalformedEncoding => "malformed_encoding",
        InboundRejectionReason.MalformedPayload => "malformed_payload",
        InboundRejectionReason.NestingTooDeep => "nesting_too_deep",
        InboundRejectionReason.InvalidFields => "invalid_fields",
        _ => "rejected",
    };

    /// <summary>A refusal with one error.</summary>
    /// <param name="reason">The reason.</param>
    /// <param name="field">The field.</param>
    /// <param name="value">The refused value, or <see langword="null"/> when missing.</param>
    /// <param name="code">A <see cref="FieldErrorCodes"/> code.</param>
    /// <param name="why">Why, completing "field 'x': value 'y' …".</param>
    /// <returns>The refusal.</returns>
    internal static InboundRejection One(InboundRejectionReason reason, string field, string? value, string code, string why) =>
        new(reason, [FieldErrors.Create(field, value, code, why)]);
}
