using CustomerCare.Text;

namespace CustomerCare.Segments.Rules;

/// <summary>Checks a parsed rule against the field catalog: known fields, operators that fit their types, constants of the right kind.</summary>
internal static class RuleBinder
{
    public static List<RuleError> Check(RuleNode root, RuleSourceMap map)
    {
        var errors = new List<RuleError>();
        if (Depth(root) > RuleLimits.MaxDepth)
        {
            errors.Add(new RuleError(RuleErrorCodes.TooDeep, $"the rule nests deeper than {RuleLimits.MaxDepth} levels", "rule", -1, 0, 0, "flatten it"));
        }

        var conditions = SegmentRule.Conditions(root).ToList();
        if (conditions.Count > RuleLimits.MaxConditions)
        {
            errors.Add(new RuleError(RuleErrorCodes.TooLong, $"the rule has {conditions.Count} conditions; at most {RuleLimits.MaxConditions} are allowed", "rule", -1, 0, 0, "split it into several segments"));
        }

        foreach (var condition in conditions.Where(c => c.Operands.Count > RuleLimits.MaxListLength))
        {
            errors.Add(map.Error(condition, RuleErrorPart.Operator, 0, RuleErrorCodes.TooLong, $"the list has more than {RuleLimits.MaxListLength} values", "use a tag instead of a long list"));
        }

        if (errors.Count == 0)
        {
            Visit(root, map, errors);
        }

        return errors;
    }

    private static int Depth(RuleNode node) => node switch
    {
        AndRule and => 1 + and.Operands.Max(Depth),
        OrRule or => 1 + or.Operands.Max(Depth),
        NotRule not => 1 + Depth(not.Operand),
        _ => 1,
    };

    public static string Normalize(string choice) =>
        TurkishInvariantComparer.Fold(choice.Trim().Replace("+", "_plus", StringComparison.Ordinal).Replace("<", "under_", StringComparison.Ordinal))
            .Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);

    private static void Visit(RuleNode node, RuleSourceMap map, List<RuleError> errors)
    {
        switch (node)
        {
            case AndRule and:
                foreach (var operand in and.Operands)
                {
                    Visit(operand, map, errors);
                }

                break;
            case OrRule or:
                foreach (var operand in or.Operands)
                {
                    Visit(operand, map, errors);
                }

                break;
            case NotRule not:
                Visit(not.Operand, map, errors);
                break;
            case RuleCondition condition:
                CheckCondition(condition, map, errors);
                break;
        }
    }

    private static void CheckCondition(RuleCondition condition, RuleSourceMap map, List<RuleError> errors)
    {
        if (!ShapeIsValid(condition))
        {
            errors.Add(map.Error(condition, RuleErrorPart.Operator, 0, RuleErrorCodes.Syntax, $"'{RuleFormatter.Symbol(condition.Operator)}' takes {ExpectedOperands(condition.Operator)}, but the condition has {condition.Operands.Count}", null));
            return;
        }

        if (!SegmentFields.TryFind(condition.Attribute, out var field))
        {
            errors.Add(map.Error(condition, RuleErrorPart.Attribute, 0, RuleErrorCodes.UnknownAttribute, $"there is no attribute '{condition.Attribute}'", $"did you mean '{SegmentFields.Closest(condition.Attribute)}'?"));
            return;
        }

        if (!Allows(field.Type, condition.Operator))
        {
            errors.Add(map.Error(condition, RuleErrorPart.Operator, 0, RuleErrorCodes.TypeMismatch, $"'{field.Name}' is {Describe(field.Type)}; '{RuleFormatter.Symbol(condition.Operator)}' does not apply to it", "it takes: " + OperatorsOf(field.Type)));
            return;
        }

        var expected = condition.Operator == RuleOperator.WithinDays ? RuleLiteralKind.Number : LiteralKindOf(field.Type);
        for (var i = 0; i < condition.Operands.Count; i++)
        {
            var operand = condition.Operands[i];
            if (operand.Kind != expected)
            {
                errors.Add(map.Error(condition, RuleErrorPart.Operand, i, RuleErrorCodes.TypeMismatch, $"'{field.Name}' is {Describe(field.Type)}, but {operand} is {DescribeLiteral(operand.Kind)}", "write " + Example(field)));
            }
            else if (field.Type == SegmentValueType.Choice && !field.Choices.Any(c => Normalize(c) == Normalize(operand.Text!)))
            {
                var closest = field.Choices.OrderBy(c => EditDistance.Between(Normalize(c), Normalize(operand.Text!))).First();
                errors.Add(map.Error(condition, RuleErrorPart.Operand, i, RuleErrorCodes.UnknownValue, $"{operand} is not a value of '{field.Name}'", $"did you mean '{closest}'? values: {string.Join(", ", field.Choices)}"));
            }
        }
    }

    private static bool ShapeIsValid(RuleCondition condition) => condition.Operator switch
    {
        RuleOperator.IsNull or RuleOperator.IsNotNull => condition.Operands.Count == 0,
        RuleOperator.Between => condition.Operands.Count == 2,
        RuleOperator.In or RuleOperator.NotIn => condition.Operands.Count >= 1,
        RuleOperator.WithinDays => condition.Operands.Count == 1 && condition.Operands[0].Kind == RuleLiteralKind.Number
            && condition.Operands[0].Number >= 0 && condition.Operands[0].Number == decimal.Truncate(condition.Operands[0].Number) && condition.Operands[0].Number <= 100_000,
        _ => condition.Operands.Count == 1,
    };

    private static string ExpectedOperands(RuleOperator op) => op switch
    {
        RuleOperator.IsNull or RuleOperator.IsNotNull => "no value",
        RuleOperator.Between => "two values",
        RuleOperator.In or RuleOperator.NotIn => "one or more values",
        RuleOperator.WithinDays => "one whole number of days from 0 to 100000",
        _ => "one value",
    };

    private static bool Allows(SegmentValueType type, RuleOperator op) => type switch
    {
        SegmentValueType.Number or SegmentValueType.Money => op is not (RuleOperator.Contains or RuleOperator.StartsWith or RuleOperator.WithinDays),
        SegmentValueType.Date => op is not (RuleOperator.Contains or RuleOperator.StartsWith or RuleOperator.In or RuleOperator.NotIn),
        SegmentValueType.Text => op is RuleOperator.Equal or RuleOperator.NotEqual or RuleOperator.In or RuleOperator.NotIn or RuleOperator.Contains or RuleOperator.StartsWith or RuleOperator.IsNull or RuleOperator.IsNotNull,
        SegmentValueType.Choice => op is RuleOperator.Equal or RuleOperator.NotEqual or RuleOperator.In or RuleOperator.NotIn,
        SegmentValueType.Set => op is RuleOperator.Equal or RuleOperator.NotEqual or RuleOperator.In or RuleOperator.NotIn or RuleOperator.Contains or RuleOperator.IsNull or RuleOperator.IsNotNull,
        _ => op is RuleOperator.Equal or RuleOperator.NotEqual,
    };

    private static string OperatorsOf(SegmentValueType type) =>
        string.Join(" ", Enum.GetValues<RuleOperator>().Where(op => Allows(type, op)).Select(RuleFormatter.Symbol));

    private static RuleLiteralKind LiteralKindOf(SegmentValueType type) => type switch
    {
        SegmentValueType.Number or SegmentValueType.Money => RuleLiteralKind.Number,
        SegmentValueType.Date => RuleLiteralKind.Date,
        SegmentValueType.Boolean => RuleLiteralKind.Boolean,
        _ => RuleLiteralKind.Text,
    };

    private static string Describe(SegmentValueType type) => type switch
    {
        SegmentValueType.Number => "a number",
        SegmentValueType.Money => "an amount",
        SegmentValueType.Date => "a date",
        SegmentValueType.Text => "text",
        SegmentValueType.Choice => "a choice",
        SegmentValueType.Set => "a set of texts",
        _ => "true or false",
    };

    private static string DescribeLiteral(RuleLiteralKind kind) => kind switch
    {
        RuleLiteralKind.Number => "a number",
        RuleLiteralKind.Date => "a date",
        RuleLiteralKind.Boolean => "true or false",
        _ => "text",
    };

    private static string Example(SegmentField field) => field.Type switch
    {
        SegmentValueType.Number or SegmentValueType.Money => $"{field.Name} >= 3",
        SegmentValueType.Date => $"{field.Name} >= 2026-01-31 or {field.Name} within 90 days",
        SegmentValueType.Boolean => $"{field.Name} = true",
        SegmentValueType.Choice => $"{field.Name} = '{field.Choices[^1]}'",
        _ => $"{field.Name} = 'text in quotes'",
    };
}
