using System.Globalization;
using System.Text;
using NodaTime;

namespace CustomerCare.Channels.Files;

/// <summary>The RFC 2045/2047/5322 encodings the file channel writes: encoded-words, quoted-printable, dates, phrases.</summary>
internal static class MimeText
{
    /// <summary>UTF-8 bytes per encoded-word: 42 bytes make 56 base64 characters and a 68-character word (RFC 2047 allows 75).</summary>
    private const int BytesPerWord = 42;

    private const int MaxQuotedPrintableLine = 76;
    private const int MaxRawHeaderValue = 900;
    private const string Atext = "!#$%&'*+-/=?^_`{|}~";
    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>Whether a header value must be written as encoded-words: non-ASCII, control characters, <c>=?</c>, or too long for one line.</summary>
    public static bool NeedsEncoding(string value) =>
        value.Length > MaxRawHeaderValue || value.Contains("=?", StringComparison.Ordinal) || value.Any(c => c is < ' ' or > '~');

    /// <summary>An unstructured header value: as is when it is plain ASCII, otherwise UTF-8 encoded-words folded onto continuation lines.</summary>
    public static string Unstructured(string value) => NeedsEncoding(value) ? EncodedWords(value) : value;

    /// <summary>A display name: as is when it is atoms, quoted when it has specials, encoded-words when it is not ASCII.</summary>
    public static string Phrase(string value)
    {
        if (NeedsEncoding(value))
        {
            return EncodedWords(value);
        }

        return value.All(c => char.IsAsciiLetterOrDigit(c) || c == ' ' || Atext.Contains(c, StringComparison.Ordinal))
            ? value
            : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>RFC 2047 <c>B</c> encoded-words of at most <see cref="BytesPerWord"/> UTF-8 bytes each, never splitting a character.</summary>
    public static string EncodedWords(string value)
    {
        var words = new List<string>();
        var chunk = new List<byte>(BytesPerWord);
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            var length = rune.EncodeToUtf8(buffer);
            if (chunk.Count + length > BytesPerWord)
            {
                words.Add(Word(chunk));
                chunk.Clear();
            }

            for (var i = 0; i < length; i++)
            {
                chunk.Add(buffer[i]);
            }
        }

        if (chunk.Count > 0 || words.Count == 0)
        {
            words.Add(Word(chunk));
        }

        // White space between adjacent encoded-words is ignored by decoders, so folding loses nothing.
        return string.Join("\r\n ", words);

        static string Word(List<byte> bytes) => "=?utf-8?B?" + Convert.ToBase64String([.. bytes]) + "?=";
    }

    /// <summary>
    /// Quoted-printable (RFC 2045) of the UTF-8 text, with CRLF line ends: lines of at most 76 characters, soft breaks
    /// where longer, trailing white space encoded.
    /// </summary>
    public static string QuotedPrintable(string text) => AppendQuotedPrintable(new StringBuilder(text.Length + (text.Length / 4)), text).ToString();

    /// <summary>Appends <see cref="QuotedPrintable(string)"/> of <paramref name="text"/> to <paramref name="output"/>.</summary>
    /// <returns><paramref name="output"/>.</returns>
    public static StringBuilder AppendQuotedPrintable(StringBuilder output, string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(lines.Max(l => l.Length))];
        for (var l = 0; l < lines.Length; l++)
        {
            var count = Encoding.UTF8.GetBytes(lines[l], bytes);
            var lineLength = 0;
            for (var i = 0; i < count; i++)
            {
                var b = bytes[i];
                var isLast = i == count - 1;
                var literal = (b is >= 33 and <= 126 && b != '=') || (b is (byte)' ' or (byte)'\t' && !isLast);
                var tokenLength = literal ? 1 : 3;
                // Keep room for the '=' of a soft break, except for the line's last token.
                var room = isLast ? MaxQuotedPrintableLine : MaxQuotedPrintableLine - 1;
                if (lineLength + tokenLength > room)
                {
                    output.Append("=\r\n");
                    lineLength = 0;
                }

                // Appended a character at a time: a string per byte made this a fifth of a simulation's allocations.
                if (literal)
                {
                    output.Append((char)b);
                }
                else
                {
                    output.Append('=').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
                }

                lineLength += tokenLength;
            }

            if (l < lines.Length - 1)
            {
                output.Append("\r\n");
            }
        }

        return output;
    }

    /// <summary>An RFC 5322 date in UTC, such as <c>Mon, 01 Mar 2027 12:00:00 +0000</c>.</summary>
    public static string Date(Instant instant) =>
        instant.ToDateTimeUtc().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
}
