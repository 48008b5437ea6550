using System.Net;
using System.Text;

namespace CustomerCare.Channels.Files;

/// <summary>One pass over an HTML document, writing its text; see <see cref="EmailContent.TextFromHtml"/>.</summary>
internal sealed class HtmlTextConverter(string html)
{
    private static readonly HashSet<string> LineBreakTags = new(StringComparer.OrdinalIgnoreCase) { "br", "div", "tr", "li", "dt", "dd", "option", "caption" };

    private static readonly HashSet<string> ParagraphTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "dl", "blockquote", "pre", "hr", "section", "article", "header", "footer", "address", "figure",
    };

    private static readonly HashSet<string> SkippedTags = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "head", "title", "template", "noscript" };

    private readonly StringBuilder _output = new(html.Length);
    private int _pendingBreaks;
    private string? _linkTarget;
    private int _linkTextStart;

    public string Convert()
    {
        var i = 0;
        while (i < html.Length)
        {
            var open = html.IndexOf('<', i);
            if (open < 0)
            {
                AppendText(html.AsSpan(i));
                break;
            }

            if (open + 1 < html.Length && !IsTagStart(html[open + 1]))
            {
                // A '<' that starts no tag, as in "a < b", is text.
                AppendText(html.AsSpan(i, open + 1 - i));
                i = open + 1;
                continue;
            }

            AppendText(html.AsSpan(i, open - i));
            i = Tag(open);
        }

        return Finish();
    }

    private static bool IsTagStart(char c) => char.IsAsciiLetter(c) || c is '/' or '!' or '?';

    /// <summary>Handles the tag at <paramref name="open"/> and returns where the text goes on.</summary>
    private int Tag(int open)
    {
        if (string.CompareOrdinal(html, open, "<!--", 0, 4) == 0)
        {
            var endComment = html.IndexOf("-->", open + 4, StringComparison.Ordinal);
            return endComment < 0 ? html.Length : endComment + 3;
        }

        var close = TagEnd(open + 1);
        if (close < 0)
        {
            // An unterminated tag swallows the rest of the document, as in a browser.
            return html.Length;
        }

        var inner = html.AsSpan(open + 1, close - open - 1);
        var isEnd = inner.Length > 0 && inner[0] == '/';
        var nameSpan = isEnd ? inner[1..] : inner;
        var nameLength = 0;
        while (nameLength < nameSpan.Length && (char.IsAsciiLetterOrDigit(nameSpan[nameLength]) || nameSpan[nameLength] == '-'))
        {
            nameLength++;
        }

        var name = nameSpan[..nameLength].ToString();
        if (!isEnd && SkippedTags.Contains(name))
        {
            var endTag = html.IndexOf("</" + name, close + 1, StringComparison.OrdinalIgnoreCase);
            var endClose = endTag < 0 ? -1 : html.IndexOf('>', endTag);
            return endClose < 0 ? html.Length : endClose + 1;
        }

        if (ParagraphTags.Contains(name))
        {
            RequestBreaks(2);
        }
        else if (LineBreakTags.Contains(name))
        {
            RequestBreaks(1);
            if (!isEnd && name.Equals("li", StringComparison.OrdinalIgnoreCase))
            {
                FlushBreaks();
                _output.Append("- ");
            }
        }
        else if (isEnd && (name.Equals("td", StringComparison.OrdinalIgnoreCase) || name.Equals("th", StringComparison.OrdinalIgnoreCase)))
        {
            AppendText(" ");
        }
        else if (name.Equals("a", StringComparison.OrdinalIgnoreCase))
        {
            Link(isEnd, nameSpan[nameLength..]);
        }
        else if (name.Equals("img", StringComparison.OrdinalIgnoreCase) && Attribute(nameSpan[nameLength..], "alt") is { Length: > 0 } alt)
        {
            AppendText(alt);
        }

        return close + 1;
    }

    private void Link(bool isEnd, ReadOnlySpan<char> attributes)
    {
        if (!isEnd)
        {
            var href = Attribute(attributes, "href");
            _linkTarget = href is not null && (href.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
                ? href
                : null;
            _linkTextStart = _output.Length;
            return;
        }

        if (_linkTarget is null)
        {
            return;
        }

        var text = _output.ToString(_linkTextStart, _output.Length - _linkTextStart).Trim();
        var shown = _linkTarget.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? _linkTarget[7..] : _linkTarget;
        if (!string.Equals(text, shown, StringComparison.OrdinalIgnoreCase))
        {
            _output.Append(text.Length == 0 ? shown : " (" + shown + ")");
        }

        _linkTarget = null;
    }

    /// <summary>The index of the '&gt;' closing the tag whose name starts at <paramref name="from"/>, skipping quoted values.</summary>
    private int TagEnd(int from)
    {
        var quote = '\0';
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i;
            }
        }

        return -1;
    }

    private static string? Attribute(ReadOnlySpan<char> attributes, string name)
    {
        var text = attributes.ToString();
        var at = 0;
        while ((at = text.IndexOf(name, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var before = at == 0 ? ' ' : text[at - 1];
            var after = at + name.Length;
            while (after < text.Length && char.IsWhiteSpace(text[after]))
            {
                after++;
            }

            if (char.IsWhiteSpace(before) && after < text.Length && text[after] == '=')
            {
                var start = after + 1;
                while (start < text.Length && char.IsWhiteSpace(text[start]))
                {
                    start++;
                }

                if (start >= text.Length)
                {
                    return null;
                }

                var quote = text[start];
                var value = quote is '"' or '\''
                    ? text[(start + 1)..(text.IndexOf(quote, start + 1) is var end and >= 0 ? end : text.Length)]
                    : text[start..(text.IndexOfAny([' ', '\t', '\n', '\r', '/'], start) is var stop and >= 0 ? stop : text.Length)];
                return WebUtility.HtmlDecode(value).Trim();
            }

            at += name.Length;
        }

        return null;
    }

    private void RequestBreaks(int count) => _pendingBreaks = Math.Max(_pendingBreaks, count);

    private void FlushBreaks()
    {
        if (_output.Length > 0)
        {
            while (_output.Length > 0 && _output[^1] == ' ')
            {
                _output.Length--;
            }

            _output.Append('\n', _pendingBreaks);
        }

        _pendingBreaks = 0;
    }

    private void AppendText(ReadOnlySpan<char> raw)
    {
        if (raw.IsEmpty)
        {
            return;
        }

        foreach (var c in raw.Contains('&') ? WebUtility.HtmlDecode(raw.ToString()) : raw.ToString())
        {
            if (char.IsWhiteSpace(c))
            {
                // Source line breaks are layout, not content; the tags say where lines break.
                if (_pendingBreaks == 0 && _output.Length > 0 && _output[^1] is not ' ' and not '\n')
                {
                    _output.Append(' ');
                }

                continue;
            }

            if (_pendingBreaks > 0)
            {
                FlushBreaks();
            }

            _output.Append(c);
        }
    }

    private string Finish()
    {
        var lines = _output.ToString().Split('\n').Select(l => l.TrimEnd());
        return string.Join('\n', lines).Trim('\n', ' ');
    }
}
