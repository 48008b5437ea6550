using System.Globalization;
using System.Text;
using NodaTime;

namespace CustomerCare.Channels.Files;

/// <summary>
/// One message of a <see cref="FileChannelFormat.Mbox"/> mailbox, in the mboxrd form mail clients read: a
/// <c>From </c> separator line, the channel's entry line, the message with line feeds and every line that starts
/// with <c>From </c> after any <c>&gt;</c> given one more <c>&gt;</c>, then a blank line.
/// </summary>
/// <remarks>
/// The entry line, <c>X-CustomerCare-Mbox-Entry: &lt;length&gt; &lt;Message-ID&gt;</c>, is a header to a mail client.
/// To the channel it is the record: the length (ten digits, in bytes, of the message that follows it) finds the next
/// entry without reading the message, and an entry that ends past the end of the file was torn by a crash.
/// </remarks>
internal static class MboxEntry
{
    /// <summary>The header that opens every entry after the separator.</summary>
    public const string EntryHeader = "X-CustomerCare-Mbox-Entry";

    /// <summary>The digits of the length field.</summary>
    public const int LengthDigits = 10;

    private static readonly string[] Days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>The entry of a message, from its RFC 5322 text (<see cref="EmlWriter.Write"/>) and its <c>Message-ID</c> without brackets.</summary>
    public static byte[] Format(string eml, string messageIdHeader, Instant at)
    {
        // Measured first, then written straight into the entry: quoting through a string builder, its string and that
        // string's bytes made three more copies of each message.
        var lines = Lines(eml);
        var length = QuotedLength(lines);
        var head = Encoding.ASCII.GetBytes(Separator(at) + EntryHeader + ": " + length.ToString("D" + LengthDigits, CultureInfo.InvariantCulture) + " <" + messageIdHeader + ">\n");
        var entry = new byte[head.Length + length + 1];
        head.CopyTo(entry, 0);
        WriteQuoted(lines, entry.AsSpan(head.Length, length));
        entry[^1] = (byte)'\n';
        return entry;
    }

    /// <summary>The separator line: <c>From MAILER-DAEMON</c> and the time in the C <c>asctime</c> form, in UTC.</summary>
    public static string Separator(Instant at)
    {
        var utc = at.InUtc();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"From MAILER-DAEMON {Days[(int)utc.DayOfWeek % 7]} {Months[utc.Month - 1]} {utc.Day,2} {utc.Hour:D2}:{utc.Minute:D2}:{utc.Second:D2} {utc.Year:D4}\n");
    }

    /// <summary>The UTF-8 length of the lines with mboxrd's quoting, each ending with a line feed.</summary>
    private static int QuotedLength(List<ReadOnlyMemory<char>> lines)
    {
        var length = 0;
        foreach (var line in lines)
        {
            length += (NeedsQuote(line.Span) ? 1 : 0) + Encoding.UTF8.GetByteCount(line.Span) + 1;
        }

        return length;
    }

    /// <summary>Writes the lines as <see cref="QuotedLength"/> measured them into <paramref name="target"/>, which they fill.</summary>
    private static void WriteQuoted(List<ReadOnlyMemory<char>> lines, Span<byte> target)
    {
        foreach (var line in lines)
        {
            if (NeedsQuote(line.Span))
            {
                // A reader splits the mailbox at lines starting "From "; one more '>' keeps this one inside the message.
                target[0] = (byte)'>';
                target = target[1..];
            }

            var written = Encoding.UTF8.GetBytes(line.Span, target);
            target[written] = (byte)'\n';
            target = target[(written + 1)..];
        }
    }

    private static bool NeedsQuote(ReadOnlySpan<char> line) => line.TrimStart('>').StartsWith("From ", StringComparison.Ordinal);

    /// <summary>The message's lines without their line ends; the empty piece after a final line end is no line.</summary>
    private static List<ReadOnlyMemory<char>> Lines(string eml)
    {
        var lines = new List<ReadOnlyMemory<char>>();
        foreach (var range in eml.AsSpan().Split('\n'))
        {
            var (start, length) = range.GetOffsetAndLength(eml.Length);
            if (start + length == eml.Length && length == 0)
            {
                break;
            }

            lines.Add(eml.AsMemory(start, length > 0 && eml[start + length - 1] == '\r' ? length - 1 : length));
        }

        return lines;
    }
}
