using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Customers;

public sealed class ProfileFieldTests
{
    [Theory]
    [InlineData("Europe/Istanbul")]
    [InlineData("America/New_York")]
    [InlineData("Pacific/Apia")]
    public void TimeZones_KnownIanaId_Resolves(string id)
    {
        Assert.Equal(id, TimeZones.Resolve(id).Id);
    }

    [Theory]
    [InlineData("Europe/Ankara")]
    [InlineData("Turkey Standard Time")]
    [InlineData("GMT+3")]
    public void TimeZones_UnknownId_NamesFieldAndValue(string id)
    {
        var error = Assert.Throws<FieldValidationException>(() => TimeZones.Resolve(id)).Errors.Single();

        Assert.Equal("time_zone", error.Field);
        Assert.Equal(id, error.AttemptedValue);
        Assert.Equal(FieldErrorCodes.Unknown, error.Code);
    }

    [Theory]
    [InlineData("tr-TR", "tr-TR")]
    [InlineData("tr_tr", "tr-TR")]
    [InlineData("en-GB", "en-GB")]
    public void Locale_KnownTag_IsCanonicalized(string tag, string expected)
    {
        Assert.Equal(expected, Locale.Parse(tag).Name);
    }

    [Fact]
    public void Locale_ParsedAgain_GivesTheSameAnswer_AndAnUnknownTagIsRefusedEveryTime()
    {
        // The second parse of each is answered from the cache of known tags, which must hold valid tags only.
        Assert.Equal(["tr-TR", "tr-TR"], [Locale.Parse("TR_tr").Name, Locale.Parse("TR_tr").Name]);
        Assert.Equal(["de-DE", "de-DE"], [Locale.Parse(" de-de ").Name, Locale.Parse(" de-de ").Name]);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            Assert.False(Locale.TryParse("xx-YY-ZZ-QQ", out _, out var error));
            Assert.Equal(FieldErrorCodes.Unknown, error.Code);
        }
    }

    [Theory]
    [InlineData("xx-YY-ZZ-QQ")]
    [InlineData("türkçe")]
    public void Locale_UnknownTag_IsRefused(string tag)
    {
        var error = Assert.Throws<FieldValidationException>(() => Locale.Parse(tag)).Errors.Single();

        Assert.Equal("locale", error.Field);
        Assert.Equal(tag, error.AttemptedValue);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" c-1")]
    [InlineData("c-1\n")]
    public void CustomerId_BlankPaddedOrControl_IsRefused(string value)
    {
        Assert.Throws<FieldValidationException>(() => CustomerId.From(value));
    }

    [Fact]
    public void CustomerId_TooLong_SaysTheLimit()
    {
        var error = Assert.Throws<FieldValidationException>(() => CustomerId.From(new string('x', 129))).Errors.Single();

        Assert.Equal(FieldErrorCodes.TooLong, error.Code);
        Assert.Contains("128", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FieldError_HugeOrMultilineValue_IsShortenedAndEscapedInTheMessage()
    {
        var hostile = new string('a', 500) + "\r\nInjected: line";

        var error = Assert.Throws<FieldValidationException>(() => OrderId.From(hostile)).Errors.Single();

        Assert.Equal(hostile, error.AttemptedValue);
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 200, error.Message);
    }

    [Theory]
    [InlineData("female", Gender.Female)]
    [InlineData("FEMALE", Gender.Female)]
    [InlineData("", Gender.Unspecified)]
    public void EnumText_Gender_ParsesByNameInAnyCase(string text, Gender expected)
    {
        using var culture = new TurkishCulture();

        Assert.True(EnumText.TryParse<Gender>(text, out var gender, out _, "gender"));
        Assert.Equal(expected, gender);
    }

    [Theory]
    [InlineData("upper_middle", IncomeBand.UpperMiddle)]
    [InlineData("Upper-Middle", IncomeBand.UpperMiddle)]
    public void EnumText_IncomeBand_IgnoresSeparators(string text, IncomeBand expected)
    {
        Assert.True(EnumText.TryParse<IncomeBand>(text, out var band, out _, "income_band"));
        Assert.Equal(expected, band);
    }

    [Theory]
    [InlineData("25-34", AgeBand.From25To34)]
    [InlineData("65+", AgeBand.From65)]
    [InlineData("<18", AgeBand.Under18)]
    public void EnumText_AgeBand_AcceptsRangeLabels(string text, AgeBand expected)
    {
        Assert.True(EnumText.TryParse<AgeBand>(text, out var band, out _, "age_band"));
        Assert.Equal(expected, band);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("woman")]
    public void EnumText_NumberOrUnknownName_IsRefusedWithTheAllowedNames(string text)
    {
        Assert.False(EnumText.TryParse<Gender>(text, out _, out var error, "gender"));
        Assert.Equal("gender", error!.Field);
        Assert.Contains("female", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Customer_TagsUnderTurkishCulture_MatchAcrossDottedAndDotlessI()
    {
        using var culture = new TurkishCulture();
        var customer = new Customer(CustomerId.From("c-1"), new PersonName("Ayşe"), default, Currency.TRY)
        {
            Tags = ["VIP", "İndirim"],
        };

        Assert.Contains("vip", customer.Tags);
        Assert.Contains("indirim", customer.Tags);
        Assert.Contains("INDIRIM", customer.Tags);
    }

    [Fact]
    public void Customer_OverlongCity_IsRefused()
    {
        var error = Assert.Throws<FieldValidationException>(() =>
            new Customer(CustomerId.From("c-1"), new PersonName("Ayşe"), default, Currency.TRY) { City = new string('x', 101) });

        Assert.Equal("city", error.Errors.Single().Field);
    }
}
