using CustomerCare.Coupons.Codes;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Coupons.Codes;

public sealed class CouponCodeParseTests
{
    // A canonical code with a 1 and a 0 in it, so that the ambiguous letters have something to stand for.
    private static readonly string Canonical = Codes.WithCheck("7K1MQ0XTA2B4");

    [Fact]
    public void Parse_CanonicalCode_KeepsItAndPrintsItInGroupsOfFour()
    {
        var code = CouponCode.Parse(Canonical);

        Assert.Equal(Canonical, code.Value);
        Assert.Equal(Canonical[..4] + "-" + Canonical[4..8] + "-" + Canonical[8..12] + "-" + Canonical[12..], code.ToString());
    }

    [Theory]
    [InlineData("lower case", "7k1mq0xta2b4{0}")]
    [InlineData("dashes and spaces", " 7K1M - Q0XT - A2B4 - {0} ")]
    [InlineData("tabs, no-break spaces and en dashes", "7K1M\tQ0XT\u00A0A2B4\u2013{0}")]
    [InlineData("O for 0", "7K1MQOXTA2B4{0}")]
    [InlineData("o for 0", "7K1MQoXTA2B4{0}")]
    [InlineData("I for 1", "7KIMQ0XTA2B4{0}")]
    [InlineData("i for 1", "7kimq0xta2b4{0}")]
    [InlineData("L for 1", "7KLMQ0XTA2B4{0}")]
    [InlineData("l for 1", "7klmq0xta2b4{0}")]
    [InlineData("dotless ı for 1", "7KıMQ0XTA2B4{0}")]
    [InlineData("dotted İ for 1", "7KİMQ0XTA2B4{0}")]
    public void Parse_WhatPeopleType_NormalizesToTheCanonicalCode(string why, string typed)
    {
        var input = string.Format(System.Globalization.CultureInfo.InvariantCulture, typed, Canonical[^1]);

        Assert.True(CouponCode.TryParse(input, out var code, out var error), why + ": " + error);
        Assert.Equal(Canonical, code.Value);
    }

    [Fact]
    public void Parse_UnderTurkishCulture_TreatsAllFourIsAsOne()
    {
        using var culture = new TurkishCulture();
        var tr = System.Globalization.CultureInfo.CurrentCulture;
        var withI = Canonical.Replace('1', 'I');
        var variants = new[]
        {
            withI,
            withI.ToLower(tr), // I → ı under tr-TR
            withI.ToLowerInvariant(), // I → i
            withI.ToLowerInvariant().ToUpper(tr), // i → İ under tr-TR
            Canonical.Replace('1', 'l'),
            Canonical.Replace('1', 'L'),
        };

        Assert.Contains(variants, v => v.Contains('ı', StringComparison.Ordinal));
        Assert.Contains(variants, v => v.Contains('İ', StringComparison.Ordinal));
        Assert.All(variants, v => Assert.Equal(Canonical, CouponCode.Parse(v).Value));
        Assert.All(variants, v => Assert.Equal(CouponCode.Parse(Canonical), CouponCode.Parse(v)));
    }

    [Fact]
    public void ToString_UnderTurkishCulture_PrintsAsciiOnly()
    {
        using var culture = new TurkishCulture();

        var printed = CouponCode.Parse(Canonical.ToLowerInvariant()).ToString();

        Assert.All(printed, c => Assert.True(c < 128, $"'{c}' is not ASCII"));
        Assert.Equal(Canonical, printed.Replace("-", string.Empty, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_Missing_IsRequired(string? input)
    {
        var error = Refuse(input);

        Assert.Equal(FieldErrorCodes.Required, error.Code);
        Assert.Equal("code", error.Field);
        Assert.Equal(input, error.AttemptedValue);
    }

    [Theory]
    [InlineData("7K1M-Q#XT-A2B4-V", "'#' at position 7")]
    [InlineData("7K1M-Q0XT-A2B4-Ç", "'Ç' at position 16")]
    [InlineData("7K1M-Q0XT-\U0001F600-A2B4", "'\U0001F600' (U+1F600) at position 11")]
    [InlineData("7K1M-Q0XT\u0007A2B4-V", "U+0007 at position 10")]
    public void Parse_CharacterOutsideTheAlphabet_NamesItAndItsPosition(string input, string expected)
    {
        var error = Refuse(input);

        Assert.Equal(CouponCodeErrorCodes.InvalidSymbol, error.Code);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a coupon code symbol", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("7K1M-QUXT-A2B4-V", "'U' at position 7")]
    [InlineData("7K1M-Q0XT-A2B4*V", "'*' at position 15")]
    [InlineData("$7K1MQ0XTA2B4V", "'$' at position 1")]
    public void Parse_CheckOnlySymbolBeforeTheEnd_NamesItAndItsPosition(string input, string expected)
    {
        var error = Refuse(input);

        Assert.Equal(CouponCodeErrorCodes.InvalidSymbol, error.Code);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("only allowed as the last (check) symbol", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("7K1M-Q0XT-A2B", "has 11 symbols; a coupon code has 13 to 42 symbols")]
    [InlineData("X", "has 1 symbol; a coupon code has 13 to 42 symbols")]
    [InlineData("7K1MQ0XTA2B47K1MQ0XTA2B47K1MQ0XTA2B47K1MQ0X", "has 43 symbols; a coupon code has 13 to 42 symbols")]
    public void Parse_WrongNumberOfSymbols_SaysHowManyAndHowManyAreExpected(string input, string expected)
    {
        var error = Refuse(input);

        Assert.Equal(CouponCodeErrorCodes.WrongLength, error.Code);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HugeInput_IsRefusedAsTooLongWithoutReadingIt()
    {
        var input = new string('-', 1_000_000);

        var error = Refuse(input);

        Assert.Equal(CouponCodeErrorCodes.WrongLength, error.Code);
        Assert.Contains("more than 168 characters", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 400, "the message quotes a shortened value");
    }

    [Fact]
    public void Parse_WrongCheckSymbol_SaysSoAndNamesFieldAndValue()
    {
        var wrongCheck = Canonical[..^1] + (Canonical[^1] == 'A' ? 'B' : 'A');

        var error = Refuse(wrongCheck);

        Assert.Equal(CouponCodeErrorCodes.CheckSymbolMismatch, error.Code);
        Assert.Equal(wrongCheck, error.AttemptedValue);
        Assert.Equal($"field 'code': value '{wrongCheck}' does not match its check symbol: a symbol is mistyped or two neighbouring symbols are swapped", error.Message);
    }

    [Fact]
    public void TryParse_WithAFieldName_PutsItInTheError()
    {
        Assert.False(CouponCode.TryParse("nope", out _, out var error, field: "coupon_code"));

        Assert.Equal("coupon_code", error.Field);
        Assert.StartsWith("field 'coupon_code': value 'nope'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Invalid_ThrowsFieldValidationExceptionWithTheError()
    {
        var exception = Assert.Throws<FieldValidationException>(() => CouponCode.Parse("7K1M-Q#XT-A2B4-V"));

        Assert.Equal(CouponCodeErrorCodes.InvalidSymbol, exception.Errors.Single().Code);
        Assert.Equal("code", exception.ParamName);
    }

    [Fact]
    public void PatternParse_FixesLengthAndPrefix()
    {
        var pattern = new CouponCodePattern("BDAY");
        var code = Codes.WithCheck("BDAY" + "7K1MQ0XTA2B4");
        var otherPrefix = Codes.WithCheck("GIFT".Replace('I', '1') + "7K1MQ0XTA2B4");

        Assert.Equal("BDAY-7K1M-Q0XT-A2B4-" + code[^1], pattern.Parse(code.ToLowerInvariant()).ToString());
        var wrongPrefix = Assert.Throws<FieldValidationException>(() => pattern.Parse(otherPrefix)).Errors.Single();
        Assert.Equal(CouponCodeErrorCodes.WrongPrefix, wrongPrefix.Code);
        Assert.Contains("does not start with the prefix 'BDAY'", wrongPrefix.Message, StringComparison.Ordinal);
        Assert.False(pattern.TryParse(Canonical, out _, out var wrongLength));
        Assert.Equal(CouponCodeErrorCodes.WrongLength, wrongLength.Code);
        Assert.Contains("has 13 symbols; a coupon code has 17 symbols", wrongLength.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_IsOnTheCanonicalValueOnly()
    {
        var pattern = new CouponCodePattern(groupSize: 3, separator: ' ');
        var withPattern = pattern.Parse(Canonical);
        var without = CouponCode.Parse(Canonical);

        Assert.NotEqual(without.ToString(), withPattern.ToString());
        Assert.Equal(without, withPattern);
        Assert.Equal(without.GetHashCode(), withPattern.GetHashCode());
        Assert.NotEqual(without, CouponCode.Parse(Codes.WithCheck("7K1MQ0XTA2B5")));
        Assert.Equal(string.Empty, default(CouponCode).Value);
    }

    private static FieldError Refuse(string? input)
    {
        Assert.False(CouponCode.TryParse(input, out var code, out var error));
        Assert.Equal(default, code);
        Assert.Equal("code", error.Field);
        Assert.Contains("field 'code'", error.Message, StringComparison.Ordinal);
        return error;
    }
}
