using System.Globalization;
using NodaTime.Text;

namespace CustomerCare.Segments.Rules;

/// <summary>
/// Parses rule text by recursive descent.
/// <code>
/// rule      := or
/// or        := and ('or' and)*
/// and       := unary ('and' unary)*
/// unary     := 'not' unary | '(' or ')' | condition
/// condition := attribute ( op literal | 'between' literal 'and' literal | 'not'? 'in' '[' literal (',' literal)* ']'
///            | 'contains' literal | 'starts' 'with' literal | 'is' 'not'? 'null' | 'within' integer ('day' | 'days') )
/// literal   := 'text' | "text" | number | yyyy-MM-dd | true | false
/// </code>
/// </summary>
internal sealed class RuleParser
{
    private readonly string _text;
    private readonly List<RuleToken> _tokens;
    private readonly Dictionary<RuleCondition, TextSourceMap.ConditionSpan> _spans = new(ReferenceEqualityComparer.Instance);
    private int _position;
    private int _depth;

    private RuleParser(string text)
    {
        _text = text;
        _tokens = RuleLexer.Tokenize(text);
    }

    private RuleToken Current => _tokens[_position];

    public static (RuleNode Root, RuleSourceMap Map) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > RuleLimits.MaxLength)
        {
            throw RuleErrors.At(text, RuleLimits.MaxLength, RuleErrorCodes.TooLong, $"the rule is {text.Length} characters long; at most {RuleLimits.MaxLength} are allowed", "split it into several segments");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw RuleErrors.At(text, 0, RuleErrorCodes.Syntax, "the rule is empty", "write a condition such as orders >= 3");
        }

        var parser = new RuleParser(text);
        var root = parser.ParseOr();
        if (parser.Current.Kind != RuleTokenKind.End)
        {
            throw parser.Error(parser.Current, $"unexpected '{parser.Current.Text}' after a complete rule", "join conditions with 'and' or 'or'");
        }

        if (parser._spans.Count > RuleLimits.MaxConditions)
        {
            throw RuleErrors.At(text, 0, RuleErrorCodes.TooLong, $"the rule has {parser._spans.Count} conditions; at most {RuleLimits.MaxConditions} are allowed", "split it into several segments");
        }

        return (root, new TextSourceMap(text, parser._spans));
    }

    private RuleNode ParseOr()
    {
        var operands = new List<RuleNode> { ParseAnd() };
        while (Current.IsKeyword("or"))
        {
            _position++;
            operands.Add(ParseAnd());
        }

        return operands.Count == 1 ? operands[0] : new OrRule(new RuleList<RuleNode>(operands));
    }

    private RuleNode ParseAnd()
    {
        var operands = new List<RuleNode> { ParseUnary() };
        while (Current.IsKeyword("and"))
        {
            _position++;
            operands.Add(ParseUnary());
        }

        return operands.Count == 1 ? operands[0] : new AndRule(new RuleList<RuleNode>(operands));
    }

    private RuleNode ParseUnary()
    {
        var token = Current;
        if (++_depth > RuleLimits.MaxDepth)
        {
            throw RuleErrors.At(_text, token.Offset, RuleErrorCodes.TooDeep, $"the rule nests deeper than {RuleLimits.MaxDepth} levels here", "flatten the parentheses");
        }

        RuleNode node;
        if (token.IsKeyword("not"))
        {
            _position++;
            node = new NotRule(ParseUnary());
        }
        else if (token.Kind == RuleTokenKind.OpenParen)
        {
            _position++;
            node = ParseOr();
            Expect(RuleTokenKind.CloseParen, "')'", "every '(' needs a ')'");
        }
        else
        {
            node = ParseCondition();
        }

        _depth--;
        return node;
    }

    private RuleCondition ParseCondition()
    {
        var attribute = Current;
        if (attribute.Kind != RuleTokenKind.Identifier || IsReserved(attribute))
        {
            throw Error(attribute, attribute.Kind == RuleTokenKind.End ? "the rule ends where a condition should start" : $"expected an attribute name, found '{attribute.Text}'", "a condition looks like orders >= 3");
        }

        _position++;
        var op = Current;
        var operandOffsets = new List<int>();
        RuleOperator kind;
        var operands = new List<RuleLiteral>();
        if (op.Kind == RuleTokenKind.Operator)
        {
            _position++;
            kind = op.Text switch
            {
                "=" or "==" => RuleOperator.Equal,
                "!=" or "<>" => RuleOperator.NotEqual,
                "<" => RuleOperator.Less,
                "<=" => RuleOperator.LessOrEqual,
                ">" => RuleOperator.Greater,
                _ => RuleOperator.GreaterOrEqual,
            };
            operands.Add(ParseLiteral(operandOffsets));
        }
        else if (op.IsKeyword("between"))
        {
            _position++;
            kind = RuleOperator.Between;
            operands.Add(ParseLiteral(operandOffsets));
            ExpectKeyword("and", "between takes two values joined by 'and'");
            operands.Add(ParseLiteral(operandOffsets));
        }
        else if (op.IsKeyword("in") || (op.IsKeyword("not") && _tokens[_position + 1].IsKeyword("in")))
        {
            kind = op.IsKeyword("not") ? RuleOperator.NotIn : RuleOperator.In;
            _position += kind == RuleOperator.NotIn ? 2 : 1;
            ParseList(operands, operandOffsets);
        }
        else if (op.IsKeyword("contains"))
        {
            _position++;
            kind = RuleOperator.Contains;
            operands.Add(ParseLiteral(operandOffsets));
        }
        else if (op.IsKeyword("starts"))
        {
            _position++;
            ExpectKeyword("with", "write 'starts with'");
            kind = RuleOperator.StartsWith;
            operands.Add(ParseLiteral(operandOffsets));
        }
        else if (op.IsKeyword("is"))
        {
            _position++;
            kind = RuleOperator.IsNull;
            if (Current.IsKeyword("not"))
            {
                _position++;
                kind = RuleOperator.IsNotNull;
            }

            ExpectKeyword("null", "write 'is null' or 'is not null'");
        }
        else if (op.IsKeyword("within"))
        {
            _position++;
            kind = RuleOperator.WithinDays;
            var days = Current;
            var literal = ParseLiteral(operandOffsets);
            if (literal.Kind != RuleLiteralKind.Number || literal.Number < 0 || literal.Number != decimal.Truncate(literal.Number) || literal.Number > 100_000)
            {
                throw Error(days, $"'within' needs a whole number of days, found '{days.Text}'", "for example: last_order within 90 days");
            }

            operands.Add(literal);
            if (!Current.IsKeyword("days") && !Current.IsKeyword("day"))
            {
                throw Error(Current, $"expected 'days' after the number, found '{Describe(Current)}'", "for example: last_order within 90 days");
            }

            _position++;
        }
        else
        {
            throw Error(op, $"expected an operator after '{attribute.Text}', found '{Describe(op)}'", "use = != < <= > >= between in contains 'starts with' 'is null' or 'within N days'");
        }

        var condition = new RuleCondition(attribute.Text.ToLowerInvariant(), kind, new RuleList<RuleLiteral>(operands));
        _spans[condition] = new TextSourceMap.ConditionSpan(attribute.Offset, op.Offset, [.. operandOffsets]);
        return condition;
    }

    private void ParseList(List<RuleLiteral> operands, List<int> offsets)
    {
        Expect(RuleTokenKind.OpenBracket, "'['", "a list looks like ['İstanbul', 'Ankara']");
        while (true)
        {
            if (operands.Count >= RuleLimits.MaxListLength)
            {
                throw RuleErrors.At(_text, Current.Offset, RuleErrorCodes.TooLong, $"the list has more than {RuleLimits.MaxListLength} values", "use a tag instead of a long list");
            }

            operands.Add(ParseLiteral(offsets));
            if (Current.Kind == RuleTokenKind.Comma)
            {
                _position++;
                continue;
            }

            Expect(RuleTokenKind.CloseBracket, "',' or ']'", "separate values with ',' and close the list with ']'");
            return;
        }
    }

    private RuleLiteral ParseLiteral(List<int> offsets)
    {
        var token = Current;
        RuleLiteral literal;
        switch (token.Kind)
        {
            case RuleTokenKind.String:
                literal = RuleLiteral.OfText(token.Text);
                break;
            case RuleTokenKind.Number:
                literal = RuleLiteral.OfNumber(decimal.Parse(token.Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
                break;
            case RuleTokenKind.Date:
                var parsed = LocalDatePattern.Iso.Parse(token.Text);
                if (!parsed.Success)
                {
                    throw Error(token, $"'{token.Text}' is not a date that exists", "dates are yyyy-MM-dd");
                }

                literal = RuleLiteral.OfDate(parsed.Value);
                break;
            case RuleTokenKind.Identifier when token.IsKeyword("true") || token.IsKeyword("false"):
                literal = RuleLiteral.OfBoolean(token.IsKeyword("true"));
                break;
            default:
                throw Error(token, $"expected a value, found '{Describe(token)}'", token.Kind == RuleTokenKind.Identifier ? $"put text in quotes: '{token.Text}'" : "values are 'text', numbers, yyyy-MM-dd dates, true or false");
        }

        offsets.Add(token.Offset);
        _position++;
        return literal;
    }

    private void Expect(RuleTokenKind kind, string what, string hint)
    {
        if (Current.Kind != kind)
        {
            throw Error(Current, $"expected {what}, found '{Describe(Current)}'", hint);
        }

        _position++;
    }

    private void ExpectKeyword(string keyword, string hint)
    {
        if (!Current.IsKeyword(keyword))
        {
            throw Error(Current, $"expected '{keyword}', found '{Describe(Current)}'", hint);
        }

        _position++;
    }

    private SegmentRuleException Error(RuleToken token, string message, string hint) =>
        RuleErrors.At(_text, token.Offset, RuleErrorCodes.Syntax, message, hint);

    private static string Describe(RuleToken token) => token.Kind == RuleTokenKind.End ? "end of rule" : token.Text;

    private static bool IsReserved(RuleToken token) =>
        token.IsKeyword("and") || token.IsKeyword("or") || token.IsKeyword("not") || token.IsKeyword("true") || token.IsKeyword("false");
}
