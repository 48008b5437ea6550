using CustomerCare.Segments.Rules;
using NodaTime;

namespace CustomerCare.Tests.Segments;

public sealed class RuleParserTests
{
    [Fact]
    public void Parse_IssueExample_GivesTheExpectedTree()
    {
        var rule = SegmentRule.Parse("orders >= 3 and last_order within 90 days and city in ['İstanbul', 'Ankara'] and not tag = 'staff'");

        var expected = new AndRule(
        [
            new RuleCondition("orders", RuleOperator.GreaterOrEqual, [RuleLiteral.OfNumber(3)]),
            new RuleCondition("last_order", RuleOperator.WithinDays, [RuleLiteral.OfNumber(90)]),
            new RuleCondition("city", RuleOperator.In, [RuleLiteral.OfText("İstanbul"), RuleLiteral.OfText("Ankara")]),
            new NotRule(new RuleCondition("tag", RuleOperator.Equal, [RuleLiteral.OfText("staff")])),
        ]);
        Assert.Equal(expected, rule.Root);
    }

    [Theory]
    [InlineData("age between 25 and 34", "age between 25 and 34")]
    [InlineData("ORDERS >= 3 AND (City = 'izmir' OR city starts with 'ist')", "orders >= 3 and (city = 'izmir' or city starts with 'ist')")]
    [InlineData("email is not null and phone is null", "email is not null and phone is null")]
    [InlineData("signed_up >= 2026-01-01", "signed_up >= 2026-01-01")]
    [InlineData("family_name = 'O''Brien'", "family_name = 'O''Brien'")]
    [InlineData("city not in [\"Bursa\"]", "city not in ['Bursa']")]
    [InlineData("birthday_this_month = true", "birthday_this_month = true")]
    [InlineData("total_spend > 1499.90", "total_spend > 1499.90")]
    [InlineData("not not orders = 1", "not not orders = 1")]
    public void Parse_ThenFormat_GivesCanonicalText(string text, string canonical)
    {
        Assert.Equal(canonical, SegmentRule.Parse(text).Text);
    }

    [Fact]
    public void Parse_NestedGroup_KeepsItsShapeThroughFormatting()
    {
        var rule = SegmentRule.Parse("(orders > 1 and returns = 0) and city = 'Bursa'");

        Assert.IsType<AndRule>(((AndRule)rule.Root).Operands[0]);
        Assert.Equal(rule.Root, SegmentRule.Parse(rule.Text).Root);
    }

    [Theory]
    [InlineData("orders >= ", 1, 11, "expected a value")]
    [InlineData("orders >= 3 and", 1, 16, "ends where a condition should start")]
    [InlineData("orders >= 3 city = 'x'", 1, 13, "unexpected 'city'")]
    [InlineData("city = 'İstanbul", 1, 8, "no closing quote")]
    [InlineData("(orders > 1", 1, 12, "expected ')'")]
    [InlineData("orders ~ 3", 1, 8, "unexpected character '~'")]
    [InlineData("city = İstanbul", 1, 8, "unexpected character 'İ'")]
    [InlineData("city = Ankara", 1, 8, "put text in quotes")]
    [InlineData("last_order within ninety days", 1, 19, "expected a value")]
    [InlineData("last_order within 90", 1, 21, "expected 'days'")]
    [InlineData("city in ['a' 'b']", 1, 14, "expected ',' or ']'")]
    [InlineData("signed_up > 2026-02-30", 1, 13, "not a date that exists")]
    [InlineData("orders >= 3\nand city ? 'x'", 2, 10, "unexpected character '?'")]
    public void Parse_BadSyntax_NamesLineAndColumn(string text, int line, int column, string message)
    {
        var error = Assert.Throws<SegmentRuleException>(() => SegmentRule.Parse(text)).Errors.Single();

        Assert.Equal(RuleErrorCodes.Syntax, error.Code);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
        Assert.NotNull(error.Hint);
    }

    [Fact]
    public void Parse_UnknownAttribute_HintsTheClosestName()
    {
        var error = Assert.Throws<SegmentRuleException>(() => SegmentRule.Parse("orders >= 3 and totl_spend > 100")).Errors.Single();

        Assert.Equal(RuleErrorCodes.UnknownAttribute, error.Code);
        Assert.Equal(17, error.Column);
        Assert.Equal("did you mean 'total_spend'?", error.Hint);
    }

    [Theory]
    [InlineData("city >= 'Ankara'", RuleErrorCodes.TypeMismatch, 6, "'>=' does not apply")]
    [InlineData("orders = 'three'", RuleErrorCodes.TypeMismatch, 10, "is text")]
    [InlineData("last_order > 90", RuleErrorCodes.TypeMismatch, 14, "is a number")]
    [InlineData("gender = 'woman'", RuleErrorCodes.UnknownValue, 10, "not a value of 'gender'")]
    [InlineData("orders within 3 days", RuleErrorCodes.TypeMismatch, 8, "'within' does not apply")]
    public void Parse_TypeMismatch_PointsAtTheOffendingToken(string text, string code, int column, string message)
    {
        var error = Assert.Throws<SegmentRuleException>(() => SegmentRule.Parse(text)).Errors.Single();

        Assert.Equal(code, error.Code);
        Assert.Equal(column, error.Column);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralBindingErrors_ReportsEach()
    {
        var errors = Assert.Throws<SegmentRuleException>(() => SegmentRule.Parse("ordrs > 1 or city > 2")).Errors;

        Assert.Equal(2, errors.Count);
        Assert.Equal([1, 19], errors.Select(e => e.Column));
    }

    [Fact]
    public void Parse_TooDeep_IsRefusedWithPosition()
    {
        var text = string.Concat(Enumerable.Repeat("not (", 20)) + "orders = 1" + new string(')', 20);

        var error = Assert.Throws<SegmentRuleException>(() => SegmentRule.Parse(text)).Errors.Single();

        Assert.Equal(RuleErrorCodes.TooDeep, error.Code);
        Assert.True(error.Column > 1);
    }

    [Fact]
    public void Parse_TooLong_IsRefused()
    {
        var text = string.Join(" or ", Enumerable.Range(0, 400).Select(i => $"orders = {i}"));

        Assert.Equal(RuleErrorCodes.TooLong, Assert.Throws<SegmentRuleException>(() => SegmentRule.Parse(text)).Errors.Single().Code);
    }

    [Fact]
    public void Parse_TooManyConditions_IsRefused()
    {
        var text = string.Join(" or ", Enumerable.Range(0, 65).Select(i => $"orders = {i}"));

        Assert.Equal(RuleErrorCodes.TooLong, Assert.Throws<SegmentRuleException>(() => SegmentRule.Parse(text)).Errors.Single().Code);
    }

    [Fact]
    public void Parse_Empty_IsRefused()
    {
        Assert.Equal(RuleErrorCodes.Syntax, Assert.Throws<SegmentRuleException>(() => SegmentRule.Parse("   ")).Errors.Single().Code);
    }

    [Fact]
    public void Literal_Date_FormatsAsIso()
    {
        Assert.Equal("2028-02-29", RuleLiteral.OfDate(new LocalDate(2028, 2, 29)).ToString());
    }
}
