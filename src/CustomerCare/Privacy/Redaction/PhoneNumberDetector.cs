namespace CustomerCare.Privacy.Redaction;

/// <summary>Finds phone numbers: Turkish mobile and landline numbers in their usual spellings, and international E.164 numbers.</summary>
/// <remarks>
/// <para>Found: <c>+90 532 123 45 67</c>, <c>+905321234567</c>, <c>90 532 123 45 67</c>, <c>0 (532) 123-45-67</c>,
/// <c>0532 123 45 67</c>, <c>05321234567</c>, <c>0212 555 12 34</c>, <c>532 123 45 67</c>, <c>(532) 123 4567</c>, and any
/// <c>+</c> number of 8 to 15 digits (<c>+44 20 7946 0958</c>, <c>+1 (415) 555-0100</c>).</para>
/// <para>Kept, by rule: a number glued to a reference prefix (<c>ORD-5321234567</c>, <c>#05321234567</c>,
/// <c>SP05321234567</c>); a bare unbroken ten-digit number without a trunk <c>0</c> or <c>+90</c> (<c>5321234567</c>),
/// which is how order and tracking numbers are written; Turkish numbers whose area code does not start with 2, 3, 4 or 5
/// (<c>0850</c> and <c>0800</c> are companies' lines, not people's).</para>
/// <para>Thread-safe; linear in the text.</para>
/// </remarks>
public sealed class PhoneNumberDetector : IPersonalDataDetector
{
    /// <inheritdoc />
    public PersonalDataKind Kind => PersonalDataKind.Phone;

    /// <inheritdoc />
    public IReadOnlyList<PersonalDataSpan> Find(string text) => DigitRuns.Find(text, Kind, IsPhone);

    private static bool IsPhone(ReadOnlySpan<char> digits, bool plus, int groups)
    {
        if (plus)
        {
            return digits.StartsWith("90")
                ? digits.Length == 12 && IsTurkishAreaStart(digits[2])
                : digits.Length is >= 8 and <= 15 && digits[0] != '0';
        }

        return digits.Length switch
        {
            14 => digits.StartsWith("0090") && IsTurkishAreaStart(digits[4]),
            12 => digits.StartsWith("90") && IsTurkishAreaStart(digits[2]) && groups > 1,
            11 => digits[0] == '0' && IsTurkishAreaStart(digits[1]),
            10 => digits[0] == '5' && groups > 1,
            _ => false,
        };
    }

    private static bool IsTurkishAreaStart(char c) => c is '2' or '3' or '4' or '5';
}
