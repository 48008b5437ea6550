using CustomerCare.Customers;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Customers;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("ayse@example.com", "ayse@example.com")]
    [InlineData("  Ayse.Yilmaz@Example.COM ", "Ayse.Yilmaz@example.com")]
    [InlineData("ırmak@örnek.com.tr", "ırmak@örnek.com.tr")]
    public void Parse_ValidAddress_NormalizesOnlyTheDomain(string input, string expected)
    {
        Assert.Equal(expected, EmailAddress.Parse(input).Value);
    }

    [Theory]
    [InlineData("ayse.example.com", "no '@'")]
    [InlineData("ayse@@example.com", "more than one '@'")]
    [InlineData("ayse yilmaz@example.com", "space")]
    [InlineData("ayse@example", "no dot")]
    [InlineData("ayse@example..com", "empty or malformed label")]
    [InlineData(".ayse@example.com", "misplaced dot")]
    [InlineData("@example.com", "1 to 64 characters")]
    public void Parse_MalformedAddress_NamesFieldValueAndReason(string input, string reason)
    {
        var error = Assert.Throws<FieldValidationException>(() => EmailAddress.Parse(input)).Errors.Single();

        Assert.Equal("email", error.Field);
        Assert.Equal(input, error.AttemptedValue);
        Assert.Equal(FieldErrorCodes.Malformed, error.Code);
        Assert.Contains(input, error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Blank_IsRequiredError()
    {
        var error = Assert.Throws<FieldValidationException>(() => EmailAddress.Parse("  ")).Errors.Single();

        Assert.Equal(FieldErrorCodes.Required, error.Code);
    }

    [Fact]
    public void Parse_UnderTurkishCulture_LowerCasesTheDomainInvariantly()
    {
        using var culture = new TurkishCulture();

        Assert.Equal("info@istanbul.com", EmailAddress.Parse("info@ISTANBUL.COM").Value);
    }
}
