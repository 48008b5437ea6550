using System.Buffers;
using System.Collections.Frozen;
using System.Text.Json;
using CustomerCare.Complaints.Intake;
using NodaTime;

namespace CustomerCare.Webhooks;

/// <summary>
/// The transport-neutral inbound endpoint: takes a source name, the request headers and the body bytes, and answers
/// with an HTTP status and a JSON body, having turned a valid post into complaints through <see cref="ComplaintIntake"/>.
/// </summary>
/// <remarks>
/// <para><b>Checks, in order.</b> The source exists and is enabled (404); the body is at most
/// <see cref="InboundWebhookOptions.MaxBodyBytes"/> (413); the content type is one the source reads, in UTF-8 (415); for
/// a source with secrets, <c>X-CustomerCare-Timestamp</c> and <c>X-CustomerCare-Signature</c> are present (401
/// <c>signature_missing</c>), the timestamp is within the tolerance (401 <c>stale_timestamp</c>) and the signature
/// matches a secret (401 <c>signature_mismatch</c>); the bytes are UTF-8 (400 <c>malformed_encoding</c>); the JSON is
/// well-formed (400 <c>malformed_payload</c>, with line and position) and not nested too deep (400
/// <c>nesting_too_deep</c>); the fields are present and valid (422 <c>invalid_fields</c>, each naming its JSON path);
/// for a signed source, no post with the same id was accepted within the replay window (409 <c>replayed</c>).</para>
/// <para><b>Answers.</b> 201 when a complaint was created, 200 when every complaint was known already (intake is
/// idempotent per channel and source id) or the post held none. Refusals are RFC 9457 problem documents.</para>
/// <para>Errors from the store propagate, and the post's ids are forgotten by the replay cache so that the sender's
/// retry is accepted. Thread-safe.</para>
/// </remarks>
public sealed class InboundWebhookHandler
{
    private static readonly FrozenDictionary<string, InboundAdapter> Adapters = new Dictionary<string, InboundAdapter>(StringComparer.Ordinal)
    {
        [InboundSources.ContactForm] = new ContactFormAdapter(),
        [InboundSources.X] = new XMentionAdapter(),
        [InboundSources.Facebook] = new FacebookAdapter(),
        [InboundSources.ComplaintSite] = new ComplaintSiteAdapter(),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly ComplaintIntake _intake;
    private readonly IClock _clock;
    private readonly InboundWebhookOptions _options;
    private readonly Duration _tolerance;
    private readonly Dictionary<string, WebhookSigner?> _signers = new(StringComparer.Ordinal);
    private readonly ReplayCache _replays;

    /// <summary>Creates the handler.</summary>
    /// <param name="intake">The complaint intake that valid posts go to.</param>
    /// <param name="clock">The clock for the timestamp window and the replay cache.</param>
    /// <param name="options">The limits, sources and secrets; read once, so later changes have no effect.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="FieldValidationException">A setting is invalid; every problem is listed (secrets by length only).</exception>
    public InboundWebhookHandler(ComplaintIntake intake, IClock clock, InboundWebhookOptions options)
    {
        _intake = intake ?? throw new ArgumentNullException(nameof(intake));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Check();
        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }

        _options = new InboundWebhookOptions
        {
            MaxBodyBytes = options.MaxBodyBytes,
            MaxDepth = options.MaxDepth,
            TimestampTolerance = options.TimestampTolerance,
            ReplayCacheCapacity = options.ReplayCacheCapacity,
            ComplaintSiteBrand = options.ComplaintSiteBrand,
        };
        foreach (var source in InboundSources.All)
        {
            var settings = options.Sources.TryGetValue(source, out var configured) && configured is not null ? configured : new InboundSourceOptions();
            if (settings.Enabled)
            {
                _signers[source] = settings.Secrets.Count > 0 ? new WebhookSigner(settings.Secrets) : null;
            }
        }

        _tolerance = Duration.FromTimeSpan(options.TimestampTolerance);
        _replays = new ReplayCache(options.ReplayCacheCapacity, _tolerance * 2);
    }

    /// <summary>Handles one post.</summary>
    /// <param name="source">The source, one of <see cref="InboundSources"/> (the route's last segments name it).</param>
    /// <param name="headers">The request headers, <c>Content-Type</c> among them; names are matched ignoring case.</param>
    /// <param name="body">The body's bytes, exactly as received; the host should stop reading past <see cref="InboundWebhookOptions.MaxBodyBytes"/> + 1 bytes.</param>
    /// <param name="cancellationToken">Cancels the intake.</param>
    /// <returns>The status, the JSON body, and the complaints or the refusal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="headers"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<InboundWebhookResult> HandleAsync(string source, IEnumerable<KeyValuePair<string, string>> headers, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(headers);
        if (!_signers.TryGetValue(source, out var signer) || !Adapters.TryGetValue(source, out var adapter))
        {
            return Refuse(InboundRejection.One(InboundRejectionReason.UnknownSource, "source", source, FieldErrorCodes.Unknown,
                "is not an enabled inbound source; the sources are " + string.Join(", ", InboundSources.All)));
        }

        var read = Read(source, signer, adapter, Headers(headers), body);
        if (read.Rejection is { } refused)
        {
            return Refuse(refused);
        }

        var keys = signer is null ? [] : read.Submissions.Select(s => source + "\n" + s.SourceReference).ToArray();
        if (keys.Length > 0 && _replays.TryAddAll(keys, _clock.GetCurrentInstant()) is { } seen)
        {
            return Refuse(InboundRejection.One(InboundRejectionReason.Replayed, "id", seen[(source.Length + 1)..], FieldErrorCodes.Malformed,
                "was accepted already within the replay window; a replayed post is refused"));
        }

        var results = new List<IntakeResult>(read.Submissions.Count);
        try
        {
            foreach (var submission in read.Submissions)
            {
                results.Add(await _intake.ReceiveAsync(submission, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (FieldValidationException invalid)
        {
            _replays.RemoveAll(keys);
            return Refuse(new InboundRejection(InboundRejectionReason.InvalidFields, invalid.Errors));
        }
        catch
        {
            _replays.RemoveAll(keys);
            throw;
        }

        return Accept(results);
    }

    private (IReadOnlyList<ComplaintSubmission> Submissions, InboundRejection? Rejection) Read(
        string source, WebhookSigner? signer, InboundAdapter adapter, Dictionary<string, string> headers, ReadOnlyMemory<byte> body)
    {
        if (body.Length > _options.MaxBodyBytes)
        {
            return ([], InboundRejection.One(InboundRejectionReason.PayloadTooLarge, "body", $"({body.Length} bytes)", FieldErrorCodes.TooLong,
                $"is larger than the {_options.MaxBodyBytes} bytes accepted"));
        }

        if (PayloadReader.MediaType(headers.GetValueOrDefault("Content-Type"), adapter.MediaTypes, out var badType) is not { } mediaType)
        {
            return ([], badType);
        }

        if (signer is not null && Verify(signer, headers, body.Span) is { } unsigned)
        {
            return ([], unsigned);
        }

        if (PayloadReader.CheckUtf8(body.Span) is { } garbled)
        {
            return ([], garbled);
        }

        AdapterResult result;
        if (mediaType == PayloadReader.Form)
        {
            if (PayloadReader.ParseForm(body.Span, out var badForm) is not { } form)
            {
                return ([], badForm);
            }

            result = adapter.ReadForm(form, body.Span);
        }
        else
        {
            using var document = PayloadReader.ParseJson(body, _options.MaxDepth, out var badJson);
            if (document is null)
            {
                return ([], badJson);
            }

            result = adapter.ReadJson(document.RootElement, body.Span, _options);
        }

        return result.Errors.Count > 0
            ? ([], new InboundRejection(InboundRejectionReason.InvalidFields, result.Errors))
            : (result.Submissions, null);
    }

    private InboundRejection? Verify(WebhookSigner signer, Dictionary<string, string> headers, ReadOnlySpan<byte> body)
    {
        var timestamp = headers.GetValueOrDefault(WebhookHeaders.Timestamp);
        var signature = headers.GetValueOrDefault(WebhookHeaders.Signature);
        return signer.Verify(body, timestamp, signature, _clock.GetCurrentInstant(), _tolerance) switch
        {
            WebhookSignatureStatus.Valid => null,
            WebhookSignatureStatus.Missing => InboundRejection.One(InboundRejectionReason.SignatureMissing, string.IsNullOrEmpty(timestamp) ? WebhookHeaders.Timestamp : WebhookHeaders.Signature, null,
                FieldErrorCodes.Required, "is required: this source accepts signed posts only"),
            WebhookSignatureStatus.Malformed => WebhookSigner.TryParseTimestamp(timestamp!, out _)
                ? InboundRejection.One(InboundRejectionReason.SignatureMissing, WebhookHeaders.Signature, signature, FieldErrorCodes.Malformed, "has no v1=<64 hex digits> item")
                : InboundRejection.One(InboundRejectionReason.SignatureMissing, WebhookHeaders.Timestamp, timestamp, FieldErrorCodes.Malformed, "is not Unix seconds"),
            WebhookSignatureStatus.OutsideTolerance => InboundRejection.One(InboundRejectionReason.StaleTimestamp, WebhookHeaders.Timestamp, timestamp, FieldErrorCodes.OutOfRange,
                $"is more than {_options.TimestampTolerance:c} from the server's clock ({WebhookSigner.FormatTimestamp(_clock.GetCurrentInstant())})"),
            _ => InboundRejection.One(InboundRejectionReason.SignatureMismatch, WebhookHeaders.Signature, signature, FieldErrorCodes.Malformed,
                "matches no secret of this source: the body was changed, or it was signed with another secret"),
        };
    }

    private static Dictionary<string, string> Headers(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            byName.TryAdd(name, value);
        }

        return byName;
    }

    private static InboundWebhookResult Accept(List<IntakeResult> results)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("complaints");
            foreach (var result in results)
            {
                writer.WriteStartObject();
                writer.WriteString("id", result.Complaint.Id.Value);
                writer.WriteString("source_reference", result.Complaint.SourceReference);
                writer.WriteBoolean("new", result.IsNew);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return new InboundWebhookResult(results.Any(r => r.IsNew) ? 201 : 200, "application/json", buffer.WrittenMemory) { Complaints = results };
    }

    private static InboundWebhookResult Refuse(InboundRejection rejection)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "urn:customercare:inbound:" + rejection.Code);
            writer.WriteString("title", Title(rejection.Reason));
            writer.WriteNumber("status", rejection.StatusCode);
            writer.WriteString("code", rejection.Code);
            writer.WriteString("detail", string.Join("; ", rejection.Errors.Select(e => e.Message)));
            if (rejection.Line is { } line)
            {
                writer.WriteNumber("line", line);
                writer.WriteNumber("position", rejection.Position ?? 0);
            }

            writer.WriteStartArray("errors");
            foreach (var error in rejection.Errors)
            {
                writer.WriteStartObject();
                writer.WriteString("field", error.Field);
                writer.WriteString("code", error.Code);
                writer.WriteString("message", error.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return new InboundWebhookResult(rejection.StatusCode, "application/problem+json", buffer.WrittenMemory) { Rejection = rejection };
    }

    private static string Title(InboundRejectionReason reason) => reason switch
    {
        InboundRejectionReason.UnknownSource => "No such inbound source",
        InboundRejectionReason.PayloadTooLarge => "The body is too large",
        InboundRejectionReason.UnsupportedMediaType => "The content type is not accepted",
        InboundRejectionReason.SignatureMissing => "The post is not signed",
        InboundRejectionReason.SignatureMismatch => "The signature does not match",
        InboundRejectionReason.StaleTimestamp => "The signed timestamp is too old or too new",
        InboundRejectionReason.Replayed => "The post was received already",
        InboundRejectionReason.MalformedEncoding => "The body is not UTF-8",
        InboundRejectionReason.MalformedPayload => "The body is malformed",
        InboundRejectionReason.NestingTooDeep => "The JSON is nested too deep",
        _ => "Fields are missing or invalid",
    };
}
