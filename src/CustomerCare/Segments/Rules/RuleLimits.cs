namespace CustomerCare.Segments.Rules;

/// <summary>The bounds every rule must stay within, so that a hostile or runaway rule cannot exhaust the host.</summary>
public static class RuleLimits
{
    /// <summary>The longest rule text, in characters.</summary>
    public const int MaxLength = 4_096;

    /// <summary>The deepest nesting of parentheses and <c>not</c>.</summary>
    public const int MaxDepth = 16;

    /// <summary>The most conditions in one rule.</summary>
    public const int MaxConditions = 64;

    /// <summary>The most values in one <c>in [...]</c> list.</summary>
    public const int MaxListLength = 1_000;
}
