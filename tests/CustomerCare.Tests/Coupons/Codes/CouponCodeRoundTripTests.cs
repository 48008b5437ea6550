using System.Globalization;
using CsCheck;
using CustomerCare.Coupons.Codes;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Coupons.Codes;

public sealed class CouponCodeRoundTripTests
{
    private static readonly Gen<CouponCodePattern> Patterns =
        Gen.Select(
                Gen.Char[Codes.Symbols].Array[0, CouponCodePattern.MaxPrefixLength],
                Gen.Int[CouponCodePattern.MinRandomLength, CouponCodePattern.MaxRandomLength],
                Gen.Int[0, CouponCodePattern.MaxGroupSize],
                Gen.Int[0, 2])
            .Select((prefix, length, group, separator) => new CouponCodePattern(new string(prefix), length, group, " -\u2013"[separator]));

    private static readonly Gen<(CouponCodePattern Pattern, CouponCode Code, int Seed)> PatternsAndCodes =
        Gen.Select(Patterns, Gen.UInt128, Gen.Int)
            .Select((pattern, random, seed) => (pattern, CouponCodeGenerator.Create(pattern, random & ((UInt128.One << pattern.EntropyBits) - 1)), seed));

    [Fact]
    public void ToStringThenParse_GivesTheSameCode_WithOrWithoutThePattern()
    {
        PatternsAndCodes.Sample(
            sample =>
            {
                var (pattern, code, _) = sample;
                var printed = code.ToString();

                Assert.Equal(code, CouponCode.Parse(printed));
                Assert.Equal(code.Value, CouponCode.Parse(printed).Value);
                var again = pattern.Parse(printed);
                Assert.Equal(code, again);
                Assert.Equal(printed, again.ToString());
                Assert.Equal(pattern.CodeLength, code.Value.Length);
                Assert.StartsWith(pattern.Prefix, code.Value, StringComparison.Ordinal);
            },
            iter: 2_000);
    }

    [Fact]
    public void TheCodeAsAPersonMightTypeIt_UnderTurkishCulture_ParsesToTheSameCode()
    {
        using var culture = new TurkishCulture();
        PatternsAndCodes.Sample(
            sample =>
            {
                var (pattern, code, seed) = sample;
                var typed = Retype(code.ToString(), new Random(seed));

                Assert.True(CouponCode.TryParse(typed, out var parsed, out var error), $"{typed}: {error}");
                Assert.Equal(code, parsed);
                Assert.Equal(code, pattern.Parse(typed));
            },
            iter: 2_000);
    }

    [Fact]
    public void GeneratedCodes_RoundTrip()
    {
        var generator = new CouponCodeGenerator();
        Patterns.Sample(
            pattern =>
            {
                foreach (var code in generator.GenerateBatch(pattern, 20))
                {
                    Assert.Equal(code, pattern.Parse(code.ToString()));
                    Assert.Equal(code.ToString(), pattern.Parse(code.Value).ToString());
                }
            },
            iter: 300);
    }

    /// <summary>Lower-cases some symbols (with the thread's culture), swaps in look-alikes and adds stray spaces and dashes.</summary>
    private static string Retype(string printed, Random random)
    {
        var typed = new System.Text.StringBuilder();
        foreach (var c in printed)
        {
            var roll = random.Next(10);
            typed.Append(c switch
            {
                '0' when roll < 5 => roll < 3 ? "O" : "o",
                '1' when roll < 8 => "IilLıİ"[roll % 6].ToString(),
                _ when roll < 4 => c.ToString().ToLower(CultureInfo.CurrentCulture),
                _ => c.ToString(),
            });
            if (random.Next(8) == 0)
            {
                typed.Append(random.Next(2) == 0 ? ' ' : '-');
            }
        }

        return typed.ToString();
    }
}
