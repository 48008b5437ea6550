using System.Globalization;

namespace CustomerCare.Complaints.Classification;

/// <summary>Reads the lexicon text format (see <c>Lexicons/tr.lexicon</c> for the syntax).</summary>
internal static class LexiconParser
{
    /// <summary>The largest weight a term may have.</summary>
    public const double MaxWeight = 10;

    /// <summary>Parses a lexicon.</summary>
    /// <param name="text">The lexicon text.</param>
    /// <param name="source">The lexicon's name, put in errors.</param>
    /// <returns>The entries, in the order written.</returns>
    /// <exception cref="FormatException">A line is malformed; the message names the source, line and column.</exception>
    public static List<LexiconEntry> Parse(string text, string source)
    {
        var entries = new List<LexiconEntry>();
        LexiconSection? section = null;
        var category = ComplaintCategory.Other;
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = StripComment(rawLine.TrimEnd('\r'));
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var trimmed = line.Trim();
            if (trimmed[0] == '[')
            {
                var name = trimmed.EndsWith(']') ? trimmed[1..^1].Trim() : null;
                if (name is null || !TryParseSection(name, out var parsed, out var parsedCategory))
                {
                    throw Error(source, lineNumber, line.IndexOf('[', StringComparison.Ordinal) + 1, $"'{trimmed}' is not a section; expected a category name, [Negative], [Positive], [Negator], [Intensifier], [Contrast] or [StopWord]");
                }

                section = parsed;
                category = parsedCategory;
                continue;
            }

            if (section is null)
            {
                throw Error(source, lineNumber, 1, "a phrase comes before the first [section]");
            }

            var weight = 1.0;
            var phraseText = line;
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                phraseText = line[..equals];
                var after = line[(equals + 1)..];
                var weightText = after.Trim();
                if (!double.TryParse(weightText, NumberStyles.Float, CultureInfo.InvariantCulture, out weight) || !IsValidWeight(weight))
                {
                    var weightColumn = equals + 2 + (after.Length - after.TrimStart().Length);
                    throw Error(source, lineNumber, weightColumn, $"weight '{weightText}' is not a number above 0 and at most {MaxWeight}");
                }
            }

            if (!LexiconPhrase.TryParse(phraseText, out var phrase, out var error, out var column))
            {
                throw Error(source, lineNumber, column, $"phrase '{phraseText.Trim()}' {error}");
            }

            if (section is not (LexiconSection.Category or LexiconSection.Negative or LexiconSection.Positive)
                && (phrase!.Words.Length != 1 || phrase.RequiresNegation || phrase.IgnoresNegation || equals >= 0))
            {
                throw Error(source, lineNumber, 1, $"[{section}] takes single words without '!', '~' or a weight, not '{trimmed}'");
            }

            entries.Add(new LexiconEntry(section.Value, category, phrase!, weight));
        }

        return entries;
    }

    /// <summary>Whether a weight is allowed.</summary>
    public static bool IsValidWeight(double weight) => double.IsFinite(weight) && weight > 0 && weight <= MaxWeight;

    private static string StripComment(string line)
    {
        // '#' starts a comment at the start of a line or after a space, so a term may still contain '#'.
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[..i];
            }
        }

        return line;
    }

    private static bool TryParseSection(string name, out LexiconSection section, out ComplaintCategory category)
    {
        category = ComplaintCategory.Other;
        section = default;
        if (name.Length == 0 || !char.IsLetter(name[0]))
        {
            return false;
        }

        if (Enum.TryParse(name, ignoreCase: false, out section) && section != LexiconSection.Category && Enum.IsDefined(section))
        {
            return true;
        }

        if (Enum.TryParse(name, ignoreCase: false, out category) && category != ComplaintCategory.Other && Enum.IsDefined(category))
        {
            section = LexiconSection.Category;
            return true;
        }

        return false;
    }

    private static FormatException Error(string source, int line, int column, string message) =>
        new($"{source}({line},{column}): {message}");
}
