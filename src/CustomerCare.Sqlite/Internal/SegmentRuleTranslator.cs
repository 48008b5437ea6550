using System.Globalization;
using CustomerCare.Segments.Rules;
using CustomerCare.Text;

namespace CustomerCare.Sqlite.Internal;

/// <summary>
/// Translates a segment rule's tree to a SQL condition over the stored customer columns. Every piece is either exact
/// (selects precisely the customers the in-memory engine matches, and is never NULL) or a superset (<c>1</c> for a
/// condition it cannot translate); a superset is never negated, so the whole condition is always a superset, and exact
/// when every piece is.
/// </summary>
internal sealed class SegmentRuleTranslator
{
    private static readonly Part Unknown = new("1", Exact: false);
    private readonly List<KeyValuePair<string, object>> _parameters = [];

    private SegmentRuleTranslator()
    {
    }

    public static CustomerFilter Translate(RuleNode root)
    {
        var translator = new SegmentRuleTranslator();
        var part = translator.Node(root);
        return new CustomerFilter(part.Sql, translator._parameters, part.Exact);
    }

    private Part Node(RuleNode node) => node switch
    {
        AndRule and => Combine(and.Operands, " AND "),
        OrRule or => Combine(or.Operands, " OR "),
        NotRule not => Node(not.Operand) is { Exact: true } inner ? new Part($"(NOT {inner.Sql})", Exact: true) : Unknown,
        RuleCondition condition => Condition(condition),
        _ => Unknown,
    };

    private Part Combine(RuleList<RuleNode> operands, string separator)
    {
        var parts = operands.Select(Node).ToArray();
        if (parts.Length == 0)
        {
            return new Part(separator == " AND " ? "1" : "0", Exact: true);
        }

        var unknown = parts.Where(p => p == Unknown).ToArray();
        if (separator == " OR " && unknown.Length > 0)
        {
            // An operand that cannot be narrowed lets any row through the OR; supersets of the others may stay.
            return Unknown;
        }

        // An AND drops what it cannot translate, which only widens it.
        var kept = parts.Where(p => p != Unknown).ToArray();
        return kept.Length == 0 ? Unknown : new Part("(" + string.Join(separator, kept.Select(p => p.Sql)) + ")", unknown.Length == 0 && kept.All(p => p.Exact));
    }

    private Part Condition(RuleCondition condition)
    {
        if (!SegmentFields.TryFind(condition.Attribute, out var field) || field.NeedsPopulation)
        {
            return Unknown;
        }

        if (CustomerColumns.IntegerFields.TryGetValue(field.Name, out var integer))
        {
            return Integer(integer.Column, integer.Nullable, condition);
        }

        if (CustomerColumns.ConsentFields.TryGetValue(field.Name, out var mask))
        {
            return Consent(mask, condition);
        }

        return CustomerColumns.FoldedTextFields.TryGetValue(field.Name, out var text) ? FoldedText(text, condition) : Unknown;
    }

    /// <summary>A consent bit of <c>consent_mask</c> (never NULL) against a boolean literal.</summary>
    private Part Consent(long mask, RuleCondition condition)
    {
        if (condition.Operands is not [{ Kind: RuleLiteralKind.Boolean } literal] || condition.Operator is not (RuleOperator.Equal or RuleOperator.NotEqual))
        {
            return Unknown;
        }

        var wanted = literal.Boolean == (condition.Operator == RuleOperator.Equal);
        return new Part($"((consent_mask & {Parameter(mask)}) {(wanted ? "<>" : "=")} 0)", Exact: true);
    }

    /// <summary>An integer column against number literals, with the engine's rule that a missing value satisfies only != and not in.</summary>
    private Part Integer(string column, bool nullable, RuleCondition condition)
    {
        if (condition.Operands.Any(o => o.Kind != RuleLiteralKind.Number))
        {
            return Unknown;
        }

        var literals = condition.Operands.Select(o => o.Number).ToArray();
        var present = nullable ? $"{column} IS NOT NULL AND " : string.Empty;
        string Compare(string op, decimal literal) => $"({present}{column} {op} {Parameter(literal)})";
        string Among() => string.Join(", ", literals.Where(IsWhole).Distinct().Select(l => Parameter(l)));
        var sql = condition.Operator switch
        {
            RuleOperator.Equal => IsWhole(literals[0]) ? Compare("=", literals[0]) : "0",
            RuleOperator.NotEqual => IsWhole(literals[0]) ? $"(NOT {Compare("=", literals[0])})" : "1",
            RuleOperator.Less => Compare("<", literals[0]),
            RuleOperator.LessOrEqual => Compare("<=", literals[0]),
            RuleOperator.Greater => Compare(">", literals[0]),
            RuleOperator.GreaterOrEqual => Compare(">=", literals[0]),
            RuleOperator.Between => $"({Compare(">=", literals[0])} AND {Compare("<=", literals[1])})",
            RuleOperator.In => Among() is { Length: > 0 } among ? $"({present}{column} IN ({among}))" : "0",
            RuleOperator.NotIn => Among() is { Length: > 0 } among ? $"(NOT ({present}{column} IN ({among})))" : "1",
            RuleOperator.IsNull => nullable ? $"({column} IS NULL)" : "0",
            RuleOperator.IsNotNull => nullable ? $"({column} IS NOT NULL)" : "1",
            _ => null,
        };
        return sql is null ? Unknown : new Part(sql, Exact: true);
    }

    /// <summary>A folded text column against folded literals: the engine compares with <see cref="TurkishInvariantComparer"/>, which is equality after folding.</summary>
    private Part FoldedText(string column, RuleCondition condition)
    {
        if (condition.Operands.Any(o => o.Kind != RuleLiteralKind.Text || o.Text!.Any(char.IsSurrogate)))
        {
            return Unknown;
        }

        string Among() => string.Join(", ", condition.Operands.Select(o => Parameter(TurkishInvariantComparer.Fold(o.Text!))));
        var sql = condition.Operator switch
        {
            RuleOperator.Equal or RuleOperator.In => $"({column} IS NOT NULL AND {column} IN ({Among()}))",
            RuleOperator.NotEqual or RuleOperator.NotIn => $"(NOT ({column} IS NOT NULL AND {column} IN ({Among()})))",
            RuleOperator.IsNull => $"({column} IS NULL)",
            RuleOperator.IsNotNull => $"({column} IS NOT NULL)",
            _ => null,
        };
        return sql is null ? Unknown : new Part(sql, Exact: true);
    }

    private static bool IsWhole(decimal literal) => literal == decimal.Truncate(literal) && literal is >= long.MinValue and <= long.MaxValue;

    /// <summary>Adds a parameter and returns its name; values never enter the SQL text.</summary>
    private string Parameter(object value)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"$s{_parameters.Count}");
        _parameters.Add(new(name, value is decimal d ? (IsWhole(d) ? (object)(long)d : (double)d) : value));
        return name;
    }

    private sealed record Part(string Sql, bool Exact);
}
