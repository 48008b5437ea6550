namespace CustomerCare.Segments.Rules;

/// <summary>Builds <see cref="RuleError"/> values with line and column from an offset in rule text.</summary>
internal static class RuleErrors
{
    public static SegmentRuleException At(string text, int offset, string code, string message, string? hint = null) =>
        new([Create(text, offset, code, message, hint)]);

    public static RuleError Create(string text, int offset, string code, string message, string? hint = null)
    {
        var (line, column) = Locate(text, offset);
        return new RuleError(code, message, $"line {line}, column {column}", offset, line, column, hint);
    }

    public static (int Line, int Column) Locate(string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }
}
