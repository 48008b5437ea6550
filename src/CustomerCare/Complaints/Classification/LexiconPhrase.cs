namespace CustomerCare.Complaints.Classification;

/// <summary>One normalised word of a lexicon phrase: matched exactly, or as a stem followed by suffixes.</summary>
internal readonly record struct LexiconWord(string Text, bool IsStem);

/// <summary>
/// A lexicon phrase: one or more words, each exact (<c>late</c>) or a stem (<c>gecik*</c>), optionally marked with a
/// leading <c>!</c> to count only when negated (<c>!gel*</c> matches <c>gelmedi</c>, not <c>geldi</c>) or a leading
/// <c>~</c> to count whether negated or not (<c>~iade*</c> is about a return in <c>iade yok</c> too).
/// </summary>
/// <param name="Display">The phrase as written, shown to staff as evidence.</param>
/// <param name="Words">The normalised words.</param>
/// <param name="RequiresNegation">Whether the phrase counts only when negated.</param>
/// <param name="IgnoresNegation">Whether the phrase counts the same whether negated or not.</param>
internal sealed record LexiconPhrase(string Display, LexiconWord[] Words, bool RequiresNegation, bool IgnoresNegation)
{
    /// <summary>The most words a phrase may have.</summary>
    public const int MaxWords = 6;

    /// <summary>Parses a phrase written in the lexicon syntax.</summary>
    /// <param name="value">The phrase.</param>
    /// <param name="phrase">The phrase, when valid.</param>
    /// <param name="error">Why it is not, when not.</param>
    /// <param name="column">The 1-based column in <paramref name="value"/> the error refers to.</param>
    /// <returns><see langword="true"/> when the phrase is valid.</returns>
    public static bool TryParse(string value, out LexiconPhrase? phrase, out string? error, out int column)
    {
        phrase = null;
        error = null;
        column = 1;
        var trimmed = value.Trim();
        var offset = value.IndexOf(trimmed, StringComparison.Ordinal);
        if (trimmed.Length == 0)
        {
            error = "is empty";
            return false;
        }

        var requiresNegation = trimmed[0] == '!';
        var ignoresNegation = trimmed[0] == '~';
        var marked = requiresNegation || ignoresNegation;
        var body = marked ? trimmed[1..] : trimmed;
        var bodyOffset = offset + (marked ? 1 : 0);
        var words = new List<LexiconWord>();
        var position = 0;
        while (position < body.Length)
        {
            if (char.IsWhiteSpace(body[position]))
            {
                position++;
                continue;
            }

            var end = position;
            while (end < body.Length && !char.IsWhiteSpace(body[end]))
            {
                end++;
            }

            var raw = body[position..end];
            column = bodyOffset + position + 1;
            var star = raw.IndexOf('*', StringComparison.Ordinal);
            if (star >= 0 && star != raw.Length - 1)
            {
                column += star;
                error = $"has '*' inside the word '{raw}'; '*' may only end a word";
                return false;
            }

            var isStem = star >= 0;
            var word = isStem ? raw[..^1] : raw;
            var normalized = word.Length == 0 ? null : ComplaintTextNormalizer.NormalizeWord(word);
            if (normalized is null)
            {
                error = $"has '{raw}', which is not one word (letters, digits, an apostrophe or hyphen inside, or one emoji)";
                return false;
            }

            if (isStem && !char.IsLetter(normalized[^1]))
            {
                error = $"has the stem '{raw}', which does not end in a letter";
                return false;
            }

            words.Add(new LexiconWord(normalized, isStem));
            position = end;
        }

        if (words.Count == 0)
        {
            column = offset + 1;
            error = "has no words";
            return false;
        }

        if (words.Count > MaxWords)
        {
            column = offset + 1;
            error = $"has {words.Count} words; at most {MaxWords} are allowed";
            return false;
        }

        phrase = new LexiconPhrase(trimmed, [.. words], requiresNegation, ignoresNegation);
        return true;
    }
}
