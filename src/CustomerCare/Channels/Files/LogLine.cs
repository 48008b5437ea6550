using System.Globalization;
using System.Text;

namespace CustomerCare.Channels.Files;

/// <summary>
/// One line of a <see cref="FileChannelFormat.Log"/> file: tab-separated fields in which a backslash, a tab, a line
/// break or any other control character is escaped (<c>\\</c>, <c>\t</c>, <c>\n</c>, <c>\r</c>, <c>\uXXXX</c>), so
/// every message is exactly one line.
/// </summary>
internal static class LogLine
{
    /// <summary>The index of the message id among the fields.</summary>
    public const int IdField = 1;

    public static string Format(params ReadOnlySpan<string?> fields)
    {
        var line = new StringBuilder();
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                line.Append('\t');
            }

            Escape(line, fields[i] ?? string.Empty);
        }

        return line.Append('\n').ToString();
    }

    public static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        var text = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] != '\\' || i + 1 == field.Length)
            {
                text.Append(field[i]);
                continue;
            }

            var next = field[++i];
            switch (next)
            {
                case 't': text.Append('\t'); break;
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 'u' when i + 4 < field.Length && ushort.TryParse(field.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    text.Append((char)code);
                    i += 4;
                    break;
                default: text.Append(next); break;
            }
        }

        return text.ToString();
    }

    private static void Escape(StringBuilder line, string value)
    {
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => line.Append(@"\\"),
                '\t' => line.Append(@"\t"),
                '\n' => line.Append(@"\n"),
                '\r' => line.Append(@"\r"),
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => line.Append(@"\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => line.Append(c),
            };
        }
    }
}
