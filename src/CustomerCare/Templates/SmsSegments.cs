using System.Buffers;

namespace CustomerCare.Templates;

/// <summary>Counts the segments an SMS text takes (GSM 03.38 and 3GPP TS 23.040 concatenation).</summary>
/// <remarks>
/// Turkish letters outside GSM-7 (ş, ğ, ı, İ, ç) switch the whole text to UCS-2; the Turkish national shift table is
/// not assumed, since not every operator supports it. Thread-safe.
/// </remarks>
public static class SmsSegments
{
    /// <summary>Characters in one GSM-7 message.</summary>
    public const int Gsm7Single = 160;

    /// <summary>Characters per segment of a split GSM-7 message.</summary>
    public const int Gsm7Multi = 153;

    /// <summary>Characters in one UCS-2 message.</summary>
    public const int Ucs2Single = 70;

    /// <summary>Characters per segment of a split UCS-2 message.</summary>
    public const int Ucs2Multi = 67;

    private static readonly SearchValues<char> Basic = SearchValues.Create(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà");

    private static readonly SearchValues<char> Extension = SearchValues.Create("^{}\\[~]|€\f");

    /// <summary>Counts the segments of a text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The encoding, the length in units and the segments.</returns>
    public static SmsSegmentCount Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var septets = 0;
        foreach (var c in text)
        {
            if (Basic.Contains(c))
            {
                septets++;
            }
            else if (Extension.Contains(c))
            {
                septets += 2;
            }
            else
            {
                return new SmsSegmentCount(SmsEncoding.Ucs2, text.Length, Segments(text.Length, Ucs2Single, Ucs2Multi));
            }
        }

        return new SmsSegmentCount(SmsEncoding.Gsm7, septets, Segments(septets, Gsm7Single, Gsm7Multi));
    }

    private static int Segments(int units, int single, int multi) =>
        units == 0 ? 0 : units <= single ? 1 : (units + multi - 1) / multi;
}
