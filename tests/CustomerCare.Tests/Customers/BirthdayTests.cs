using CustomerCare.Customers;
using NodaTime;

namespace CustomerCare.Tests.Customers;

public sealed class BirthdayTests
{
    [Theory]
    [InlineData("1990-05-17", 1990, 5, 17)]
    [InlineData("--05-17", null, 5, 17)]
    [InlineData("--02-29", null, 2, 29)]
    [InlineData("2000-02-29", 2000, 2, 29)]
    public void Parse_ValidText_GivesMonthDayAndOptionalYear(string text, int? year, int month, int day)
    {
        var birthday = Birthday.Parse(text);

        Assert.Equal(new AnnualDate(month, day), birthday.Date);
        Assert.Equal(year, birthday.Year);
        Assert.Equal(text, birthday.ToString());
    }

    [Theory]
    [InlineData("1990-02-30", FieldErrorCodes.Unknown, "does not exist")]
    [InlineData("--02-30", FieldErrorCodes.Unknown, "does not exist")]
    [InlineData("--04-31", FieldErrorCodes.Unknown, "does not exist")]
    [InlineData("1990-13-01", FieldErrorCodes.Unknown, "no such month")]
    [InlineData("1991-02-29", FieldErrorCodes.Unknown, "not a leap year")]
    [InlineData("1900-02-29", FieldErrorCodes.Unknown, "not a leap year")]
    [InlineData("1850-01-01", FieldErrorCodes.OutOfRange, "before 1900")]
    [InlineData("17.05.1990", FieldErrorCodes.Malformed, "yyyy-MM-dd")]
    [InlineData("1990-5-17", FieldErrorCodes.Malformed, "yyyy-MM-dd")]
    public void Parse_ImpossibleOrMalformedDate_NamesFieldValueAndReason(string text, string code, string reason)
    {
        var error = Assert.Throws<FieldValidationException>(() => Birthday.Parse(text)).Errors.Single();

        Assert.Equal("birthday", error.Field);
        Assert.Equal(text, error.AttemptedValue);
        Assert.Equal(code, error.Code);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2027, 2, 28)]
    [InlineData(2028, 2, 29)]
    [InlineData(2100, 2, 28)]
    public void InYear_Feb29_FallsOnFeb28InCommonYears(int year, int month, int day)
    {
        Assert.Equal(new LocalDate(year, month, day), Birthday.Create(2, 29).InYear(year));
    }

    [Theory]
    [InlineData(2027, 2, 28, 26)]
    [InlineData(2027, 3, 1, 27)]
    [InlineData(2028, 2, 28, 27)]
    [InlineData(2028, 2, 29, 28)]
    public void AgeOn_Feb29Birthday_TurnsOlderOnMarch1InCommonYears(int year, int month, int day, int expected)
    {
        var birthday = Birthday.Create(2, 29, 2000);

        Assert.Equal(expected, birthday.AgeOn(new LocalDate(year, month, day)));
    }

    [Fact]
    public void AgeOn_WithoutYear_IsUnknown()
    {
        Assert.Null(Birthday.Create(5, 17).AgeOn(new LocalDate(2026, 11, 22)));
    }
}
