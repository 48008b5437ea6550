using CustomerCare.Coupons.Codes;

namespace CustomerCare.Tests.Sample;

public sealed class CouponsCommandTests
{
    [Fact]
    public async Task CouponsGenerate_PrintsCountDistinctCodesThatEachParse()
    {
        var run = await SampleRunner.RunOnceAsync("coupons", "generate", "--count", "500", "--prefix", "bday", "--length", "13");
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var codes = lines.Select(CouponCode.Parse).ToList();

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Equal(500, lines.Length);
        Assert.Equal(500, codes.Select(c => c.Value).Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.StartsWith("BDAY", c.Value, StringComparison.Ordinal));
        Assert.All(codes, c => Assert.Equal(4 + 13 + 1, c.Value.Length));
    }

    [Fact]
    public async Task CouponsGenerate_Json_IsOneArrayOfParsableCodes()
    {
        var run = await SampleRunner.RunOnceAsync("coupons", "generate", "--count", "7", "--json");
        var codes = run.Json().EnumerateArray().Select(e => CouponCode.Parse(e.GetString())).ToList();

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(7, codes.Distinct().Count());
    }

    [Fact]
    public async Task CouponsGenerate_TooShortLength_ExitsTwoNamingTheBits()
    {
        var run = await SampleRunner.RunOnceAsync("coupons", "generate", "--count", "3", "--length", "8");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains("random_length", run.Error, StringComparison.Ordinal);
        Assert.Contains("40", run.Error, StringComparison.Ordinal);
        Assert.Contains("60", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CouponsGenerate_WithAPatternMask_PrintsCodesInThatLayout()
    {
        var run = await SampleRunner.RunOnceAsync("coupons", "generate", "--count", "20", "--pattern", "BDAY-#####-#####-##?");
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(20, lines.Length);
        Assert.All(lines, line => Assert.Matches("^BDAY-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{2}[0-9A-Z*~$=]$", line));
        Assert.All(lines, line => CouponCodePattern.FromMask("BDAY-#####-#####-##?").Parse(line));
    }

    [Fact]
    public async Task CouponsGenerate_WithAMalformedMask_ExitsTwoNamingThePosition()
    {
        var run = await SampleRunner.RunOnceAsync("coupons", "generate", "--count", "3", "--pattern", "BDAY-####-####-####-!");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains("field 'pattern'", run.Error, StringComparison.Ordinal);
        Assert.Contains("position 21", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--prefix", "AB!")]
    [InlineData("--count", "0")]
    [InlineData("--count", "1000001")]
    public async Task CouponsGenerate_BadOption_ExitsTwoWithTheMessageOnStandardError(string option, string value)
    {
        var run = await SampleRunner.RunOnceAsync("coupons", "generate", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains(option == "--prefix" ? "prefix" : "--count", run.Error, StringComparison.Ordinal);
    }
}
