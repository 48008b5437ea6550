namespace CustomerCare.Customers;

/// <summary>A customer's name, as they gave it: a given name used to greet them and an optional family name.</summary>
/// <remarks>Names are kept exactly as entered; no casing is applied, since <c>"ırmak".ToUpper()</c> depends on culture.</remarks>
public sealed record PersonName
{
    /// <summary>The longest part accepted.</summary>
    public const int MaxLength = 100;

    /// <summary>Creates a name.</summary>
    /// <param name="givenName">The given name; required.</param>
    /// <param name="familyName">The family name; optional.</param>
    /// <exception cref="FieldValidationException">A part is blank, too long or has control characters.</exception>
    public PersonName(string givenName, string? familyName = null)
    {
        GivenName = Check("given_name", givenName, required: true)!;
        FamilyName = Check("family_name", familyName, required: false);
    }

    /// <summary>The given (first) name, used in greetings.</summary>
    public string GivenName { get; }

    /// <summary>The family (last) name, when known.</summary>
    public string? FamilyName { get; }

    /// <summary>The full name: given name, then family name.</summary>
    public string FullName => FamilyName is null ? GivenName : GivenName + " " + FamilyName;

    /// <inheritdoc />
    public override string ToString() => FullName;

    private static string? Check(string field, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? throw FieldValidationException.For(field, value, FieldErrorCodes.Required, "is required") : null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > MaxLength)
        {
            throw FieldValidationException.For(field, value, FieldErrorCodes.TooLong, $"is longer than {MaxLength} characters");
        }

        if (trimmed.Any(char.IsControl))
        {
            throw FieldValidationException.For(field, value, FieldErrorCodes.Malformed, "contains a control character");
        }

        return trimmed;
    }
}
