using CsCheck;
using CustomerCare.Segments.Evaluation;
using CustomerCare.Segments.Rules;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Segments;

public sealed class RulePropertyTests
{
    [Fact]
    public void TextToTreeToText_RoundTrips()
    {
        Gen.Int.Sample(seed =>
        {
            var tree = RandomRules.Rule(new Random(seed));
            var text = RuleFormatter.Format(tree);

            var reparsed = SegmentRule.Parse(text);

            Assert.Equal(tree, reparsed.Root);
            Assert.Equal(text, reparsed.Text);
        }, iter: 500);
    }

    [Fact]
    public void TreeToJsonToTree_RoundTrips()
    {
        Gen.Int.Sample(seed =>
        {
            var rule = SegmentRule.FromTree(RandomRules.Rule(new Random(seed)));

            Assert.Equal(rule.Root, SegmentRule.FromJson(rule.ToJson()).Root);
        }, iter: 300);
    }

    [Fact]
    public void CompiledScan_EqualsTheReferenceInterpreter_UnderTurkishCulture()
    {
        using var culture = new TurkishCulture();
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var customers = RandomRules.Customers(random, 150);
            var histories = RandomRules.Histories(random, customers);
            var table = CustomerTable.Create(customers, RandomRules.AsOf, serviceHistory: histories);
            ReferenceInterpreter.ServiceHistories.Add(table, histories);
            for (var r = 0; r < 10; r++)
            {
                var rule = SegmentRule.FromTree(RandomRules.Rule(random));
                var members = rule.Evaluate(table);
                for (var i = 0; i < table.Count; i++)
                {
                    var expected = ReferenceInterpreter.Evaluate(rule.Root, table, i);
                    Assert.True(expected == members.Contains(i), $"rule {rule.Text}: customer {i} expected {expected}");
                    Assert.Equal(expected, rule.Matches(table, i));
                }
            }
        }, iter: 40);
    }
}
