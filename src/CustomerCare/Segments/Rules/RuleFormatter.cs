using System.Globalization;
using System.Text;

namespace CustomerCare.Segments.Rules;

/// <summary>
/// Writes a rule as canonical text: lower-case keywords, single-quoted text, and parentheses around every nested
/// <c>and</c>/<c>or</c>, so that parsing the text gives back an equal tree.
/// </summary>
public static class RuleFormatter
{
    /// <summary>Formats a rule.</summary>
    /// <param name="node">The rule.</param>
    /// <returns>The text.</returns>
    public static string Format(RuleNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, RuleNode node)
    {
        switch (node)
        {
            case AndRule and:
                WriteJoined(builder, and.Operands, " and ");
                break;
            case OrRule or:
                WriteJoined(builder, or.Operands, " or ");
                break;
            case NotRule not:
                builder.Append("not ");
                WriteOperand(builder, not.Operand);
                break;
            case RuleCondition condition:
                WriteCondition(builder, condition);
                break;
            default:
                throw new ArgumentException($"Unknown rule node {node.GetType().Name}.", nameof(node));
        }
    }

    private static void WriteJoined(StringBuilder builder, RuleList<RuleNode> operands, string separator)
    {
        for (var i = 0; i < operands.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(separator);
            }

            WriteOperand(builder, operands[i]);
        }
    }

    private static void WriteOperand(StringBuilder builder, RuleNode operand)
    {
        if (operand is AndRule or OrRule)
        {
            builder.Append('(');
            Write(builder, operand);
            builder.Append(')');
        }
        else
        {
            Write(builder, operand);
        }
    }

    private static void WriteCondition(StringBuilder builder, RuleCondition condition)
    {
        var operands = condition.Operands;
        builder.Append(condition.Attribute).Append(' ');
        switch (condition.Operator)
        {
            case RuleOperator.Between:
                builder.Append("between ").Append(operands[0]).Append(" and ").Append(operands[1]);
                break;
            case RuleOperator.In or RuleOperator.NotIn:
                builder.Append(condition.Operator == RuleOperator.In ? "in [" : "not in [").AppendJoin(", ", operands).Append(']');
                break;
            case RuleOperator.IsNull:
                builder.Append("is null");
                break;
            case RuleOperator.IsNotNull:
                builder.Append("is not null");
                break;
            case RuleOperator.WithinDays:
                builder.Append("within ").Append(operands[0].Number.ToString(CultureInfo.InvariantCulture)).Append(" days");
                break;
            default:
                builder.Append(Symbol(condition.Operator)).Append(' ').Append(operands[0]);
                break;
        }
    }

    /// <summary>The text of a single-operand operator.</summary>
    /// <param name="op">The operator.</param>
    /// <returns>Its symbol or keywords.</returns>
    internal static string Symbol(RuleOperator op) => op switch
    {
        RuleOperator.Equal => "=",
        RuleOperator.NotEqual => "!=",
        RuleOperator.Less => "<",
        RuleOperator.LessOrEqual => "<=",
        RuleOperator.Greater => ">",
        RuleOperator.GreaterOrEqual => ">=",
        RuleOperator.Contains => "contains",
        RuleOperator.StartsWith => "starts with",
        RuleOperator.Between => "between",
        RuleOperator.In => "in",
        RuleOperator.NotIn => "not in",
        RuleOperator.IsNull => "is null",
        RuleOperator.IsNotNull => "is not null",
        _ => "within",
    };
}
