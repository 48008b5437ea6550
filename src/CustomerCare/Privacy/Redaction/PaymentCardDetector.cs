namespace CustomerCare.Privacy.Redaction;

/// <summary>Finds payment card numbers: 13 to 19 digits, not starting with 0, that pass the Luhn check, unbroken or in groups.</summary>
/// <remarks>Thread-safe; linear in the text.</remarks>
public sealed class PaymentCardDetector : IPersonalDataDetector
{
    /// <inheritdoc />
    public PersonalDataKind Kind => PersonalDataKind.PaymentCard;

    /// <inheritdoc />
    public IReadOnlyList<PersonalDataSpan> Find(string text) =>
        DigitRuns.Find(text, Kind, (digits, _, _) => digits.Length is >= 13 and <= 19 && digits[0] != '0' && PassesLuhn(digits));

    /// <summary>Whether digits pass the Luhn check (the last digit is the check digit).</summary>
    /// <param name="digits">The digits.</param>
    /// <returns><see langword="true"/> when they pass; <see langword="false"/> also for an empty or non-digit input.</returns>
    public static bool PassesLuhn(ReadOnlySpan<char> digits)
    {
        if (digits.IsEmpty)
        {
            return false;
        }

        var sum = 0;
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            if (!char.IsAsciiDigit(digits[i]))
            {
                return false;
            }

            var d = digits[i] - '0';
            if (doubled)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }
}
