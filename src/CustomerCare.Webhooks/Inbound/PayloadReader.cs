using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace CustomerCare.Webhooks;

/// <summary>Reads raw bodies defensively: media type, UTF-8, JSON (with its depth bounded) and form encoding, each failure a typed refusal with a position.</summary>
internal static class PayloadReader
{
    public const string Json = "application/json";
    public const string Form = "application/x-www-form-urlencoded";
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The media type, lower-case, when it is one of <paramref name="accepted"/> with no charset or UTF-8.</summary>
    public static string? MediaType(string? contentType, IReadOnlyList<string> accepted, out InboundRejection? rejection)
    {
        rejection = null;
        if (contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var media) && media.MediaType is { } type)
        {
            var charsetOk = media.CharSet is null || media.CharSet.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase);
            var match = accepted.FirstOrDefault(a => a.Equals(type, StringComparison.OrdinalIgnoreCase));
            if (match is not null && charsetOk)
            {
                return match;
            }
        }

        rejection = InboundRejection.One(InboundRejectionReason.UnsupportedMediaType, "Content-Type", contentType, contentType is null ? FieldErrorCodes.Required : FieldErrorCodes.Unknown,
            "is not accepted here; send " + string.Join(" or ", accepted) + " in UTF-8");
        return null;
    }

    /// <summary>Refuses bytes that are not UTF-8, naming the line and position of the first bad byte.</summary>
    public static InboundRejection? CheckUtf8(ReadOnlySpan<byte> body)
    {
        if (Utf8.IsValid(body))
        {
            return null;
        }

        var chars = ArrayPool<char>.Shared.Rent(body.Length);
        try
        {
            Utf8.ToUtf16(body, chars, out var read, out _, replaceInvalidSequences: false);
            var (line, position) = Locate(body, read);
            return new InboundRejection(InboundRejectionReason.MalformedEncoding,
                [FieldErrors.Create("body", string.Create(CultureInfo.InvariantCulture, $"0x{body[read]:X2}"), FieldErrorCodes.Malformed,
                    string.Create(CultureInfo.InvariantCulture, $"is not UTF-8, at line {line}, position {position} (byte {read})"))])
            { Line = line, Position = position };
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Parses JSON whose nesting is at most <paramref name="maxDepth"/>; a UTF-8 byte-order mark is skipped.</summary>
    public static JsonDocument? ParseJson(ReadOnlyMemory<byte> body, int maxDepth, out InboundRejection? rejection)
    {
        rejection = null;
        if (body.Span.StartsWith(Encoding.UTF8.Preamble))
        {
            body = body[3..];
        }

        // One forward pass first: it finds too-deep nesting with its position before the document (recursive to build)
        // is made, and reports syntax errors with their line and position.
        var reader = new Utf8JsonReader(body.Span, new JsonReaderOptions { MaxDepth = maxDepth + 2 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= maxDepth)
                {
                    var (line, position) = Locate(body.Span, reader.TokenStartIndex);
                    rejection = new InboundRejection(InboundRejectionReason.NestingTooDeep,
                        [FieldErrors.Create("body", null, FieldErrorCodes.OutOfRange,
                            string.Create(CultureInfo.InvariantCulture, $"nests deeper than {maxDepth} levels, at line {line}, position {position}"))])
                    { Line = line, Position = position };
                    return null;
                }
            }

            return JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = maxDepth + 1 });
        }
        catch (JsonException malformed)
        {
            var line = (malformed.LineNumber ?? 0) + 1;
            var position = (malformed.BytePositionInLine ?? 0) + 1;
            var reason = malformed.Message;
            var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            reason = cut > 0 ? reason[..cut].TrimEnd() : reason;
            rejection = new InboundRejection(InboundRejectionReason.MalformedPayload,
                [FieldErrors.Create(malformed.Path is { Length: > 0 } path ? path : "$", null, FieldErrorCodes.Malformed,
                    string.Create(CultureInfo.InvariantCulture, $"is not valid JSON at line {line}, position {position}: {reason}"))])
            { Line = line, Position = position };
            return null;
        }
    }

    /// <summary>Reads <c>application/x-www-form-urlencoded</c>: strict percent-encoding and UTF-8; a repeated name is refused.</summary>
    public static Dictionary<string, string>? ParseForm(ReadOnlySpan<byte> body, out InboundRejection? rejection)
    {
        rejection = null;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var start = 0;
        while (start <= body.Length)
        {
            var end = body[start..].IndexOf((byte)'&');
            end = end < 0 ? body.Length : start + end;
            var pair = body[start..end];
            if (!pair.IsEmpty)
            {
                var equals = pair.IndexOf((byte)'=');
                var rawName = equals < 0 ? pair : pair[..equals];
                var rawValue = equals < 0 ? [] : pair[(equals + 1)..];
                var nameOk = TryDecode(rawName, out var name, out var bad);
                var value = string.Empty;
                if (!nameOk || !TryDecode(rawValue, out value, out bad))
                {
                    var offset = start + (nameOk ? equals + 1 : 0) + bad;
                    var why = string.Create(CultureInfo.InvariantCulture, $"is not form-urlencoded UTF-8: a bad escape or byte at byte {offset}");
                    rejection = InboundRejection.One(InboundRejectionReason.MalformedPayload, "body", null, FieldErrorCodes.Malformed, why) with { Line = 1, Position = offset + 1 };
                    return null;
                }

                if (!fields.TryAdd(name, value))
                {
                    rejection = InboundRejection.One(InboundRejectionReason.InvalidFields, name, value, FieldErrorCodes.Malformed, "is given twice");
                    return null;
                }
            }

            start = end + 1;
        }

        return fields;
    }

    /// <summary>1-based line and byte position of an offset.</summary>
    public static (long Line, long Position) Locate(ReadOnlySpan<byte> body, long offset)
    {
        var before = body[..(int)Math.Min(offset, body.Length)];
        var line = before.Count((byte)'\n') + 1;
        var lastBreak = before.LastIndexOf((byte)'\n');
        return (line, offset - lastBreak);
    }

    /// <summary>Decodes one form component; <paramref name="bad"/> is the offset of the first bad byte when it fails.</summary>
    private static bool TryDecode(ReadOnlySpan<byte> raw, out string text, out int bad)
    {
        var bytes = new byte[raw.Length];
        var length = 0;
        bad = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            if (b == '+')
            {
                bytes[length++] = (byte)' ';
            }
            else if (b == '%')
            {
                if (i + 2 >= raw.Length || !byte.TryParse(raw.Slice(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var decoded))
                {
                    bad = i;
                    text = string.Empty;
                    return false;
                }

                bytes[length++] = decoded;
                i += 2;
            }
            else
            {
                bytes[length++] = b;
            }
        }

        try
        {
            text = StrictUtf8.GetString(bytes, 0, length);
            return true;
        }
        catch (DecoderFallbackException invalid)
        {
            bad = invalid.Index;
            text = string.Empty;
            return false;
        }
    }
}
