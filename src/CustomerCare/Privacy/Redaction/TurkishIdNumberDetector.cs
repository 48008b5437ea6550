namespace CustomerCare.Privacy.Redaction;

/// <summary>Finds Turkish identity numbers (TC Kimlik No): eleven digits that pass the official checksum.</summary>
/// <remarks>
/// An eleven-digit number that fails the checksum is not an identity number and is kept (see <see cref="IsValid"/>).
/// Thread-safe; linear in the text.
/// </remarks>
public sealed class TurkishIdNumberDetector : IPersonalDataDetector
{
    /// <inheritdoc />
    public PersonalDataKind Kind => PersonalDataKind.TurkishIdNumber;

    /// <inheritdoc />
    public IReadOnlyList<PersonalDataSpan> Find(string text) => DigitRuns.Find(text, Kind, (digits, _, _) => IsValid(digits));

    /// <summary>
    /// Whether eleven digits form a valid identity number: the first is not zero, the tenth is
    /// ((d1 + d3 + d5 + d7 + d9) × 7 − (d2 + d4 + d6 + d8)) mod 10, and the eleventh is the sum of the first ten mod 10.
    /// </summary>
    /// <param name="digits">The candidate, digits only.</param>
    /// <returns><see langword="true"/> when it passes.</returns>
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 11 || digits[0] == '0')
        {
            return false;
        }

        Span<int> d = stackalloc int[11];
        for (var i = 0; i < 11; i++)
        {
            if (!char.IsAsciiDigit(digits[i]))
            {
                return false;
            }

            d[i] = digits[i] - '0';
        }

        var odd = d[0] + d[2] + d[4] + d[6] + d[8];
        var even = d[1] + d[3] + d[5] + d[7];
        // The difference may be negative; the checksum is its non-negative remainder.
        var tenth = (((odd * 7) - even) % 10 + 10) % 10;
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            sum += d[i];
        }

        return d[9] == tenth && d[10] == sum % 10;
    }
}
