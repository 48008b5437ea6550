namespace CustomerCare.Segments.Rules;

/// <summary>One token of rule text, with its place.</summary>
internal readonly record struct RuleToken(RuleTokenKind Kind, string Text, int Offset, int Length)
{
    public bool IsKeyword(string keyword) => Kind == RuleTokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);
}

internal enum RuleTokenKind
{
    End,
    Identifier,
    String,
    Number,
    Date,
    Operator,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    Comma,
}
