using CustomerCare.Customers;

namespace CustomerCare.Tests.Customers;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+90 (532) 123-45-67", "+905321234567")]
    [InlineData("+49.30.1234567", "+49301234567")]
    public void Parse_InternationalNumber_DropsPunctuation(string input, string expected)
    {
        Assert.Equal(expected, PhoneNumber.Parse(input).Value);
    }

    [Theory]
    [InlineData("0532 123 45 67")]
    [InlineData("+0532123456")]
    [InlineData("+90 532 ABC 45 67")]
    [InlineData("+9053212")]
    [InlineData("+9053212345678901234")]
    public void Parse_NotInternational_IsMalformed(string input)
    {
        var error = Assert.Throws<FieldValidationException>(() => PhoneNumber.Parse(input)).Errors.Single();

        Assert.Equal("phone", error.Field);
        Assert.Equal(input, error.AttemptedValue);
        Assert.Equal(FieldErrorCodes.Malformed, error.Code);
    }
}
