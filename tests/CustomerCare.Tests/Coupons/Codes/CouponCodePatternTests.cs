using System.Numerics;
using CustomerCare.Coupons.Codes;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Coupons.Codes;

public sealed class CouponCodePatternTests
{
    [Fact]
    public void Default_Has60BitsInGroupsOfFour()
    {
        var pattern = CouponCodePattern.Default;

        Assert.Equal(string.Empty, pattern.Prefix);
        Assert.Equal(12, pattern.RandomLength);
        Assert.Equal(60, pattern.EntropyBits);
        Assert.Equal(BigInteger.Pow(2, 60), pattern.SpaceSize);
        Assert.Equal(13, pattern.CodeLength);
        Assert.Equal("####-####-####-? (60 bits)", pattern.ToString());
    }

    [Fact]
    public void Settings_AreKeptAndDescribed()
    {
        var pattern = new CouponCodePattern("BDAY", 16, 5, ' ');

        Assert.Equal(("BDAY", 16, 5, ' '), (pattern.Prefix, pattern.RandomLength, pattern.GroupSize, pattern.Separator));
        Assert.Equal(80, pattern.EntropyBits);
        Assert.Equal(BigInteger.Pow(32, 16), pattern.SpaceSize);
        Assert.Equal(21, pattern.CodeLength);
        Assert.Equal("BDAY ##### ##### ##### #? (80 bits)", pattern.ToString());
        Assert.Equal("BDAY################? (80 bits)", new CouponCodePattern("BDAY", 16, 0).ToString());
        Assert.Equal(BigInteger.Pow(2, 125), new CouponCodePattern(randomLength: 25).SpaceSize);
    }

    [Theory]
    [InlineData("bday", "BDAY")]
    [InlineData("b-day ", "BDAY")]
    [InlineData("gold", "G01D")]
    [InlineData("wınter", "W1NTER")]
    [InlineData("WİNTER", "W1NTER")]
    public void Prefix_IsNormalizedLikeACode(string prefix, string expected)
    {
        using var culture = new TurkishCulture();

        Assert.Equal(expected, new CouponCodePattern(prefix).Prefix);
    }

    [Theory]
    [InlineData("SUMMER", CouponCodeErrorCodes.InvalidSymbol, "has 'U' at position 2, which is not a code symbol")]
    [InlineData("BDAY!", CouponCodeErrorCodes.InvalidSymbol, "has '!' at position 5, which is not a code symbol")]
    [InlineData("SALE*", CouponCodeErrorCodes.InvalidSymbol, "has '*' at position 5, which is not a code symbol")]
    [InlineData(" - ", CouponCodeErrorCodes.InvalidSymbol, "has no symbols once spaces and dashes are dropped")]
    [InlineData("ABCDEFGHJKMNPQRST", FieldErrorCodes.TooLong, "has 17 symbols; a prefix has at most 16")]
    public void BadPrefix_IsRefusedWithItsOwnError(string prefix, string code, string reason)
    {
        var error = RefuseOne(prefix, 12, 4, '-');

        Assert.Equal("prefix", error.Field);
        Assert.Equal(prefix, error.AttemptedValue);
        Assert.Equal(code, error.Code);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(26)]
    public void RandomLengthOutOfRange_IsRefused(int randomLength)
    {
        var error = RefuseOne(null, randomLength, 4, '-');

        Assert.Equal(("random_length", FieldErrorCodes.OutOfRange), (error.Field, error.Code));
        Assert.Contains("a pattern has 12 to 25 random symbols", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(17)]
    public void GroupSizeOutOfRange_IsRefused(int groupSize)
    {
        var error = RefuseOne(null, 12, groupSize, '-');

        Assert.Equal(("group_size", FieldErrorCodes.OutOfRange), (error.Field, error.Code));
    }

    [Theory]
    [InlineData('_')]
    [InlineData('A')]
    [InlineData('\t')]
    [InlineData('.')]
    public void SeparatorThatParsingKeeps_IsRefused(char separator)
    {
        var error = RefuseOne(null, 12, 4, separator);

        Assert.Equal(("separator", FieldErrorCodes.Malformed), (error.Field, error.Code));
        Assert.Contains("is not a space or a dash", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(' ')]
    [InlineData('\u2013')]
    public void SpaceOrAnyDash_IsASeparator(char separator)
    {
        var pattern = new CouponCodePattern(separator: separator);
        var code = new CouponCodeGenerator().Generate(pattern);

        Assert.Contains(separator, code.ToString());
        Assert.Equal(code, CouponCode.Parse(code.ToString()));
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(11, 55)]
    public void FewerThan60Bits_IsRefusedWithATypedException(int randomLength, int bits)
    {
        var exception = Assert.Throws<CouponCodeEntropyTooLowException>(() => new CouponCodePattern("BDAY", randomLength));

        Assert.Equal(randomLength, exception.RandomLength);
        Assert.Equal(bits, exception.EntropyBits);
        Assert.Equal(("random_length", CouponCodeErrorCodes.InsufficientEntropy), (exception.Error.Field, exception.Error.Code));
        Assert.Contains($"gives {bits} random bits; at least 60 are required", exception.Message, StringComparison.Ordinal);
        Assert.Equal(CouponCodeErrorCodes.InsufficientEntropy, RefuseOne("BDAY", randomLength, 4, '-').Code);
    }

    [Fact]
    public void EverySettingWrong_ListsOneErrorPerSetting()
    {
        Assert.False(CouponCodePattern.TryCreate("SUMMER", 8, 40, '_', out var pattern, out var errors));

        Assert.Null(pattern);
        Assert.Equal(["prefix", "random_length", "group_size", "separator"], errors.Select(e => e.Field));
        var exception = Assert.Throws<FieldValidationException>(() => new CouponCodePattern("SUMMER", 8, 40, '_'));
        Assert.Equal(errors, exception.Errors);
    }

    [Fact]
    public void TryCreate_ValidSettings_GivesTheSamePatternAsTheConstructor()
    {
        Assert.True(CouponCodePattern.TryCreate("bday", 14, 3, ' ', out var pattern, out var errors));

        Assert.Empty(errors);
        Assert.Equal(new CouponCodePattern("BDAY", 14, 3, ' '), pattern);
        Assert.NotEqual(new CouponCodePattern("BDAY", 15, 3, ' '), pattern);
    }

    private static FieldError RefuseOne(string? prefix, int randomLength, int groupSize, char separator)
    {
        Assert.False(CouponCodePattern.TryCreate(prefix, randomLength, groupSize, separator, out var pattern, out var errors));
        Assert.Null(pattern);
        return Assert.Single(errors);
    }
}
