using System.Globalization;
using CustomerCare.Segments.Rules;

namespace CustomerCare.PostgreSql;

/// <summary>
/// Narrows a segment rule to a parameterized SQL condition over the customer columns: a superset of the matching
/// customers, which the store then checks with the rule itself.
/// </summary>
/// <remarks>
/// Translated: comparisons (=, !=, &lt;, &lt;=, &gt;, &gt;=, between, in, not in) on the numeric fields stored as
/// columns that are never null: <c>orders</c>, <c>total_spend</c>, <c>refunded_total</c>, <c>returns</c>,
/// <c>cancellations</c>, <c>reviews</c>; the consent booleans (<c>consent_marketing_email</c> …) as a bit of
/// <c>consent_mask</c>; and/or of them. Anything else (text, dates, sets, negation, nullable fields)
/// becomes <c>TRUE</c>, so nothing that matches is ever left out. Values are always parameters, never SQL text.
/// </remarks>
internal static class SegmentSql
{
    private static readonly Dictionary<string, string> Columns = new(StringComparer.Ordinal)
    {
        ["orders"] = "order_count",
        ["total_spend"] = "total_spend",
        ["refunded_total"] = "refunded_total",
        ["returns"] = "returns_count",
        ["cancellations"] = "cancelled_count",
        ["reviews"] = "review_count",
    };

    private static readonly Dictionary<string, int> ConsentMasks = (
        from purpose in Enum.GetValues<Privacy.Consent.ConsentPurpose>()
        from channel in Enum.GetValues<Privacy.Consent.ConsentChannel>()
        select (Name: "consent_" + purpose.ToString().ToLowerInvariant() + "_" + channel.ToString().ToLowerInvariant(), Mask: 1 << Privacy.Consent.ConsentState.BitOf(purpose, channel)))
        .ToDictionary(f => f.Name, f => f.Mask, StringComparer.Ordinal);

    /// <summary>The condition, adding its values to <paramref name="parameters"/>; <c>TRUE</c> when nothing translates.</summary>
    public static string Translate(RuleNode node, List<object?> parameters) => node switch
    {
        AndRule and => Join(and.Operands.Select(o => Translate(o, parameters)).Where(c => c != "TRUE").ToArray(), " AND ", "TRUE"),
        OrRule or => or.Operands.Select(o => Translate(o, parameters)).ToArray() is var parts && parts.All(p => p != "TRUE")
            ? Join(parts, " OR ", "FALSE")
            : "TRUE",
        RuleCondition condition => Condition(condition, parameters),
        _ => "TRUE",
    };

    private static string Condition(RuleCondition condition, List<object?> parameters)
    {
        if (SegmentFields.TryFind(condition.Attribute, out var consentField) && ConsentMasks.TryGetValue(consentField.Name, out var mask))
        {
            if (condition.Operands is not [{ Kind: RuleLiteralKind.Boolean } literal] || condition.Operator is not (RuleOperator.Equal or RuleOperator.NotEqual))
            {
                return "TRUE";
            }

            parameters.Add(mask);
            var wanted = literal.Boolean == (condition.Operator == RuleOperator.Equal);
            return $"(consent_mask & ${parameters.Count.ToString(CultureInfo.InvariantCulture)}::integer) {(wanted ? "<>" : "=")} 0";
        }

        if (!SegmentFields.TryFind(condition.Attribute, out var field) || !Columns.TryGetValue(field.Name, out var column)
            || condition.Operands.Any(o => o.Kind != RuleLiteralKind.Number))
        {
            return "TRUE";
        }

        var values = condition.Operands.Select(o => o.Number).ToArray();
        string P(decimal value)
        {
            parameters.Add(value);
            return "$" + parameters.Count.ToString(CultureInfo.InvariantCulture);
        }

        return condition.Operator switch
        {
            RuleOperator.Equal when values.Length == 1 => $"{column} = {P(values[0])}",
            RuleOperator.NotEqual when values.Length == 1 => $"{column} <> {P(values[0])}",
            RuleOperator.Less when values.Length == 1 => $"{column} < {P(values[0])}",
            RuleOperator.LessOrEqual when values.Length == 1 => $"{column} <= {P(values[0])}",
            RuleOperator.Greater when values.Length == 1 => $"{column} > {P(values[0])}",
            RuleOperator.GreaterOrEqual when values.Length == 1 => $"{column} >= {P(values[0])}",
            // Inclusive bounds: a superset whichever way the rule treats its ends.
            RuleOperator.Between when values.Length == 2 => $"{column} BETWEEN {P(Math.Min(values[0], values[1]))} AND {P(Math.Max(values[0], values[1]))}",
            RuleOperator.In when values.Length > 0 => $"{column} = ANY({P2(values, parameters)})",
            RuleOperator.NotIn when values.Length > 0 => $"NOT ({column} = ANY({P2(values, parameters)}))",
            _ => "TRUE",
        };
    }

    private static string P2(decimal[] values, List<object?> parameters)
    {
        parameters.Add(values);
        return "$" + parameters.Count.ToString(CultureInfo.InvariantCulture) + "::numeric[]";
    }

    private static string Join(string[] parts, string separator, string empty) =>
        parts.Length == 0 ? empty : "(" + string.Join(separator, parts) + ")";
}
