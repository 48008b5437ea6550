using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Monetary;

public sealed class MoneyTests
{
    [Theory]
    [InlineData(10.005, MidpointRounding.ToEven, 10.00)]
    [InlineData(10.005, MidpointRounding.AwayFromZero, 10.01)]
    [InlineData(10.015, MidpointRounding.ToEven, 10.02)]
    [InlineData(-10.005, MidpointRounding.AwayFromZero, -10.01)]
    [InlineData(10.009, MidpointRounding.ToZero, 10.00)]
    public void Round_UsesTheRuleGiven(decimal amount, MidpointRounding mode, decimal expected)
    {
        Assert.Equal(expected, new Money(amount, Currency.TRY).Round(mode).Amount);
    }

    [Theory]
    [InlineData("JPY", 1234.4, 1234)]
    [InlineData("KWD", 1.23456, 1.235)]
    [InlineData("TRY", 1.235, 1.24)]
    public void Round_FollowsTheCurrencyMinorUnits(string code, decimal amount, decimal expected)
    {
        Assert.Equal(expected, new Money(amount, Currency.FromCode(code)).Round(MidpointRounding.AwayFromZero).Amount);
    }

    [Fact]
    public void Multiply_KeepsEveryDigitUntilRounded()
    {
        var fifteenPercent = new Money(99.99m, Currency.TRY).Multiply(0.15m);

        Assert.Equal(14.9985m, fifteenPercent.Amount);
        Assert.Equal(15.00m, fifteenPercent.Round(MidpointRounding.AwayFromZero).Amount);
    }

    [Fact]
    public void Add_DifferentCurrencies_Throws()
    {
        var lira = new Money(1m, Currency.TRY);
        var euro = new Money(1m, Currency.EUR);

        var error = Assert.Throws<CurrencyMismatchException>(() => lira + euro);

        Assert.Equal(Currency.TRY, error.Left);
        Assert.Equal(Currency.EUR, error.Right);
    }

    [Theory]
    [InlineData("try", "TRY")]
    [InlineData(" Eur ", "EUR")]
    public void Currency_FromCode_IgnoresCaseAndSpaces(string code, string expected)
    {
        using var culture = new TurkishCulture();

        Assert.Equal(expected, Currency.FromCode(code).Code);
    }

    [Theory]
    [InlineData("TRL", FieldErrorCodes.Unknown)]
    [InlineData("EURO", FieldErrorCodes.Malformed)]
    [InlineData("", FieldErrorCodes.Required)]
    public void Currency_FromCode_RefusesWhatIsNotIso4217(string code, string expectedCode)
    {
        var error = Assert.Throws<FieldValidationException>(() => Currency.FromCode(code)).Errors.Single();

        Assert.Equal("currency", error.Field);
        Assert.Equal(expectedCode, error.Code);
    }

    [Fact]
    public void Currency_LowercaseIUnderTurkishCulture_StillFindsTheCode()
    {
        using var culture = new TurkishCulture();

        // "inr".ToUpper() under tr-TR would give "İNR", which is not a currency.
        Assert.Equal("INR", Currency.FromCode("inr").Code);
    }

    [Theory]
    [InlineData("149.90", 149.90)]
    [InlineData("-5", -5)]
    public void Parse_InvariantDecimal_UnderTurkishCulture(string text, decimal expected)
    {
        using var culture = new TurkishCulture();

        Assert.Equal(expected, Money.Parse(text, Currency.TRY).Amount);
    }

    [Theory]
    [InlineData("149,90")]
    [InlineData("1,234.50")]
    [InlineData("12e3")]
    public void Parse_CommaOrExponent_IsMalformed(string text)
    {
        var error = Assert.Throws<FieldValidationException>(() => Money.Parse(text, Currency.TRY, "total")).Errors.Single();

        Assert.Equal("total", error.Field);
        Assert.Equal(text, error.AttemptedValue);
    }

    [Fact]
    public void ToString_IsInvariantWithMinorUnits()
    {
        using var culture = new TurkishCulture();

        Assert.Equal("1234.50 TRY", new Money(1234.5m, Currency.TRY).ToString());
    }
}
