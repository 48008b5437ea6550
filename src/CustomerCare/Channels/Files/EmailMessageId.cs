using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CustomerCare.Channels.Files;

/// <summary>
/// Derives the RFC 5322 <c>Message-ID</c> of an e-mail from its outbox idempotency key, so that every channel that
/// writes or sends the same message (the file channel, the SMTP channel) gives it the same, stable identity.
/// </summary>
/// <remarks>
/// <para>The local part is a readable prefix of the key (ASCII letters, digits, <c>-</c> and <c>_</c>; every other run
/// of characters becomes one <c>-</c>; at most 40 characters), a dot, and the first 128 bits of the SHA-256 of the key's
/// UTF-8 bytes in lower-case hex. So <c>ack/CMP-7KQ2/email</c> becomes
/// <c>ack-CMP-7KQ2-email.&lt;32 hex digits&gt;</c>: readable in a mail client, safe as a file name on every file
/// system, and distinct for distinct keys even where the readable prefix is the same.</para>
/// <para>Pure functions; thread-safe.</para>
/// </remarks>
public static class EmailMessageId
{
    private const int MaxReadableLength = 40;
    private const int MaxDomainLength = 253;

    /// <summary>The local part (before the <c>@</c>) for a key; also the file channel's file name.</summary>
    /// <param name="messageId">The outbox idempotency key.</param>
    /// <returns>The local part: a dot-atom of ASCII letters, digits, <c>-</c>, <c>_</c> and one dot.</returns>
    /// <exception cref="ArgumentException"><paramref name="messageId"/> is null or empty.</exception>
    public static string LocalPart(string messageId)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(messageId), hash);
        return Readable(messageId) + "." + Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>The <c>Message-ID</c> for a key, without the angle brackets: <c>local-part@domain</c>.</summary>
    /// <param name="messageId">The outbox idempotency key.</param>
    /// <param name="domain">The right-hand side, such as <c>mail.example.com</c>; an international name is converted to its ASCII form.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="ArgumentException"><paramref name="messageId"/> is null or empty.</exception>
    /// <exception cref="FieldValidationException"><paramref name="domain"/> is not a domain name.</exception>
    public static string Create(string messageId, string domain)
    {
        var local = LocalPart(messageId);
        return TryNormalizeDomain(domain, out var ascii, out var error, "domain") ? local + "@" + ascii : throw new FieldValidationException(error);
    }

    /// <summary>Checks a domain name and gives its lower-case ASCII form (an international name becomes <c>xn--…</c>).</summary>
    /// <param name="domain">The name, such as <c>example.com.tr</c> or <c>müşteri.example</c>.</param>
    /// <param name="ascii">The normalized name, when valid.</param>
    /// <param name="error">Why it was refused, when not.</param>
    /// <param name="field">The field name to put in the error.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryNormalizeDomain(string? domain, [NotNullWhen(true)] out string? ascii, [NotNullWhen(false)] out FieldError? error, string field = "domain")
    {
        ascii = null;
        error = null;
        if (string.IsNullOrWhiteSpace(domain))
        {
            error = FieldErrors.Create(field, domain, FieldErrorCodes.Required, "is required");
            return false;
        }

        string candidate;
        try
        {
            candidate = domain.All(char.IsAscii) ? domain : new IdnMapping().GetAscii(domain);
        }
        catch (ArgumentException)
        {
            error = FieldErrors.Create(field, domain, FieldErrorCodes.Malformed, "is not a domain name: it has characters an international domain name cannot have");
            return false;
        }

        candidate = candidate.ToLowerInvariant();
        var reason = candidate.Length > MaxDomainLength
            ? $"is longer than {MaxDomainLength} characters"
            : candidate.Split('.').Any(l => l.Length is 0 or > 63 || l[0] == '-' || l[^1] == '-' || !l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
                ? "is not a domain name: labels of letters, digits and inner hyphens separated by single dots are expected"
                : null;
        if (reason is not null)
        {
            error = FieldErrors.Create(field, domain, FieldErrorCodes.Malformed, reason);
            return false;
        }

        ascii = candidate;
        return true;
    }

    private static string Readable(string messageId)
    {
        var builder = new StringBuilder(Math.Min(messageId.Length, MaxReadableLength));
        foreach (var c in messageId)
        {
            if (builder.Length == MaxReadableLength)
            {
                break;
            }

            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var readable = builder.ToString().TrimEnd('-');
        return readable.Length == 0 ? "m" : readable;
    }
}
