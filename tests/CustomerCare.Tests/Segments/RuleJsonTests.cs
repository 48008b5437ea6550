using CustomerCare.Segments.Rules;

namespace CustomerCare.Tests.Segments;

public sealed class RuleJsonTests
{
    [Fact]
    public void FromJson_IssueExample_ParsesToTheSameTreeAsTheText()
    {
        const string json = """
            { "and": [
                { "attribute": "orders", "op": ">=", "value": 3 },
                { "attribute": "last_order", "op": "within_days", "value": 90 },
                { "attribute": "city", "op": "in", "values": ["İstanbul", "Ankara"] },
                { "not": { "attribute": "tag", "op": "=", "value": "staff" } } ] }
            """;

        var fromJson = SegmentRule.FromJson(json);
        var fromText = SegmentRule.Parse("orders >= 3 and last_order within 90 days and city in ['İstanbul', 'Ankara'] and not tag = 'staff'");

        Assert.Equal(fromText.Root, fromJson.Root);
        Assert.Equal(fromText.Root, SegmentRule.FromJson(fromText.ToJson()).Root);
    }

    [Fact]
    public void FromJson_DateOnADateAttribute_IsADate()
    {
        var rule = SegmentRule.FromJson("""{ "attribute": "signed_up", "op": "between", "values": ["2026-01-01", "2026-02-28"] }""");

        Assert.Equal("signed_up between 2026-01-01 and 2026-02-28", rule.Text);
    }

    [Theory]
    [InlineData("""{ "and": [ { "attribute": "ordrs", "op": ">", "value": 1 }, { "attribute": "city", "op": "=", "value": "x" } ] }""", RuleErrorCodes.UnknownAttribute, "$.and[0].attribute")]
    [InlineData("""{ "attribute": "city", "op": ">=", "value": "x" }""", RuleErrorCodes.TypeMismatch, "$.op")]
    [InlineData("""{ "attribute": "city", "op": "in", "values": ["a", 3] }""", RuleErrorCodes.TypeMismatch, "$.values[1]")]
    [InlineData("""{ "attribute": "city", "op": "like", "value": "x" }""", RuleErrorCodes.Syntax, "$.op")]
    [InlineData("""{ "attribute": "city", "op": "=", "value": "x", "extra": 1 }""", RuleErrorCodes.Syntax, "$.extra")]
    [InlineData("""{ "and": [ { "attribute": "city", "op": "=", "value": "x" } ] }""", RuleErrorCodes.Syntax, "$.and")]
    [InlineData("""{ "attribute": "signed_up", "op": ">", "value": "2026-02-30" }""", RuleErrorCodes.TypeMismatch, "$.value")]
    [InlineData("""{ "attribute": "orders", "op": "between", "values": [1] }""", RuleErrorCodes.Syntax, "$.values")]
    [InlineData("""[1, 2]""", RuleErrorCodes.Syntax, "$")]
    public void FromJson_BadRule_NamesTheJsonPath(string json, string code, string location)
    {
        var error = Assert.Throws<SegmentRuleException>(() => SegmentRule.FromJson(json)).Errors[0];

        Assert.Equal(code, error.Code);
        Assert.Equal(location, error.Location);
    }

    [Fact]
    public void FromJson_MalformedJson_NamesLineAndColumn()
    {
        var error = Assert.Throws<SegmentRuleException>(() => SegmentRule.FromJson("{ \"attribute\": \"city\",\n  \"op\": = }")).Errors.Single();

        Assert.Equal(RuleErrorCodes.Syntax, error.Code);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void FromJson_TooDeep_IsRefused()
    {
        var json = string.Concat(Enumerable.Repeat("{ \"not\": ", 20)) + "{ \"attribute\": \"orders\", \"op\": \"=\", \"value\": 1 }" + new string('}', 20);

        Assert.Contains(Assert.Throws<SegmentRuleException>(() => SegmentRule.FromJson(json)).Errors, e => e.Code is RuleErrorCodes.TooDeep or RuleErrorCodes.Syntax);
    }

    [Fact]
    public void FromTree_WrongNumberOfOperands_IsRefused()
    {
        var tree = new RuleCondition("orders", RuleOperator.Between, [RuleLiteral.OfNumber(1)]);

        Assert.Equal(RuleErrorCodes.Syntax, Assert.Throws<SegmentRuleException>(() => SegmentRule.FromTree(tree)).Errors.Single().Code);
    }

    [Fact]
    public void ToJson_TurkishText_IsNotEscaped()
    {
        Assert.Contains("İstanbul", SegmentRule.Parse("city = 'İstanbul'").ToJson(), StringComparison.Ordinal);
    }
}
