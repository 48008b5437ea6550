using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CustomerCare.Tests.Channels.Files;

/// <summary>Small strict decoders for what the file channel encodes, written from the RFCs for the tests.</summary>
internal static partial class MimeDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes a header value of RFC 2047 <c>B</c> words; each word must be whole UTF-8 on its own.</summary>
    public static string EncodedWords(string value)
    {
        var words = EncodedWord().Matches(value);
        Assert.NotEmpty(words);
        Assert.Equal(string.Empty, EncodedWord().Replace(value, string.Empty).Replace("\r\n ", string.Empty, StringComparison.Ordinal));
        return string.Concat(words.Select(w => StrictUtf8.GetString(Convert.FromBase64String(w.Groups["data"].Value))));
    }

    /// <summary>Decodes quoted-printable text into UTF-8 text with LF line ends.</summary>
    public static string QuotedPrintable(string encoded)
    {
        var bytes = new List<byte>();
        var i = 0;
        while (i < encoded.Length)
        {
            if (encoded[i] == '=' && string.CompareOrdinal(encoded, i + 1, "\r\n", 0, 2) == 0)
            {
                i += 3;
            }
            else if (encoded[i] == '=')
            {
                bytes.Add(byte.Parse(encoded.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                i += 3;
            }
            else if (string.CompareOrdinal(encoded, i, "\r\n", 0, 2) == 0)
            {
                bytes.Add((byte)'\n');
                i += 2;
            }
            else
            {
                Assert.True(encoded[i] < 128, "quoted-printable is 7-bit");
                bytes.Add((byte)encoded[i]);
                i++;
            }
        }

        return StrictUtf8.GetString([.. bytes]);
    }

    [GeneratedRegex(@"=\?utf-8\?B\?(?<data>[A-Za-z0-9+/=]*)\?=")]
    private static partial Regex EncodedWord();
}
