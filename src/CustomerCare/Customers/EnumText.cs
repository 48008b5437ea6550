using System.Diagnostics.CodeAnalysis;

namespace CustomerCare.Customers;

/// <summary>Parses the profile enums from text, by name (any case, <c>_</c> and <c>-</c> ignored) and never by number.</summary>
public static class EnumText
{
    /// <summary>Tries to parse an enum member by its name; blank text gives the default member.</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="text">The text, such as <c>female</c> or <c>upper_middle</c>.</param>
    /// <param name="value">The member, when found.</param>
    /// <param name="error">Why it was refused, when not.</param>
    /// <param name="field">The field name to put in the error.</param>
    /// <returns><see langword="true"/> when the text names a member or is blank.</returns>
    public static bool TryParse<TEnum>(string? text, out TEnum value, [NotNullWhen(false)] out FieldError? error, string field)
        where TEnum : struct, Enum
    {
        value = default;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var compact = new string(text.Trim().Where(c => c is not ('_' or '-' or ' ')).ToArray());
        if (typeof(TEnum) == typeof(AgeBand) && TryParseAgeLabel(text.Trim(), out var band))
        {
            value = (TEnum)(object)band;
            return true;
        }

        foreach (var name in Enum.GetNames<TEnum>())
        {
            if (string.Equals(name, compact, StringComparison.OrdinalIgnoreCase))
            {
                value = Enum.Parse<TEnum>(name);
                return true;
            }
        }

        var allowed = string.Join(", ", Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()));
        error = FieldErrors.Create(field, text, FieldErrorCodes.Unknown, $"is not one of: {allowed}");
        return false;
    }

    private static bool TryParseAgeLabel(string text, out AgeBand band)
    {
        band = text switch
        {
            "<18" => AgeBand.Under18,
            "18-24" => AgeBand.From18To24,
            "25-34" => AgeBand.From25To34,
            "35-44" => AgeBand.From35To44,
            "45-54" => AgeBand.From45To54,
            "55-64" => AgeBand.From55To64,
            "65+" => AgeBand.From65,
            _ => AgeBand.Unknown,
        };
        return band != AgeBand.Unknown;
    }
}
