using CustomerCare.Coupons.Codes;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Coupons.Codes;

public sealed class CouponCodesDocTests
{
    private static readonly string Doc = File.ReadAllText(RepositoryPaths.Combine("docs", "coupon-codes.md"));

    [Theory]
    [InlineData("")]
    [InlineData("7K3M-Q#XT-A2B4-V")]
    [InlineData("7K3M-QUXT-A2B4-V")]
    [InlineData("7K3M-Q9XT-A2B")]
    [InlineData("7K3M-Q9TX-A2B4-V")]
    public void TheDocumentedParseErrors_AreTheOnesTheParserGives(string input)
    {
        Assert.False(CouponCode.TryParse(input, out _, out var error));

        Assert.Contains($"| `{error.Code}` | `{error.Message}` |", Doc, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDocumentedWrongPrefixError_IsTheOneThePatternGives()
    {
        Assert.False(new CouponCodePattern("BDAY").TryParse("G1FT-7K3M-Q9XT-A2B4-M", out _, out var error));

        Assert.Contains($"| `{error.Code}` | `{error.Message}` |", Doc, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDocumentedExamples_AreValidCodesAndMasks()
    {
        var pattern = new CouponCodePattern(prefix: "BDAY", randomLength: 12, groupSize: 4, separator: '-');
        var code = CouponCode.Parse("bday 7k3m q9xt a2b4 m");

        Assert.Equal("BDAY7K3MQ9XTA2B4M", code.Value);
        Assert.Equal("BDAY-7K3M-Q9XT-A2B4-M", pattern.Parse(code.Value).ToString());
        Assert.Equal("7K3M-Q9XT-A2B4-V", CouponCode.Parse("7K3MQ9XTA2B4V").ToString());
        Assert.Contains($"`{pattern}`", Doc, StringComparison.Ordinal);
        Assert.Contains("\"BDAY7K3MQ9XTA2B4M\"", Doc, StringComparison.Ordinal);
        Assert.Equal("G01D", new CouponCodePattern("gold").Prefix);
        Assert.Contains("`gold` → `G01D`", Doc, StringComparison.Ordinal);
    }
}
