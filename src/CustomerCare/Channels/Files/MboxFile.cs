using System.Globalization;
using System.Text;

namespace CustomerCare.Channels.Files;

/// <summary>Reads back what a <see cref="FileChannelFormat.Mbox"/> channel wrote: the <c>Message-ID</c> of every whole entry.</summary>
internal static class MboxFile
{
    // The separator, the entry line and a blank line: far more than either line of an entry the channel writes.
    private const int MaxHeadLength = 1024;

    private static readonly byte[] EntryPrefix = Encoding.ASCII.GetBytes(MboxEntry.EntryHeader + ": ");

    /// <summary>
    /// The <c>Message-ID</c> (without brackets) of every whole entry in <paramref name="path"/>, an empty set when there
    /// is no such file. An entry torn by a crash at the end of the file is cut off, so its message is written again.
    /// </summary>
    /// <exception cref="InvalidDataException">The file holds something other than entries this channel writes; it is left as it is.</exception>
    public static HashSet<string> ReadIds(string path)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return ids;
        }

        long whole;
        long length;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096))
        {
            length = stream.Length;
            whole = 0;
            var head = new byte[MaxHeadLength];
            while (whole < length)
            {
                stream.Position = whole;
                var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
                if (!TryReadHead(head.AsSpan(0, read), out var headLength, out var messageLength, out var messageId))
                {
                    if (read < head.Length && IsPrefixOfHead(head.AsSpan(0, read)))
                    {
                        break;
                    }

                    throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"The mailbox '{path}' was not written by this channel, or was changed: byte {whole} does not start an entry ('From ' and an {MboxEntry.EntryHeader} line)."));
                }

                var end = whole + headLength + messageLength + 1;
                if (end > length)
                {
                    break;
                }

                ids.Add(messageId);
                whole = end;
            }
        }

        if (whole < length)
        {
            // The rest is an entry a crash tore: its message was never reported sent.
            using var truncate = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read);
            truncate.SetLength(whole);
        }

        return ids;
    }

    /// <summary>Parses the separator and the entry line at the start of <paramref name="head"/>.</summary>
    private static bool TryReadHead(ReadOnlySpan<byte> head, out int headLength, out long messageLength, out string messageId)
    {
        headLength = 0;
        messageLength = 0;
        messageId = string.Empty;
        var separatorEnd = head.IndexOf((byte)'\n');
        if (separatorEnd < 0 || !head.StartsWith("From "u8))
        {
            return false;
        }

        var entry = head[(separatorEnd + 1)..];
        var entryEnd = entry.IndexOf((byte)'\n');
        if (entryEnd < 0 || !entry.StartsWith(EntryPrefix))
        {
            return false;
        }

        var fields = Encoding.ASCII.GetString(entry[EntryPrefix.Length..entryEnd]);
        var space = fields.IndexOf(' ', StringComparison.Ordinal);
        if (space != MboxEntry.LengthDigits
            || !long.TryParse(fields.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out messageLength)
            || fields.Length < space + 3 || fields[space + 1] != '<' || fields[^1] != '>')
        {
            return false;
        }

        messageId = fields[(space + 2)..^1];
        headLength = separatorEnd + 1 + entryEnd + 1;
        return true;
    }

    /// <summary>Whether <paramref name="tail"/>, the end of the file, could be the start of an entry cut short.</summary>
    private static bool IsPrefixOfHead(ReadOnlySpan<byte> tail)
    {
        var separatorEnd = tail.IndexOf((byte)'\n');
        if (separatorEnd < 0)
        {
            var start = Math.Min(5, tail.Length);
            return "From "u8[..start].SequenceEqual(tail[..start]);
        }

        var entry = tail[(separatorEnd + 1)..];
        var compared = Math.Min(EntryPrefix.Length, entry.Length);
        return tail.StartsWith("From "u8) && entry.IndexOf((byte)'\n') < 0 && EntryPrefix.AsSpan(0, compared).SequenceEqual(entry[..compared]);
    }
}
