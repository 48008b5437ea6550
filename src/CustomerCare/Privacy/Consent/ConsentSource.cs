using System.Diagnostics.CodeAnalysis;

namespace CustomerCare.Privacy.Consent;

/// <summary>
/// Where a consent was given or withdrawn: a short lower-case token such as <c>web_form</c>, <c>checkout</c>,
/// <c>iys</c>, <c>import</c> or <c>support_call</c>.
/// </summary>
/// <remarks>
/// A token is 1–32 characters of <c>a-z</c>, <c>0-9</c> and <c>_</c>, starting with a letter; it is compared
/// ordinally, so it never depends on the culture (the Turkish dotless i cannot sneak in).
/// </remarks>
public readonly record struct ConsentSource
{
    /// <summary>The longest token accepted.</summary>
    public const int MaxLength = 32;

    private readonly string? _value;

    private ConsentSource(string value) => _value = value;

    /// <summary>A web form (sign-up, preferences page).</summary>
    public static ConsentSource WebForm { get; } = new("web_form");

    /// <summary>The checkout page.</summary>
    public static ConsentSource Checkout { get; } = new("checkout");

    /// <summary>İYS (İleti Yönetim Sistemi): the customer acted there, or an İYS file was imported.</summary>
    public static ConsentSource Iys { get; } = new("iys");

    /// <summary>A bulk import of another system's data, such as the customer CSV's <c>accepts_marketing</c> column.</summary>
    public static ConsentSource Import { get; } = new("import");

    /// <summary>A call with customer support.</summary>
    public static ConsentSource SupportCall { get; } = new("support_call");

    /// <summary>The token.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Parses a token.</summary>
    /// <param name="text">The token.</param>
    /// <param name="source">The source, when valid.</param>
    /// <param name="error">Why it was refused, naming <paramref name="field"/> and the value.</param>
    /// <param name="field">The field name for errors.</param>
    /// <returns>Whether it was valid.</returns>
    public static bool TryFrom([NotNullWhen(true)] string? text, out ConsentSource source, [NotNullWhen(false)] out FieldError? error, string field = "source")
    {
        source = default;
        if (string.IsNullOrEmpty(text))
        {
            error = FieldErrors.Create(field, text, FieldErrorCodes.Required, "is required");
            return false;
        }

        if (text.Length > MaxLength)
        {
            error = FieldErrors.Create(field, text, FieldErrorCodes.TooLong, $"is longer than {MaxLength} characters");
            return false;
        }

        if (!char.IsAsciiLetterLower(text[0]) || !text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            error = FieldErrors.Create(field, text, FieldErrorCodes.Malformed, "is not a lower-case token of a-z, 0-9 and _ starting with a letter");
            return false;
        }

        source = new ConsentSource(text);
        error = null;
        return true;
    }

    /// <summary>Parses a token, throwing when it is invalid.</summary>
    /// <param name="text">The token.</param>
    /// <returns>The source.</returns>
    /// <exception cref="FieldValidationException">The token is blank, too long or malformed.</exception>
    public static ConsentSource From(string text) =>
        TryFrom(text, out var source, out var error) ? source : throw new FieldValidationException(error);

    /// <inheritdoc />
    public override string ToString() => Value;
}
