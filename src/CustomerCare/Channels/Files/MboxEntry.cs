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
        var message = Encoding.UTF8.GetBytes(Quote(eml));
        var head = Encoding.ASCII.GetBytes(Separator(at) + EntryHeader + ": " + message.Length.ToString("D" + LengthDigits, CultureInfo.InvariantCulture) + " <" + messageIdHeader + ">\n");
        var entry = new byte[head.Length + message.Length + 1];
        head.CopyTo(entry, 0);
        message.CopyTo(entry, head.Length);
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

    /// <summary>The message with line feeds for line ends and mboxrd's quoting, ending with a line feed.</summary>
    private static string Quote(string eml)
    {
        var text = new StringBuilder(eml.Length + 64);
        foreach (var range in eml.AsSpan().Split('\n'))
        {
            var line = eml.AsSpan(range);
            if (range.End.GetOffset(eml.Length) == eml.Length && line.IsEmpty)
            {
                break;
            }

            line = line.EndsWith('\r') ? line[..^1] : line;
            if (line.TrimStart('>').StartsWith("From ", StringComparison.Ordinal))
            {
                // A reader splits the mailbox at lines starting "From "; one more '>' keeps this one inside the message.
                text.Append('>');
            }

            text.Append(line).Append('\n');
        }

        return text.ToString();
    }
}
