using System.Globalization;

namespace CustomerCare.Segments.Rules;

/// <summary>Splits rule text into tokens. Attribute names and keywords are ASCII; strings may hold any text.</summary>
internal static class RuleLexer
{
    public static List<RuleToken> Tokenize(string text)
    {
        var tokens = new List<RuleToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new RuleToken(RuleTokenKind.Identifier, text[start..i], start, i - start));
            }
            else if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(ReadNumberOrDate(text, ref i));
            }
            else if (c is '\'' or '"')
            {
                tokens.Add(ReadString(text, ref i));
            }
            else
            {
                tokens.Add(ReadPunctuation(text, ref i));
            }
        }

        tokens.Add(new RuleToken(RuleTokenKind.End, string.Empty, text.Length, 0));
        return tokens;
    }

    private static RuleToken ReadNumberOrDate(string text, ref int i)
    {
        var start = i;
        if (IsDateAt(text, i))
        {
            i += 10;
            return new RuleToken(RuleTokenKind.Date, text.Substring(start, 10), start, 10);
        }

        i++;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }

        var literal = text[start..i];
        if (!decimal.TryParse(literal, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
        {
            throw RuleErrors.At(text, start, RuleErrorCodes.Syntax, $"'{literal}' is not a number", "write numbers with a dot, like 149.90");
        }

        return new RuleToken(RuleTokenKind.Number, literal, start, i - start);
    }

    private static bool IsDateAt(string text, int i) =>
        i + 10 <= text.Length
        && char.IsAsciiDigit(text[i]) && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2]) && char.IsAsciiDigit(text[i + 3])
        && text[i + 4] == '-' && char.IsAsciiDigit(text[i + 5]) && char.IsAsciiDigit(text[i + 6])
        && text[i + 7] == '-' && char.IsAsciiDigit(text[i + 8]) && char.IsAsciiDigit(text[i + 9]);

    private static RuleToken ReadString(string text, ref int i)
    {
        var quote = text[i];
        var start = i;
        var value = new System.Text.StringBuilder();
        i++;
        while (true)
        {
            if (i >= text.Length)
            {
                throw RuleErrors.At(text, start, RuleErrorCodes.Syntax, "the text that starts here has no closing quote", $"close it with {quote}");
            }

            if (text[i] == quote)
            {
                // A doubled quote stands for one quote character inside the text.
                if (i + 1 < text.Length && text[i + 1] == quote)
                {
                    value.Append(quote);
                    i += 2;
                    continue;
                }

                i++;
                return new RuleToken(RuleTokenKind.String, value.ToString(), start, i - start);
            }

            value.Append(text[i]);
            i++;
        }
    }

    private static RuleToken ReadPunctuation(string text, ref int i)
    {
        var start = i;
        var c = text[i];
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        (RuleTokenKind Kind, int Length) token = (c, next) switch
        {
            ('(', _) => (RuleTokenKind.OpenParen, 1),
            (')', _) => (RuleTokenKind.CloseParen, 1),
            ('[', _) => (RuleTokenKind.OpenBracket, 1),
            (']', _) => (RuleTokenKind.CloseBracket, 1),
            (',', _) => (RuleTokenKind.Comma, 1),
            ('!', '=') or ('<', '=') or ('>', '=') or ('<', '>') or ('=', '=') => (RuleTokenKind.Operator, 2),
            ('=', _) or ('<', _) or ('>', _) => (RuleTokenKind.Operator, 1),
            _ => (RuleTokenKind.End, 0),
        };
        if (token.Length == 0)
        {
            throw RuleErrors.At(text, start, RuleErrorCodes.Syntax, $"unexpected character '{c}'", "attribute names use a-z, 0-9 and _; put text in quotes");
        }

        i += token.Length;
        return new RuleToken(token.Kind, text.Substring(start, token.Length), start, token.Length);
    }
}
