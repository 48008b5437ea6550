using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CustomerCare.Customers;

/// <summary>A customer's language and region as a BCP 47 tag that .NET knows, such as <c>tr-TR</c> or <c>en-GB</c>.</summary>
/// <remarks>Templates are chosen by this tag, falling back from <c>tr-TR</c> to <c>tr</c> to the default locale.</remarks>
public readonly record struct Locale
{
    // Tags already found to name a culture, with its canonical name. Every stored customer's locale is parsed again on
    // each read, and asking .NET (ICU) whether a tag is predefined was a fifth of a customer document's parse time.
    // Bounded, since each casing of a tag is its own key.
    private const int MaxKnownTags = 1024;
    private static readonly ConcurrentDictionary<string, string> KnownTags = new(StringComparer.Ordinal);
    private readonly string? _name;

    private Locale(string name) => _name = name;

    /// <summary>Turkish as spoken in Turkey.</summary>
    public static Locale TurkishTurkey { get; } = new("tr-TR");

    /// <summary>The tag, in .NET's canonical casing (<c>tr-TR</c>).</summary>
    public string Name => _name ?? "tr-TR";

    /// <summary>The culture for rendering dates, numbers and amounts to this customer.</summary>
    public CultureInfo Culture => CultureInfo.GetCultureInfo(Name);

    /// <summary>Parses a tag.</summary>
    /// <param name="value">The tag, such as <c>tr-TR</c>; <c>_</c> is accepted in place of <c>-</c>.</param>
    /// <returns>The locale.</returns>
    /// <exception cref="FieldValidationException">The tag is not a culture .NET knows.</exception>
    public static Locale Parse(string? value) =>
        TryParse(value, out var locale, out var error) ? locale : throw new FieldValidationException(error);

    /// <summary>Tries to parse a tag.</summary>
    /// <param name="value">The tag.</param>
    /// <param name="locale">The locale, when known.</param>
    /// <param name="error">Why it was refused, when not.</param>
    /// <param name="field">The field name to put in the error.</param>
    /// <returns><see langword="true"/> when the tag names a culture.</returns>
    public static bool TryParse(string? value, out Locale locale, [NotNullWhen(false)] out FieldError? error, string field = "locale")
    {
        locale = default;
        error = null;
        if (value is not null && KnownTags.TryGetValue(value, out var known))
        {
            locale = new Locale(known);
            return true;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            error = FieldErrors.Create(field, value, FieldErrorCodes.Required, "is required");
            return false;
        }

        var tag = value.Trim().Replace('_', '-');
        if (tag.Length > 35 || !tag.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            error = FieldErrors.Create(field, value, FieldErrorCodes.Malformed, "is not a BCP 47 language tag such as tr-TR");
            return false;
        }

        try
        {
            var culture = CultureInfo.GetCultureInfo(tag, predefinedOnly: true);
            if (culture.Equals(CultureInfo.InvariantCulture))
            {
                error = FieldErrors.Create(field, value, FieldErrorCodes.Unknown, "names the invariant culture, not a language");
                return false;
            }

            locale = new Locale(culture.Name);
            if (KnownTags.Count < MaxKnownTags)
            {
                KnownTags.TryAdd(value, culture.Name);
            }

            return true;
        }
        catch (CultureNotFoundException)
        {
            error = FieldErrors.Create(field, value, FieldErrorCodes.Unknown, "is not a language and region .NET knows");
            return false;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
