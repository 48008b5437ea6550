using CustomerCare.Coupons.Codes;

namespace CustomerCare.Tests.Coupons.Codes;

public sealed class CouponCodePatternMaskTests
{
    public static TheoryData<string?, int, int, char> Patterns => new()
    {
        { null, 12, 4, '-' },
        { "BDAY", 12, 4, '-' },
        { "WB", 15, 5, ' ' },
        { "NEW", 13, 0, '-' },
        { "CARE", 20, 3, '-' },
        { "A", 25, 16, '-' },
    };

    [Theory]
    [MemberData(nameof(Patterns))]
    public void FromMask_ReadsBackWhatToStringPrints(string? prefix, int length, int groups, char separator)
    {
        var pattern = new CouponCodePattern(prefix, length, groups, separator);

        Assert.Equal(pattern, CouponCodePattern.FromMask(pattern.ToString()));
    }

    [Theory]
    [InlineData("BDAY-####-####-####-?", "BDAY", 12, 4)]
    [InlineData("bday-####-####-####-?", "BDAY", 12, 4)]
    [InlineData("  ############?  ", "", 12, 0)]
    [InlineData("X ##### ##### ##?", "X", 12, 5)]
    public void FromMask_AcceptsHandWrittenMasks(string mask, string prefix, int length, int groups)
    {
        var pattern = CouponCodePattern.FromMask(mask);

        Assert.Equal((prefix, length, groups), (pattern.Prefix, pattern.RandomLength, pattern.GroupSize));
    }

    [Theory]
    [InlineData("", "required", "empty")]
    [InlineData("BDAY-####-####-####", "malformed", "check symbol")]
    [InlineData("BDAY-####-##?#-####", "malformed", "after the check symbol")]
    [InlineData("BDAY-####-####-####-??", "malformed", "more than one")]
    [InlineData("BDAY-####-####_####-?", "malformed", "position 15")]
    [InlineData("BD-##-####-####-####-?", "malformed", "not grouped regularly")]
    [InlineData("BDAY-####-####A-?", "malformed", "prefix symbol after")]
    [InlineData("BDAY-####-####- ####-?", "malformed", "mixes dashes and spaces")]
    [InlineData("BDAY-####-?", "insufficient_entropy", "at least 60")]
    public void FromMask_RefusesABadMask_NamingThePatternAndWhy(string mask, string code, string why)
    {
        var refused = Assert.Throws<FieldValidationException>(() => CouponCodePattern.FromMask(mask));

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("pattern", code), (error.Field, error.Code));
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }
}
