namespace CustomerCare.Segments.Rules;

/// <summary>Where each condition of a parsed rule came from, so that binding errors can point at the source.</summary>
internal abstract class RuleSourceMap
{
    public static RuleSourceMap None { get; } = new JsonSourceMap(new Dictionary<RuleCondition, string>(ReferenceEqualityComparer.Instance));

    public abstract RuleError Error(RuleCondition condition, RuleErrorPart part, int operand, string code, string message, string? hint);
}

/// <summary>Offsets into rule text.</summary>
internal sealed class TextSourceMap(string text, IReadOnlyDictionary<RuleCondition, TextSourceMap.ConditionSpan> spans) : RuleSourceMap
{
    public override RuleError Error(RuleCondition condition, RuleErrorPart part, int operand, string code, string message, string? hint)
    {
        if (!spans.TryGetValue(condition, out var span))
        {
            return new RuleError(code, message, "rule", -1, 0, 0, hint);
        }

        var offset = part switch
        {
            RuleErrorPart.Attribute => span.Attribute,
            RuleErrorPart.Operator => span.Operator,
            _ => operand < span.Operands.Length ? span.Operands[operand] : span.Operator,
        };
        return RuleErrors.Create(text, offset, code, message, hint);
    }

    internal readonly record struct ConditionSpan(int Attribute, int Operator, int[] Operands);
}

/// <summary>JSON paths of conditions in the JSON form.</summary>
internal sealed class JsonSourceMap(IReadOnlyDictionary<RuleCondition, string> paths) : RuleSourceMap
{
    public override RuleError Error(RuleCondition condition, RuleErrorPart part, int operand, string code, string message, string? hint)
    {
        var path = paths.TryGetValue(condition, out var found) ? found : "$";
        var location = part switch
        {
            RuleErrorPart.Attribute => path + ".attribute",
            RuleErrorPart.Operator => path + ".op",
            _ => path + (RuleJson.IsList(condition.Operator) ? $".values[{operand}]" : ".value"),
        };
        return new RuleError(code, message, location, -1, 0, 0, hint);
    }
}

/// <summary>Which part of a condition an error points at.</summary>
internal enum RuleErrorPart
{
    Attribute,
    Operator,
    Operand,
}
