using System.Globalization;

namespace CustomerCare.Complaints.Classification;

/// <summary>
/// Splits a complaint into tokens and normalises each word so that the ways customers type the same word compare equal.
/// </summary>
/// <remarks>
/// <para>A word is normalised in three steps, the same for the text and for the lexicon terms:</para>
/// <list type="number">
/// <item>Case folding with the Turkish rules: <c>I</c> and <c>ı</c>, <c>İ</c> and <c>i</c> (and a combining dot above,
/// which is dropped) all become <c>i</c>. Folding the dotless and dotted i together is what makes <c>IADE</c>,
/// <c>İADE</c>, <c>ıade</c> and <c>iade</c> one word under every thread culture; no culture-sensitive call is made.</item>
/// <item>Turkish letters fold to their plain Latin look-alikes (<c>ş→s</c>, <c>ğ→g</c>, <c>ç→c</c>, <c>ö→o</c>,
/// <c>ü→u</c>, <c>â→a</c>, <c>î→i</c>, <c>û→u</c>), and common Latin accents are dropped, so text typed on a keyboard
/// without Turkish letters matches.</item>
/// <item>A run of the same letter collapses to one letter (<c>cooook</c>, <c>gelmediiii</c>, <c>shipped→shiped</c>).
/// Customers stretch words for emphasis, and since the lexicon is collapsed the same way, nothing is lost.</item>
/// </list>
/// <para>
/// Apostrophes and hyphens between letters join the word (<c>Trendyol'dan</c>, <c>didn't</c>, <c>e-posta</c>); other
/// punctuation separates words, and <c>. , ; : ! ?</c>, brackets and line breaks also end a clause (negation does not
/// reach across a clause). Each emoji is a token of its own; repeats of the same emoji count once; skin-tone and
/// variation selectors are dropped. Everything else is ignored.
/// </para>
/// </remarks>
internal static class ComplaintTextNormalizer
{
    /// <summary>Folds one character by the rules on the type (steps 1 and 2).</summary>
    public static char Fold(char c)
    {
        if (c < 128)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
        }

        return c switch
        {
            '\u0130' or '\u0131' or 'Î' or 'î' or 'Í' or 'í' or 'Ì' or 'ì' or 'Ï' or 'ï' => 'i',
            'Ş' or 'ş' => 's',
            'Ğ' or 'ğ' => 'g',
            'Ç' or 'ç' => 'c',
            'Ö' or 'ö' or 'Ó' or 'ó' or 'Ò' or 'ò' or 'Ô' or 'ô' or 'Õ' or 'õ' => 'o',
            'Ü' or 'ü' or 'Û' or 'û' or 'Ú' or 'ú' or 'Ù' or 'ù' => 'u',
            'Â' or 'â' or 'Á' or 'á' or 'À' or 'à' or 'Ä' or 'ä' or 'Ã' or 'ã' or 'Å' or 'å' => 'a',
            'É' or 'é' or 'È' or 'è' or 'Ê' or 'ê' or 'Ë' or 'ë' => 'e',
            'Ñ' or 'ñ' => 'n',
            _ => char.ToLowerInvariant(c),
        };
    }

    /// <summary>Whether a character is one of the letters only Turkish (among the two covered languages) uses.</summary>
    public static bool IsTurkishLetter(char c) =>
        c is 'ş' or 'Ş' or 'ğ' or 'Ğ' or 'ı' or '\u0130' or 'ç' or 'Ç' or 'ö' or 'Ö' or 'ü' or 'Ü';

    /// <summary>Splits <paramref name="source"/> into tokens, writing normalised words into <paramref name="text"/>.</summary>
    /// <param name="source">The text.</param>
    /// <param name="text">Receives the normalised forms; at least as long as <paramref name="source"/>.</param>
    /// <param name="tokens">Receives the tokens; at least as long as <paramref name="source"/>.</param>
    /// <returns>The number of tokens.</returns>
    public static int Tokenize(ReadOnlySpan<char> source, Span<char> text, Span<TextToken> tokens) =>
        Tokenize(source, text, tokens, out _, out _);

    /// <summary>Splits <paramref name="source"/> into tokens, and counts its letters and capital letters on the way.</summary>
    /// <param name="source">The text.</param>
    /// <param name="text">Receives the normalised forms; at least as long as <paramref name="source"/>.</param>
    /// <param name="tokens">Receives the tokens; at least as long as <paramref name="source"/>.</param>
    /// <param name="letters">The number of letters in the text.</param>
    /// <param name="capitals">The number of capital letters in the text.</param>
    /// <returns>The number of tokens.</returns>
    public static int Tokenize(ReadOnlySpan<char> source, Span<char> text, Span<TextToken> tokens, out int letters, out int capitals)
    {
        letters = 0;
        capitals = 0;
        var count = 0;
        var written = 0;
        var clauseBreak = true;
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (char.IsLetterOrDigit(c))
            {
                var start = i;
                var textStart = written;
                var previous = '\0';
                var allDigits = true;
                while (i < source.Length)
                {
                    c = source[i];
                    char folded;
                    bool isLetter;
                    if (char.IsAsciiLetterLower(c))
                    {
                        folded = c;
                        isLetter = true;
                        letters++;
                    }
                    else if (char.IsAsciiLetterUpper(c))
                    {
                        folded = (char)(c | 0x20);
                        isLetter = true;
                        letters++;
                        capitals++;
                    }
                    else if (char.IsAsciiDigit(c))
                    {
                        folded = c;
                        isLetter = false;
                    }
                    else if (c >= 128 && char.IsLetterOrDigit(c))
                    {
                        folded = Fold(c);
                        isLetter = char.IsLetter(folded);
                        if (isLetter)
                        {
                            letters++;
                            capitals += char.IsUpper(c) ? 1 : 0;
                        }
                    }
                    else
                    {
                        folded = '\0';
                        isLetter = false;
                    }

                    if (folded != '\0')
                    {
                        allDigits &= !isLetter;

                        // A doubled letter is written once: see remarks on the type.
                        if (!isLetter || folded != previous)
                        {
                            text[written++] = folded;
                        }

                        previous = isLetter ? folded : '\0';
                        i++;
                    }
                    else if (c >= '\u0300' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                    {
                        i++;
                    }
                    else if ((IsApostrophe(c) || c == '-') && i + 1 < source.Length && char.IsLetter(source[i + 1]) && char.IsLetterOrDigit(source[i - 1]))
                    {
                        i++;
                    }
                    else
                    {
                        break;
                    }
                }

                tokens[count++] = new TextToken
                {
                    SourceStart = start,
                    SourceEnd = i,
                    TextStart = textStart,
                    TextLength = written - textStart,
                    Kind = allDigits ? TokenKind.Number : TokenKind.Word,
                    StartsClause = clauseBreak,
                };
                clauseBreak = false;
                continue;
            }

            if (IsClauseBreak(c))
            {
                clauseBreak = true;
                i++;
                continue;
            }

            var length = char.IsHighSurrogate(c) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]) ? 2 : 1;
            var codePoint = length == 2 ? char.ConvertToUtf32(c, source[i + 1]) : c;
            if (IsEmoji(codePoint))
            {
                var previousToken = count > 0 ? tokens[count - 1] : default;
                if (count > 0 && previousToken.Kind == TokenKind.Emoji && !clauseBreak
                    && source.Slice(i, length).SequenceEqual(text.Slice(previousToken.TextStart, previousToken.TextLength)))
                {
                    tokens[count - 1].SourceEnd = i + length;
                }
                else
                {
                    source.Slice(i, length).CopyTo(text[written..]);
                    tokens[count++] = new TextToken
                    {
                        SourceStart = i,
                        SourceEnd = i + length,
                        TextStart = written,
                        TextLength = length,
                        Kind = TokenKind.Emoji,
                        StartsClause = clauseBreak,
                    };
                    written += length;
                    clauseBreak = false;
                }
            }

            i += length;
        }

        return count;
    }

    /// <summary>Normalises a single word, for lexicon terms and tests.</summary>
    /// <param name="word">The word.</param>
    /// <returns>
    /// The normalised word, or <see langword="null"/> when the input is not exactly one token with nothing around it.
    /// </returns>
    public static string? NormalizeWord(string word)
    {
        var text = new char[word.Length];
        var tokens = new TextToken[word.Length];
        var count = Tokenize(word, text, tokens);
        return count == 1 && tokens[0].SourceStart == 0 && tokens[0].SourceEnd == word.Length
            ? new string(text, tokens[0].TextStart, tokens[0].TextLength)
            : null;
    }

    /// <summary>Normalises a whole text to its tokens joined by single spaces, for tests and the docs.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The normalised tokens.</returns>
    public static string Normalize(string value)
    {
        var text = new char[value.Length];
        var tokens = new TextToken[value.Length];
        var count = Tokenize(value, text, tokens);
        return string.Join(' ', tokens[..count].Select(t => new string(text, t.TextStart, t.TextLength)));
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4';

    private static bool IsClauseBreak(char c) =>
        c is '.' or ',' or ';' or ':' or '!' or '?' or '\n' or '\r' or '(' or ')' or '[' or ']' or '\u2026' or '\u00BF' or '\u00A1' or '\u2022' or '|';

    private static bool IsEmoji(int codePoint) => codePoint switch
    {
        // Skin tones, variation selectors, the zero-width joiner and the keycap mark modify the emoji before them.
        >= 0x1F3FB and <= 0x1F3FF => false,
        >= 0x1F000 and <= 0x1FAFF => true,
        >= 0x2600 and <= 0x27BF => true,
        0x2B50 or 0x2B55 => true,
        _ => false,
    };
}
