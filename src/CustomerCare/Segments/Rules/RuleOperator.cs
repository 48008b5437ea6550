namespace CustomerCare.Segments.Rules;

/// <summary>The operator of a <see cref="RuleCondition"/>.</summary>
public enum RuleOperator
{
    /// <summary><c>=</c>: equal; for a set attribute, "has this member".</summary>
    Equal = 0,

    /// <summary><c>!=</c>: not equal; for a set attribute, "does not have this member".</summary>
    NotEqual,

    /// <summary><c>&lt;</c>.</summary>
    Less,

    /// <summary><c>&lt;=</c>.</summary>
    LessOrEqual,

    /// <summary><c>&gt;</c>.</summary>
    Greater,

    /// <summary><c>&gt;=</c>.</summary>
    GreaterOrEqual,

    /// <summary><c>between a and b</c>: both ends included.</summary>
    Between,

    /// <summary><c>in [a, b, …]</c>; for a set attribute, "has any of these".</summary>
    In,

    /// <summary><c>not in [a, b, …]</c>.</summary>
    NotIn,

    /// <summary><c>contains 'x'</c>: text contains the substring; a set has the member.</summary>
    Contains,

    /// <summary><c>starts with 'x'</c>.</summary>
    StartsWith,

    /// <summary><c>is null</c>: no value (a set: empty).</summary>
    IsNull,

    /// <summary><c>is not null</c>.</summary>
    IsNotNull,

    /// <summary><c>within N days</c>: a date no more than N days before the evaluation date, and not after it.</summary>
    WithinDays,
}
