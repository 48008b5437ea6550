using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime.Text;

namespace CustomerCare.Segments.Rules;

/// <summary>
/// The JSON form of a rule, equivalent to the text form and parsed to the same tree.
/// <code>
/// { "and": [
///     { "attribute": "orders", "op": "&gt;=", "value": 3 },
///     { "attribute": "last_order", "op": "within_days", "value": 90 },
///     { "attribute": "city", "op": "in", "values": ["İstanbul", "Ankara"] },
///     { "not": { "attribute": "tag", "op": "=", "value": "staff" } } ] }
/// </code>
/// Operators: <c>= != &lt; &lt;= &gt; &gt;=</c>, <c>between</c> (<c>values</c>: two), <c>in</c>, <c>not_in</c>
/// (<c>values</c>), <c>contains</c>, <c>starts_with</c>, <c>is_null</c>, <c>is_not_null</c> (no value),
/// <c>within_days</c> (<c>value</c>: days). Dates are <c>yyyy-MM-dd</c> strings on date attributes.
/// </summary>
public static class RuleJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes a rule as JSON.</summary>
    /// <param name="node">The rule.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(RuleNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            WriteNode(writer, node);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    internal static bool IsList(RuleOperator op) => op is RuleOperator.In or RuleOperator.NotIn or RuleOperator.Between;

    internal static (RuleNode? Root, RuleSourceMap Map, List<RuleError> Errors) Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var errors = new List<RuleError>();
        var paths = new Dictionary<RuleCondition, string>(ReferenceEqualityComparer.Instance);
        if (json.Length > RuleLimits.MaxLength * 4)
        {
            errors.Add(new RuleError(RuleErrorCodes.TooLong, $"the JSON rule is {json.Length} characters long; at most {RuleLimits.MaxLength * 4} are allowed", "$", -1, 0, 0));
            return (null, new JsonSourceMap(paths), errors);
        }

        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = (RuleLimits.MaxDepth * 2) + 4 });
            var root = new Reader(errors, paths).Node(document.RootElement, "$", 0);
            return (errors.Count == 0 ? root : null, new JsonSourceMap(paths), errors);
        }
        catch (JsonException error)
        {
            var line = (int)(error.LineNumber ?? 0) + 1;
            var column = (int)(error.BytePositionInLine ?? 0) + 1;
            errors.Add(new RuleError(RuleErrorCodes.Syntax, "the JSON is malformed: " + error.Message, $"line {line}, column {column}", -1, line, column));
            return (null, new JsonSourceMap(paths), errors);
        }
    }

    private static void WriteNode(Utf8JsonWriter writer, RuleNode node)
    {
        writer.WriteStartObject();
        switch (node)
        {
            case AndRule and:
                WriteList(writer, "and", and.Operands);
                break;
            case OrRule or:
                WriteList(writer, "or", or.Operands);
                break;
            case NotRule not:
                writer.WritePropertyName("not");
                WriteNode(writer, not.Operand);
                break;
            case RuleCondition condition:
                writer.WriteString("attribute", condition.Attribute);
                writer.WriteString("op", OperatorName(condition.Operator));
                if (IsList(condition.Operator))
                {
                    writer.WriteStartArray("values");
                    foreach (var operand in condition.Operands)
                    {
                        WriteLiteral(writer, operand);
                    }

                    writer.WriteEndArray();
                }
                else if (condition.Operands.Count == 1)
                {
                    writer.WritePropertyName("value");
                    WriteLiteral(writer, condition.Operands[0]);
                }

                break;
        }

        writer.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter writer, string name, RuleList<RuleNode> operands)
    {
        writer.WriteStartArray(name);
        foreach (var operand in operands)
        {
            WriteNode(writer, operand);
        }

        writer.WriteEndArray();
    }

    private static void WriteLiteral(Utf8JsonWriter writer, RuleLiteral literal)
    {
        switch (literal.Kind)
        {
            case RuleLiteralKind.Number:
                writer.WriteNumberValue(literal.Number);
                break;
            case RuleLiteralKind.Boolean:
                writer.WriteBooleanValue(literal.Boolean);
                break;
            case RuleLiteralKind.Date:
                writer.WriteStringValue(LocalDatePattern.Iso.Format(literal.Date));
                break;
            default:
                writer.WriteStringValue(literal.Text);
                break;
        }
    }

    private static string OperatorName(RuleOperator op) => op switch
    {
        RuleOperator.NotIn => "not_in",
        RuleOperator.StartsWith => "starts_with",
        RuleOperator.IsNull => "is_null",
        RuleOperator.IsNotNull => "is_not_null",
        RuleOperator.WithinDays => "within_days",
        _ => RuleFormatter.Symbol(op),
    };

    private sealed class Reader(List<RuleError> errors, Dictionary<RuleCondition, string> paths)
    {
        private static readonly RuleOperator[] Operators = Enum.GetValues<RuleOperator>();
        private int _conditions;

        public RuleNode? Node(JsonElement element, string path, int depth)
        {
            if (depth > RuleLimits.MaxDepth)
            {
                return Fail(RuleErrorCodes.TooDeep, $"the rule nests deeper than {RuleLimits.MaxDepth} levels", path);
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                return Fail(RuleErrorCodes.Syntax, $"expected an object, found {element.ValueKind}", path, "a node is {\"and\": [...]}, {\"or\": [...]}, {\"not\": {...}} or a condition");
            }

            if (element.TryGetProperty("and", out var and) || element.TryGetProperty("or", out and))
            {
                var isAnd = element.TryGetProperty("and", out _);
                var name = isAnd ? "and" : "or";
                if (and.ValueKind != JsonValueKind.Array || and.GetArrayLength() < 2)
                {
                    return Fail(RuleErrorCodes.Syntax, $"'{name}' needs an array of at least two nodes", $"{path}.{name}");
                }

                var operands = and.EnumerateArray().Select((e, i) => Node(e, $"{path}.{name}[{i}]", depth + 1)).ToList();
                return operands.Any(o => o is null) ? null
                    : isAnd ? new AndRule(new RuleList<RuleNode>(operands!)) : new OrRule(new RuleList<RuleNode>(operands!));
            }

            if (element.TryGetProperty("not", out var not))
            {
                var operand = Node(not, path + ".not", depth + 1);
                return operand is null ? null : new NotRule(operand);
            }

            return Condition(element, path);
        }

        private RuleCondition? Condition(JsonElement element, string path)
        {
            if (++_conditions > RuleLimits.MaxConditions)
            {
                return (RuleCondition?)Fail(RuleErrorCodes.TooLong, $"the rule has more than {RuleLimits.MaxConditions} conditions", path);
            }

            foreach (var property in element.EnumerateObject())
            {
                if (property.Name is not ("attribute" or "op" or "value" or "values"))
                {
                    return (RuleCondition?)Fail(RuleErrorCodes.Syntax, $"unknown property '{property.Name}'", $"{path}.{property.Name}", "a condition has attribute, op and value or values");
                }
            }

            if (!element.TryGetProperty("attribute", out var attribute) || attribute.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(attribute.GetString()))
            {
                return (RuleCondition?)Fail(RuleErrorCodes.Syntax, "a condition needs an 'attribute' string", path + ".attribute");
            }

            var name = attribute.GetString()!.ToLowerInvariant();
            var opText = element.TryGetProperty("op", out var op) && op.ValueKind == JsonValueKind.String ? op.GetString() : null;
            var kind = Operators.Where(o => OperatorName(o) == opText || (opText == "==" && o == RuleOperator.Equal)).Select(o => (RuleOperator?)o).FirstOrDefault();
            if (kind is null)
            {
                return (RuleCondition?)Fail(RuleErrorCodes.Syntax, $"unknown operator '{opText}'", path + ".op", "use = != < <= > >= between in not_in contains starts_with is_null is_not_null within_days");
            }

            var isDate = SegmentFields.TryFind(name, out var field) && field.Type == SegmentValueType.Date && kind != RuleOperator.WithinDays;
            var operands = new List<RuleLiteral>();
            if (IsList(kind.Value))
            {
                if (!element.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array || values.GetArrayLength() == 0)
                {
                    return (RuleCondition?)Fail(RuleErrorCodes.Syntax, $"'{opText}' needs a 'values' array", path + ".values");
                }

                var count = values.GetArrayLength();
                if ((kind == RuleOperator.Between && count != 2) || count > RuleLimits.MaxListLength)
                {
                    return (RuleCondition?)Fail(kind == RuleOperator.Between ? RuleErrorCodes.Syntax : RuleErrorCodes.TooLong, kind == RuleOperator.Between ? "'between' needs exactly two values" : $"the list has more than {RuleLimits.MaxListLength} values", path + ".values");
                }

                var i = 0;
                foreach (var value in values.EnumerateArray())
                {
                    if (Literal(value, isDate, $"{path}.values[{i++}]") is not { } literal)
                    {
                        return null;
                    }

                    operands.Add(literal);
                }
            }
            else if (kind is not (RuleOperator.IsNull or RuleOperator.IsNotNull))
            {
                if (!element.TryGetProperty("value", out var value) || Literal(value, isDate, path + ".value") is not { } literal)
                {
                    return errors.Count > 0 ? null : (RuleCondition?)Fail(RuleErrorCodes.Syntax, $"'{opText}' needs a 'value'", path + ".value");
                }

                if (kind == RuleOperator.WithinDays && (literal.Kind != RuleLiteralKind.Number || literal.Number < 0 || literal.Number != decimal.Truncate(literal.Number)))
                {
                    return (RuleCondition?)Fail(RuleErrorCodes.Syntax, "'within_days' needs a whole number of days", path + ".value");
                }

                operands.Add(literal);
            }

            var condition = new RuleCondition(name, kind.Value, new RuleList<RuleLiteral>(operands));
            paths[condition] = path;
            return condition;
        }

        private RuleLiteral? Literal(JsonElement value, bool isDate, string path)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String when isDate:
                    var parsed = LocalDatePattern.Iso.Parse(value.GetString()!);
                    return parsed.Success ? RuleLiteral.OfDate(parsed.Value) : FailLiteral(RuleErrorCodes.TypeMismatch, $"'{value.GetString()}' is not a date", path, "dates are yyyy-MM-dd");
                case JsonValueKind.String:
                    return RuleLiteral.OfText(value.GetString()!);
                case JsonValueKind.Number when value.TryGetDecimal(out var number):
                    return RuleLiteral.OfNumber(number);
                case JsonValueKind.True or JsonValueKind.False:
                    return RuleLiteral.OfBoolean(value.GetBoolean());
                default:
                    return FailLiteral(RuleErrorCodes.Syntax, $"expected a string, number or boolean, found {value.ValueKind} {value.GetRawText()}", path);
            }
        }

        private RuleLiteral? FailLiteral(string code, string message, string path, string? hint = null)
        {
            Fail(code, message, path, hint);
            return null;
        }

        private RuleNode? Fail(string code, string message, string path, string? hint = null)
        {
            errors.Add(new RuleError(code, message, path, -1, 0, 0, hint));
            return null;
        }
    }
}
