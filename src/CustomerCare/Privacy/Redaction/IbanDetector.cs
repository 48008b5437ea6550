namespace CustomerCare.Privacy.Redaction;

/// <summary>Finds IBANs of any country, unbroken or in groups separated by single spaces, that pass the mod-97 check.</summary>
/// <remarks>
/// The country code is two letters (either case), then two check digits, then letters and digits. For the countries
/// whose length is known here (<c>TR</c> 26, <c>DE</c> 22, <c>GB</c> 22, <c>FR</c> 27, …) the length must match;
/// for others any length from 15 to 34 is accepted. Thread-safe; linear in the text.
/// </remarks>
public sealed class IbanDetector : IPersonalDataDetector
{
    private const int MinLength = 15;
    private const int MaxLength = 34;

    private static readonly Dictionary<string, int> Lengths = new(StringComparer.Ordinal)
    {
        ["TR"] = 26,
        ["DE"] = 22,
        ["GB"] = 22,
        ["FR"] = 27,
        ["NL"] = 18,
        ["ES"] = 24,
        ["IT"] = 27,
        ["BE"] = 16,
        ["AT"] = 20,
        ["CH"] = 21,
        ["IE"] = 22,
        ["PL"] = 28,
        ["PT"] = 25,
        ["SE"] = 24,
        ["DK"] = 18,
        ["NO"] = 15,
        ["FI"] = 18,
        ["GR"] = 27,
        ["CY"] = 28,
        ["AZ"] = 28,
        ["GE"] = 22,
        ["AE"] = 23,
        ["SA"] = 24,
    };

    /// <inheritdoc />
    public PersonalDataKind Kind => PersonalDataKind.Iban;

    /// <inheritdoc />
    public IReadOnlyList<PersonalDataSpan> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<PersonalDataSpan>();
        Span<char> compact = stackalloc char[MaxLength];
        var i = 0;
        while (i + 4 <= text.Length)
        {
            if (!IsStart(text, i))
            {
                i++;
                continue;
            }

            // Collect up to the longest IBAN's characters, allowing single spaces between groups.
            var count = 0;
            var p = i;
            var best = -1;
            while (p < text.Length && count < MaxLength)
            {
                var c = text[p];
                if (char.IsAsciiLetterOrDigit(c))
                {
                    compact[count++] = char.ToUpperInvariant(c);
                    p++;
                    if (count >= MinLength && (p == text.Length || !char.IsLetterOrDigit(text[p])) && IsValid(compact[..count]))
                    {
                        best = p;
                    }
                }
                else if (c == ' ' && p + 1 < text.Length && char.IsAsciiLetterOrDigit(text[p + 1]) && count > 0)
                {
                    p++;
                }
                else
                {
                    break;
                }
            }

            if (best > 0)
            {
                found.Add(new PersonalDataSpan(i, best - i, Kind));
                i = best;
            }
            else
            {
                i++;
            }
        }

        return found;
    }

    /// <summary>Whether letters and digits, without spaces, form a valid IBAN: length for the country and the mod-97 check.</summary>
    /// <param name="iban">The candidate, without spaces; letters in either case.</param>
    /// <returns><see langword="true"/> when it passes.</returns>
    public static bool IsValid(ReadOnlySpan<char> iban)
    {
        if (iban.Length is < MinLength or > MaxLength || !char.IsAsciiLetter(iban[0]) || !char.IsAsciiLetter(iban[1]) || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3]))
        {
            return false;
        }

        Span<char> country = [char.ToUpperInvariant(iban[0]), char.ToUpperInvariant(iban[1])];
        if (Lengths.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(country, out var length) && length != iban.Length)
        {
            return false;
        }

        // The first four characters move to the end; letters count as 10 to 35; the number mod 97 must be 1.
        var remainder = 0;
        for (var k = 0; k < iban.Length; k++)
        {
            var c = iban[(k + 4) % iban.Length];
            if (char.IsAsciiDigit(c))
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else if (char.IsAsciiLetter(c))
            {
                remainder = ((remainder * 100) + (char.ToUpperInvariant(c) - 'A' + 10)) % 97;
            }
            else
            {
                return false;
            }
        }

        return remainder == 1;
    }

    private static bool IsStart(string text, int i) =>
        (i == 0 || !char.IsLetterOrDigit(text[i - 1]))
        && char.IsAsciiLetter(text[i]) && char.IsAsciiLetter(text[i + 1]) && char.IsAsciiDigit(text[i + 2]) && char.IsAsciiDigit(text[i + 3]);
}
