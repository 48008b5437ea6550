using System.Diagnostics.CodeAnalysis;

namespace CustomerCare.Customers;

/// <summary>An e-mail address checked for a plausible shape: one <c>@</c>, a local part and a dotted domain.</summary>
/// <remarks>
/// The check is deliberately practical rather than the full RFC 5322 grammar: it refuses what a customer mistypes
/// (no <c>@</c>, two <c>@</c>, spaces, an empty part, a domain without a dot or with empty labels) and accepts
/// international domain names and local parts. The domain is lower-cased with the invariant culture; the local part
/// is kept as given. Equality is ordinal on the normalized text.
/// </remarks>
public readonly record struct EmailAddress
{
    /// <summary>The longest address accepted (RFC 5321).</summary>
    public const int MaxLength = 254;

    private readonly string? _value;

    private EmailAddress(string value) => _value = value;

    /// <summary>The normalized address.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The part after the <c>@</c>, lower-cased.</summary>
    public string Domain => Value[(Value.LastIndexOf('@') + 1)..];

    /// <summary>Parses an address.</summary>
    /// <param name="value">The address text.</param>
    /// <returns>The address.</returns>
    /// <exception cref="FieldValidationException">The address is missing or malformed.</exception>
    public static EmailAddress Parse(string? value) =>
        TryParse(value, out var email, out var error) ? email : throw new FieldValidationException(error);

    /// <summary>Tries to parse an address.</summary>
    /// <param name="value">The address text.</param>
    /// <param name="email">The address, when valid.</param>
    /// <param name="error">Why it was refused, when not.</param>
    /// <param name="field">The field name to put in the error.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryParse(string? value, out EmailAddress email, [NotNullWhen(false)] out FieldError? error, string field = "email")
    {
        email = default;
        error = null;
        var reason = Check(value?.Trim());
        if (reason is not null)
        {
            error = FieldErrors.Create(field, value, string.IsNullOrWhiteSpace(value) ? FieldErrorCodes.Required : FieldErrorCodes.Malformed, reason);
            return false;
        }

        var trimmed = value!.Trim();
        var at = trimmed.LastIndexOf('@');
        email = new EmailAddress(trimmed[..at] + "@" + trimmed[(at + 1)..].ToLowerInvariant());
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Value;

    private static string? Check(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "is required";
        }

        if (value.Length > MaxLength)
        {
            return $"is longer than {MaxLength} characters";
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            return "is not an e-mail address: it has no '@'";
        }

        if (at != value.LastIndexOf('@'))
        {
            return "is not an e-mail address: it has more than one '@'";
        }

        if (value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or '"' or '(' or ')' or '[' or ']' or '\\'))
        {
            return "is not an e-mail address: it contains a space or a character not allowed in an address";
        }

        var local = value.AsSpan(0, at);
        var domain = value.AsSpan(at + 1);
        if (local.IsEmpty || local.Length > 64)
        {
            return "is not an e-mail address: the part before '@' must have 1 to 64 characters";
        }

        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return "is not an e-mail address: the part before '@' has a misplaced dot";
        }

        if (!domain.Contains('.'))
        {
            return "is not an e-mail address: the domain has no dot";
        }

        foreach (var range in domain.Split('.'))
        {
            var label = domain[range];
            if (label.IsEmpty || label.Length > 63 || label[0] == '-' || label[^1] == '-')
            {
                return "is not an e-mail address: the domain has an empty or malformed label";
            }
        }

        return null;
    }
}
