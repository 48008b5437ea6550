using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace CustomerCare.Webhooks;

/// <summary>
/// Signs and verifies webhook bodies with the CustomerCare scheme: <c>X-CustomerCare-Signature: v1=&lt;hex&gt;</c>, the
/// lowercase hex HMAC-SHA256, keyed with the UTF-8 bytes of a secret, of the ASCII timestamp in Unix seconds, a dot, and
/// the body's bytes exactly as sent (<c>"{timestamp}.{body}"</c>); the timestamp travels in
/// <c>X-CustomerCare-Timestamp</c>. The same class signs outbound requests and verifies inbound ones.
/// </summary>
/// <remarks>
/// <para><b>Secret rotation.</b> A signer holds one or more secrets. <see cref="Sign"/> writes one <c>v1=</c> item per
/// secret, so a receiver holding either the old or the new secret accepts the request; <see cref="Verify"/> accepts a
/// request when any <c>v1</c> item matches any secret. Rotate by adding the new secret on both sides, then removing the
/// old one.</para>
/// <para>Comparisons take constant time. Items of other schemes (<c>v2=…</c>) are ignored, so a later scheme can be
/// sent alongside. Immutable and thread-safe.</para>
/// </remarks>
public sealed class WebhookSigner
{
    /// <summary>The shortest secret accepted, in characters.</summary>
    public const int MinSecretLength = 16;

    private const int HashBytes = 32;
    private const int MaxTimestampDigits = 19;
    private const int StackLimit = 1024;

    private readonly byte[][] _keys;

    /// <summary>Creates a signer.</summary>
    /// <param name="secrets">The secrets, the current one first; at least one, each at least <see cref="MinSecretLength"/> characters.</param>
    /// <exception cref="ArgumentNullException"><paramref name="secrets"/> is null.</exception>
    /// <exception cref="FieldValidationException">There is no secret, or one is too short; secrets are never echoed.</exception>
    public WebhookSigner(IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var list = secrets.ToArray();
        var errors = Check(list, "secrets");
        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }

        _keys = [.. list.Select(s => Encoding.UTF8.GetBytes(s))];
    }

    /// <summary>How many secrets this signer holds.</summary>
    public int SecretCount => _keys.Length;

    /// <summary>Checks a list of secrets without echoing them.</summary>
    /// <param name="secrets">The secrets.</param>
    /// <param name="field">The field name for the errors.</param>
    /// <returns>The problems; empty when the secrets are usable.</returns>
    internal static List<FieldError> Check(IReadOnlyList<string?> secrets, string field)
    {
        var errors = new List<FieldError>();
        if (secrets.Count == 0)
        {
            errors.Add(FieldErrors.Create(field, null, FieldErrorCodes.Required, "must hold at least one secret"));
        }

        for (var i = 0; i < secrets.Count; i++)
        {
            if (secrets[i] is not { Length: >= MinSecretLength })
            {
                // The value is a secret: only its length is shown.
                errors.Add(FieldErrors.Create(string.Create(CultureInfo.InvariantCulture, $"{field}:{i}"), $"({secrets[i]?.Length ?? 0} characters)", FieldErrorCodes.OutOfRange,
                    $"is too short; a secret has at least {MinSecretLength} characters"));
            }
        }

        return errors;
    }

    /// <summary>The Unix seconds of an instant, as <c>X-CustomerCare-Timestamp</c> carries them.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The header value.</returns>
    public static string FormatTimestamp(Instant instant) => instant.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>Signs a body.</summary>
    /// <param name="timestamp">The Unix seconds that go in <c>X-CustomerCare-Timestamp</c>.</param>
    /// <param name="body">The body's bytes, exactly as they are sent.</param>
    /// <returns>The <c>X-CustomerCare-Signature</c> value: <c>v1=&lt;hex&gt;</c> per secret, separated by <c>", "</c>.</returns>
    public string Sign(long timestamp, ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[HashBytes];
        var builder = new StringBuilder(_keys.Length * (HashBytes * 2 + 5));
        foreach (var key in _keys)
        {
            Compute(key, timestamp, body, hash);
            if (builder.Length > 0)
            {
                builder.Append(", ");
            }

            builder.Append(WebhookHeaders.SchemeV1).Append('=').Append(Convert.ToHexStringLower(hash));
        }

        return builder.ToString();
    }

    /// <summary>Verifies a signed body.</summary>
    /// <param name="body">The body's bytes, exactly as they arrived.</param>
    /// <param name="timestampHeader">The <c>X-CustomerCare-Timestamp</c> value, or <see langword="null"/> when absent.</param>
    /// <param name="signatureHeader">The <c>X-CustomerCare-Signature</c> value, or <see langword="null"/> when absent.</param>
    /// <param name="now">The receiver's clock.</param>
    /// <param name="tolerance">How far the timestamp may be from <paramref name="now"/>, either way.</param>
    /// <returns><see cref="WebhookSignatureStatus.Valid"/>, or what is wrong.</returns>
    public WebhookSignatureStatus Verify(ReadOnlySpan<byte> body, string? timestampHeader, string? signatureHeader, Instant now, Duration tolerance)
    {
        if (string.IsNullOrEmpty(timestampHeader) || string.IsNullOrEmpty(signatureHeader))
        {
            return WebhookSignatureStatus.Missing;
        }

        if (!TryParseTimestamp(timestampHeader, out var timestamp))
        {
            return WebhookSignatureStatus.Malformed;
        }

        var offset = now.ToUnixTimeSeconds() - timestamp;
        if (Math.Abs((decimal)offset) > (decimal)tolerance.TotalSeconds)
        {
            return WebhookSignatureStatus.OutsideTolerance;
        }

        Span<byte> given = stackalloc byte[HashBytes];
        var anyWellFormed = false;
        foreach (var range in signatureHeader.AsSpan().Split(','))
        {
            var item = signatureHeader.AsSpan()[range].Trim();
            var equals = item.IndexOf('=');
            if (equals <= 0 || !item[..equals].SequenceEqual(WebhookHeaders.SchemeV1))
            {
                continue;
            }

            var hex = item[(equals + 1)..];
            if (hex.Length != HashBytes * 2 || Convert.FromHexString(hex, given, out _, out var written) != OperationStatus.Done || written != HashBytes)
            {
                continue;
            }

            anyWellFormed = true;
            foreach (var key in _keys)
            {
                if (Matches(key, timestamp, body, given))
                {
                    return WebhookSignatureStatus.Valid;
                }
            }
        }

        return anyWellFormed ? WebhookSignatureStatus.Mismatch : WebhookSignatureStatus.Malformed;
    }

    /// <summary>Reads a Unix-seconds timestamp: decimal digits only, no sign, no spaces.</summary>
    /// <param name="text">The header value.</param>
    /// <param name="timestamp">The seconds.</param>
    /// <returns>Whether it was well formed.</returns>
    internal static bool TryParseTimestamp(string text, out long timestamp)
    {
        timestamp = 0;
        return text.Length is > 0 and <= MaxTimestampDigits && text.All(char.IsAsciiDigit)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out timestamp);
    }

    private static bool Matches(byte[] key, long timestamp, ReadOnlySpan<byte> body, ReadOnlySpan<byte> given)
    {
        Span<byte> hash = stackalloc byte[HashBytes];
        Compute(key, timestamp, body, hash);
        return CryptographicOperations.FixedTimeEquals(given, hash);
    }

    private static void Compute(byte[] key, long timestamp, ReadOnlySpan<byte> body, Span<byte> hash)
    {
        Span<byte> prefix = stackalloc byte[MaxTimestampDigits + 1];
        timestamp.TryFormat(prefix, out var digits, provider: CultureInfo.InvariantCulture);
        prefix[digits++] = (byte)'.';
        var length = digits + body.Length;
        byte[]? rented = length > StackLimit ? ArrayPool<byte>.Shared.Rent(length) : null;
        var message = rented is null ? stackalloc byte[StackLimit] : rented;
        try
        {
            prefix[..digits].CopyTo(message);
            body.CopyTo(message[digits..]);
            HMACSHA256.HashData(key, message[..length], hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
