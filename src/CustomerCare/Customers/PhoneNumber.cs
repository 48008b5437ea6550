using System.Diagnostics.CodeAnalysis;

namespace CustomerCare.Customers;

/// <summary>A phone number in E.164 form: <c>+</c>, a country code and up to 15 digits in all.</summary>
/// <remarks>
/// Spaces, dashes, dots and parentheses are dropped on input, so <c>+90 (532) 123-45-67</c> becomes
/// <c>+905321234567</c>. A number without the leading <c>+</c> and country code is refused, since it cannot be
/// dialled from another country and an SMS gateway needs it.
/// </remarks>
public readonly record struct PhoneNumber
{
    private readonly string? _value;

    private PhoneNumber(string value) => _value = value;

    /// <summary>The number in E.164 form.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Parses a number.</summary>
    /// <param name="value">The number text.</param>
    /// <returns>The number.</returns>
    /// <exception cref="FieldValidationException">The number is missing or not in international form.</exception>
    public static PhoneNumber Parse(string? value) =>
        TryParse(value, out var phone, out var error) ? phone : throw new FieldValidationException(error);

    /// <summary>Tries to parse a number.</summary>
    /// <param name="value">The number text.</param>
    /// <param name="phone">The number, when valid.</param>
    /// <param name="error">Why it was refused, when not.</param>
    /// <param name="field">The field name to put in the error.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryParse(string? value, out PhoneNumber phone, [NotNullWhen(false)] out FieldError? error, string field = "phone")
    {
        phone = default;
        error = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            error = FieldErrors.Create(field, value, FieldErrorCodes.Required, "is required");
            return false;
        }

        var compact = new string(value.Where(c => c is not (' ' or '-' or '.' or '(' or ')')).ToArray());
        var digits = compact.Length - 1;
        var wellFormed = compact.Length > 1 && compact[0] == '+' && compact[1] != '0'
            && !compact.AsSpan(1).ContainsAnyExceptInRange('0', '9') && digits is >= 8 and <= 15;
        if (!wellFormed)
        {
            error = FieldErrors.Create(field, value, FieldErrorCodes.Malformed, "is not an international number: write '+', the country code and 8 to 15 digits in all (for example +90 532 123 45 67)");
            return false;
        }

        phone = new PhoneNumber(compact);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}
