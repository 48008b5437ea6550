namespace CustomerCare.Privacy.Redaction;

/// <summary>
/// The shared scanner of the number detectors: finds runs of digit groups joined by short separators, and offers
/// each window of consecutive groups to a matcher, keeping the longest match from the left.
/// </summary>
/// <remarks>
/// A run glued to a reference prefix is skipped: preceded by a letter, by <c>#</c>, or by letters and a hyphen or
/// underscore (<c>ORD-5321234567</c>); so is a run followed by a letter or by a decimal comma (an amount). Windows are
/// at most <see cref="MaxDigits"/> digits, so the work is linear in the text.
/// </remarks>
internal static class DigitRuns
{
    public const int MaxDigits = 19;
    private const int MaxSeparator = 3;

    public delegate bool Matcher(ReadOnlySpan<char> digits, bool plus, int groups);

    public static IReadOnlyList<PersonalDataSpan> Find(string text, PersonalDataKind kind, Matcher matcher)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<PersonalDataSpan>();
        var groups = new List<(int Start, int End)>();
        Span<char> digits = stackalloc char[MaxDigits];
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                i++;
                continue;
            }

            var plus = i > 0 && text[i - 1] == '+';
            var prefixStart = plus ? i - 1 : i;
            groups.Clear();
            var p = i;
            while (true)
            {
                var groupStart = p;
                while (p < text.Length && char.IsAsciiDigit(text[p]))
                {
                    p++;
                }

                groups.Add((groupStart, p));
                var q = p;
                while (q < text.Length && q - p < MaxSeparator && IsSeparator(text[q]))
                {
                    q++;
                }

                if (q > p && q < text.Length && char.IsAsciiDigit(text[q]))
                {
                    p = q;
                    continue;
                }

                break;
            }

            if (!IsReference(text, prefixStart) && !EndsInsideWord(text, p))
            {
                Windows(text, kind, matcher, groups, plus, prefixStart, digits, found);
            }

            i = p;
        }

        return found;
    }

    public static bool IsSeparator(char c) => c is ' ' or '-' or '.' or '/' or '(' or ')' or '\u00A0';

    private static void Windows(string text, PersonalDataKind kind, Matcher matcher, List<(int Start, int End)> groups, bool plus, int prefixStart, Span<char> digits, List<PersonalDataSpan> found)
    {
        var first = 0;
        while (first < groups.Count)
        {
            var best = -1;
            var count = 0;
            for (var last = first; last < groups.Count; last++)
            {
                var (start, end) = groups[last];
                if (count + (end - start) > MaxDigits)
                {
                    break;
                }

                text.AsSpan(start, end - start).CopyTo(digits[count..]);
                count += end - start;
                if (matcher(digits[..count], plus && first == 0, last - first + 1))
                {
                    best = last;
                }
            }

            if (best < 0)
            {
                first++;
                continue;
            }

            var spanStart = plus && first == 0 ? prefixStart : groups[first].Start;
            var spanEnd = groups[best].End;
            // "(532) 123 45 67": the opening parenthesis belongs to the number when its closing one is inside it.
            if (spanStart > 0 && text[spanStart - 1] == '(' && text.AsSpan(spanStart, spanEnd - spanStart).Contains(')'))
            {
                spanStart--;
            }

            found.Add(new PersonalDataSpan(spanStart, spanEnd - spanStart, kind));
            first = best + 1;
        }
    }

    private static bool IsReference(string text, int start)
    {
        if (start == 0)
        {
            return false;
        }

        var before = text[start - 1];
        if (char.IsLetterOrDigit(before) || before is '#' or '№')
        {
            return true;
        }

        return before is '-' or '_' && start >= 2 && char.IsLetterOrDigit(text[start - 2]);
    }

    private static bool EndsInsideWord(string text, int end) =>
        end < text.Length && (char.IsLetter(text[end]) || (text[end] == ',' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1])));
}
