using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CustomerCare.Coupons.Codes;

public sealed partial record CouponCodePattern
{
    private const string MaskField = "pattern";

    /// <summary>
    /// Reads a pattern from its mask, the form <see cref="ToString"/> prints: a prefix of code symbols, <c>#</c> for
    /// each random symbol, <c>?</c> for the check symbol, grouped with dashes or spaces, such as
    /// <c>BDAY-####-####-####-?</c>; a trailing <c>(60 bits)</c> is allowed.
    /// </summary>
    /// <param name="mask">The mask.</param>
    /// <returns>The pattern.</returns>
    /// <exception cref="FieldValidationException">The mask is malformed, or the pattern it describes is refused (too few random bits, a bad prefix); each error names the field <c>pattern</c> and the position.</exception>
    public static CouponCodePattern FromMask(string? mask) =>
        TryFromMask(mask, out var pattern, out var errors) ? pattern : throw new FieldValidationException(errors);

    /// <summary>Tries to read a pattern from its mask; see <see cref="FromMask"/>.</summary>
    /// <param name="mask">The mask.</param>
    /// <param name="pattern">The pattern, when the mask is valid.</param>
    /// <param name="errors">Why it was refused, when not.</param>
    /// <returns><see langword="true"/> when the mask is valid.</returns>
    public static bool TryFromMask(string? mask, [NotNullWhen(true)] out CouponCodePattern? pattern, out IReadOnlyList<FieldError> errors)
    {
        pattern = null;
        if (string.IsNullOrWhiteSpace(mask))
        {
            errors = [FieldErrors.Create(MaskField, mask, FieldErrorCodes.Required, "is empty; write a mask such as BDAY-####-####-####-?")];
            return false;
        }

        var body = StripBits(mask.Trim());
        if (body.Length > MaxPrefixLength + MaxRandomLength + 1 + MaxRandomLength + 2)
        {
            errors = [FieldErrors.Create(MaskField, mask, FieldErrorCodes.TooLong, "is longer than any valid pattern")];
            return false;
        }

        var prefix = new System.Text.StringBuilder();
        int random = 0, checks = 0;
        char? separator = null;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            string? problem = c switch
            {
                '#' when checks > 0 => "has a '#' after the check symbol '?'",
                '#' => null,
                '?' when checks > 0 => "has more than one check symbol '?'",
                '?' when random == 0 => "has the check symbol '?' before any random symbol '#'",
                '?' => null,
                ' ' or '-' when separator is { } seen && seen != c => "mixes dashes and spaces as separators",
                ' ' or '-' => null,
                _ when random > 0 || checks > 0 => "has a prefix symbol after the random symbols",
                _ when CrockfordBase32.ValueOf(c) is >= 0 and < CrockfordBase32.Radix => null,
                _ => "is not a code symbol, '#', '?', a dash or a space",
            };
            if (problem is not null)
            {
                errors = [FieldErrors.Create(MaskField, mask, FieldErrorCodes.Malformed,
                    string.Create(CultureInfo.InvariantCulture, $"{problem}: {CouponCodeLayout.Describe(body, i)} at position {i + 1}"))];
                return false;
            }

            switch (c)
            {
                case '#': random++; break;
                case '?': checks++; break;
                case ' ' or '-': separator ??= c; break;
                default: prefix.Append(c); break;
            }
        }

        if (checks == 0)
        {
            errors = [FieldErrors.Create(MaskField, mask, FieldErrorCodes.Malformed, "does not end with the check symbol '?'")];
            return false;
        }

        return TryLayout(mask, body, prefix.ToString(), random, separator, out pattern, out errors);
    }

    /// <summary>Finds the group size whose printed mask is the one given; the grouping must be regular.</summary>
    private static bool TryLayout(string mask, string body, string prefix, int random, char? separator, [NotNullWhen(true)] out CouponCodePattern? pattern, out IReadOnlyList<FieldError> errors)
    {
        pattern = null;
        var sizes = separator is null ? [0] : Enumerable.Range(1, MaxGroupSize);
        foreach (var size in sizes)
        {
            if (!TryCreate(prefix, random, size, separator ?? DefaultSeparator, out var candidate, out errors))
            {
                errors = [.. errors.Select(e => FieldErrors.Create(MaskField, mask, e.Code, $"describes a refused pattern: {e.Message}"))];
                return false;
            }

            if (string.Equals(Shape(StripBits(candidate.ToString())), Shape(body), StringComparison.Ordinal))
            {
                pattern = candidate;
                return true;
            }
        }

        errors = [FieldErrors.Create(MaskField, mask, FieldErrorCodes.Malformed,
            "is not grouped regularly: the prefix is one group and every random group but the last has the same size, such as BDAY-####-####-####-?")];
        return false;
    }

    /// <summary>The mask with every prefix symbol as <c>X</c>, so that <c>bday</c> and <c>BDAY</c> have one shape.</summary>
    private static string Shape(string mask) =>
        string.Create(mask.Length, mask, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] is '#' or '?' or ' ' or '-' ? source[i] : 'X';
            }
        });

    private static string StripBits(string text)
    {
        var open = text.LastIndexOf(" (", StringComparison.Ordinal);
        return open > 0 && text.EndsWith(" bits)", StringComparison.Ordinal) ? text[..open].TrimEnd() : text;
    }
}
