namespace CustomerCare.Segments.Rules;

/// <summary>Why a rule was refused, and where: a stable code, a sentence, the position and a hint.</summary>
/// <param name="Code">A code from <see cref="RuleErrorCodes"/>.</param>
/// <param name="Message">What is wrong, naming the token or attribute.</param>
/// <param name="Location">Where: <c>line 1, column 14</c> for text rules, a JSON path such as <c>$.and[1].attr</c> for JSON rules.</param>
/// <param name="Offset">The 0-based character offset in a text rule, or -1 for JSON.</param>
/// <param name="Line">The 1-based line, or 0 when unknown.</param>
/// <param name="Column">The 1-based column, or 0 when unknown.</param>
/// <param name="Hint">A suggestion, such as the closest attribute name, or <see langword="null"/>.</param>
public sealed record RuleError(string Code, string Message, string Location, int Offset, int Line, int Column, string? Hint = null)
{
    /// <summary>The error as one line: location, message and hint.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Hint is null ? $"{Location}: {Message}" : $"{Location}: {Message} ({Hint})";
}

/// <summary>The stable codes of <see cref="RuleError"/>.</summary>
public static class RuleErrorCodes
{
    /// <summary>The text does not follow the grammar.</summary>
    public const string Syntax = "syntax";

    /// <summary>No attribute has that name.</summary>
    public const string UnknownAttribute = "unknown_attribute";

    /// <summary>The operator or constant does not fit the attribute's type.</summary>
    public const string TypeMismatch = "type_mismatch";

    /// <summary>The constant is not one of the attribute's allowed values.</summary>
    public const string UnknownValue = "unknown_value";

    /// <summary>The rule nests deeper than allowed.</summary>
    public const string TooDeep = "too_deep";

    /// <summary>The rule text, a list or the number of conditions is longer than allowed.</summary>
    public const string TooLong = "too_long";
}

/// <summary>Thrown when a rule cannot be parsed or bound; carries every <see cref="RuleError"/> found.</summary>
public sealed class SegmentRuleException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errors">At least one error.</param>
    public SegmentRuleException(IReadOnlyList<RuleError> errors)
        : base(BuildMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>The errors; never empty.</summary>
    public IReadOnlyList<RuleError> Errors { get; }

    private static string BuildMessage(IReadOnlyList<RuleError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 0
            ? throw new ArgumentException("At least one error is required.", nameof(errors))
            : "Invalid segment rule: " + string.Join("; ", errors);
    }
}
