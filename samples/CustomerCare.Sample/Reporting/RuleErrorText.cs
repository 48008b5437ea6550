using CustomerCare.Segments.Rules;

namespace CustomerCare.Sample.Reporting;

/// <summary>Shows a refused rule's errors the way a compiler does: the error, the rule line, and a caret under the column.</summary>
public static class RuleErrorText
{
    /// <summary>The lines for one error.</summary>
    /// <param name="rule">The rule text as typed.</param>
    /// <param name="error">The error.</param>
    /// <returns><c>error: line 1, column 14: … (hint)</c>, then the rule line and a caret line when the error has a position in it.</returns>
    public static IReadOnlyList<string> Lines(string rule, RuleError error)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(error);
        var lines = new List<string> { $"error: {error}" };
        var ruleLines = rule.Split('\n');
        if (error.Line >= 1 && error.Line <= ruleLines.Length && error.Column >= 1)
        {
            var text = ruleLines[error.Line - 1].TrimEnd('\r');
            var before = text.AsSpan(0, Math.Min(error.Column - 1, text.Length));

            // Tabs stay tabs, so the caret lines up however wide the terminal draws them.
            var padding = string.Concat(before.ToArray().Select(c => c == '\t' ? '\t' : ' '));
            lines.Add("  " + text);
            lines.Add("  " + padding + "^");
        }

        return lines;
    }
}
