using CustomerCare.Segments;
using CustomerCare.Segments.Rules;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Docs;

public sealed class SegmentRulesDocTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "segment-rules.md"));

    [Fact]
    public void EveryAttribute_HasARowInTheDocTable()
    {
        Assert.All(SegmentFields.All, field => Assert.Contains($"| `{field.Name}` |", Doc, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryBuiltInSegment_IsDocumentedWithItsRule()
    {
        Assert.All(BuiltInSegments.All, s => Assert.Contains($"| `{s.Name}` | `{s.Rule}` |", Doc, StringComparison.Ordinal));
    }

    [Fact]
    public void TheDocumentedErrors_AreTheOnesTheParserGives()
    {
        Assert.Contains(Assert.Throws<SegmentRuleException>(() => SegmentRule.Parse("orders >= 3 and totl_spend > 100")).Errors.Single().ToString(), Doc, StringComparison.Ordinal);
        Assert.Contains(Assert.Throws<SegmentRuleException>(() => SegmentRule.Parse("city >= 'Ankara'")).Errors.Single().ToString(), Doc, StringComparison.Ordinal);
        Assert.Contains(Assert.Throws<SegmentRuleException>(() => SegmentRule.Parse("gender = 'woman'")).Errors.Single().ToString(), Doc, StringComparison.Ordinal);
    }
}
