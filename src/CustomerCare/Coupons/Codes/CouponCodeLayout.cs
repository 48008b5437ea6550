using System.Globalization;

namespace CustomerCare.Coupons.Codes;

/// <summary>Prints canonical codes in groups, and describes a refused character for an error message.</summary>
internal static class CouponCodeLayout
{
    /// <summary>
    /// Prints <paramref name="canonical"/>: the prefix as its own group, then the rest in groups of
    /// <paramref name="groupSize"/>; no separators at all when <paramref name="groupSize"/> is 0.
    /// </summary>
    public static string Format(string canonical, int prefixLength, int groupSize, char separator)
    {
        if (groupSize == 0 || canonical.Length == 0)
        {
            return canonical;
        }

        var rest = canonical.Length - prefixLength;
        var separators = (prefixLength > 0 && rest > 0 ? 1 : 0) + (rest > 0 ? (rest - 1) / groupSize : 0);
        return string.Create(canonical.Length + separators, (canonical, prefixLength, groupSize, separator), static (span, state) =>
        {
            var (source, prefix, size, sep) = state;
            var written = 0;
            source.AsSpan(0, prefix).CopyTo(span);
            written += prefix;
            for (var i = prefix; i < source.Length; i++)
            {
                if (i > 0 && (i == prefix || (i - prefix) % size == 0))
                {
                    span[written++] = sep;
                }

                span[written++] = source[i];
            }
        });
    }

    /// <summary>
    /// The character at <paramref name="index"/> as an error message shows it: quoted when printable, with its code
    /// point when invisible; a surrogate pair is shown whole.
    /// </summary>
    public static string Describe(string text, int index)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            var codePoint = char.ConvertToUtf32(c, text[index + 1]);
            return string.Create(CultureInfo.InvariantCulture, $"'{text.AsSpan(index, 2)}' (U+{codePoint:X4})");
        }

        return char.IsControl(c) || char.IsSurrogate(c) || char.IsWhiteSpace(c)
            ? string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}")
            : string.Create(CultureInfo.InvariantCulture, $"'{c}'");
    }
}
