using System.Globalization;

namespace CustomerCare.Coupons.Codes;

/// <summary>
/// Crockford's base-32 alphabet and its 37-symbol check alphabet, with the input rules that map what people type to
/// the canonical symbols.
/// </summary>
/// <remarks>
/// All lookups are ordinal tables over ASCII plus the two Turkish i letters; nothing here consults a culture, so
/// <c>i</c>, <c>ı</c>, <c>İ</c> and <c>I</c> mean <c>1</c> under every thread culture.
/// </remarks>
internal static class CrockfordBase32
{
    /// <summary>The 32 code symbols, in value order: digits, then A–Z without I, L, O and U.</summary>
    public const string Symbols = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>The 37 check symbols: the 32 code symbols, then <c>* ~ $ = U</c> for the values 32 to 36.</summary>
    public const string CheckSymbols = Symbols + "*~$=U";

    /// <summary>The number of code symbols; each carries 5 bits.</summary>
    public const int Radix = 32;

    private static readonly sbyte[] AsciiValues = BuildAsciiValues();

    /// <summary>
    /// The value (0–36) of a typed character after normalization, or -1 when it is no symbol at all. Values 32–36 are
    /// check-only symbols.
    /// </summary>
    public static int ValueOf(char c) => c switch
    {
        < (char)128 => AsciiValues[c],
        '\u0130' or '\u0131' => 1, // Turkish İ and ı: the I→1 rule, whatever the culture
        _ => -1,
    };

    /// <summary>Whether input drops the character: any white space or dash, as people copy codes with them.</summary>
    public static bool IsDropped(char c) =>
        char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation;

    private static sbyte[] BuildAsciiValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (var v = 0; v < CheckSymbols.Length; v++)
        {
            var symbol = CheckSymbols[v];
            values[symbol] = (sbyte)v;
            if (symbol is >= 'A' and <= 'Z')
            {
                values[symbol | 0x20] = (sbyte)v;
            }
        }

        values['O'] = values['o'] = 0;
        values['I'] = values['i'] = values['L'] = values['l'] = 1;
        return values;
    }
}
