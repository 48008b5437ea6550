using System.Globalization;
using CustomerCare.Customers;
using CustomerCare.Privacy.Erasure;
using CustomerCare.Testing;

namespace CustomerCare.Tests.Privacy.Erasure;

public sealed class KnownPersonalDataTests
{
    private static readonly KnownPersonalData Known = KnownPersonalData.Create(
        EmailAddress.Parse("ışıl.şahin@örnek.com.tr"), PhoneNumber.Parse("+90 532 123 45 67"), new PersonName("Işıl", "Şahin-Çağlar"));

    [Theory]
    [InlineData("Ben Işıl Şahin-Çağlar.", "Ben [name] [name].")]
    [InlineData("BEN IŞIL ŞAHİN-ÇAĞLAR", "BEN [name] [name]")]
    [InlineData("isil sahin caglar yazdı", "[name] [name] [name] yazdı")]
    [InlineData("Işıl'ın siparişi", "[name]'ın siparişi")]
    [InlineData("Işıldak ve Şahinler başka kelimeler", "Işıldak ve Şahinler başka kelimeler")]
    public void Mask_NameParts_InAnyCaseAndSpelling_ButNotInsideOtherWords(string text, string expected) =>
        Assert.Equal(expected, Known.Mask(text));

    [Theory]
    [InlineData("ulaşın: +905321234567")]
    [InlineData("ulaşın: +90 532 123 45 67")]
    [InlineData("ulaşın: 0532 123 45 67")]
    [InlineData("ulaşın: 0 (532) 123-45-67")]
    [InlineData("ulaşın: 5321234567")]
    [InlineData("ulaşın: 0090 532 1234567")]
    public void Mask_Phone_InItsCommonSpellings(string text) =>
        Assert.Equal("ulaşın: [phone]", Known.Mask(text));

    [Fact]
    public void Mask_PhoneDigitsInsideALongerNumber_AreLeftAlone() =>
        Assert.Equal("sipariş 153212345678", Known.Mask("sipariş 153212345678"));

    [Theory]
    [InlineData("yazın: ışıl.şahin@örnek.com.tr")]
    [InlineData("yazın: ISIL.SAHIN@ORNEK.COM.TR")]
    public void Mask_Email_InAnyCase(string text) =>
        Assert.Equal("yazın: [email]", Known.Mask(text));

    [Fact]
    public void Mask_UnderTurkishCulture_GivesTheSameResult()
    {
        using var culture = new CultureSwitch(CultureInfo.GetCultureInfo("tr-TR"));

        Assert.Equal("[name] [email] [phone]", Known.Mask("ISIL ışıl.şahin@örnek.com.tr +905321234567"));
    }

    [Theory]
    [InlineData("+90 532 123 45 67", true)]
    [InlineData("ışıl.şahin@örnek.com.tr", true)]
    [InlineData("ayse@example.com", false)]
    [InlineData("@isil_s", false)]
    [InlineData(null, false)]
    public void IsContact_IsTrueOnlyForTheCustomersOwnEmailOrPhone(string? handle, bool expected) =>
        Assert.Equal(expected, Known.IsContact(handle));

    [Fact]
    public void From_AnAnonymizedProfile_KnowsNothing()
    {
        var customer = new CustomerBuilder().Named("Işıl", "Şahin").WithEmail("isil@example.com").Build();

        var anonymized = CustomerAnonymizer.Anonymize(customer);

        Assert.False(KnownPersonalData.From(customer).IsEmpty);
        Assert.True(KnownPersonalData.From(anonymized).IsEmpty);
        Assert.Equal("[erased] ve erased", KnownPersonalData.From(anonymized).Mask("[erased] ve erased"));
    }

    private sealed class CultureSwitch : IDisposable
    {
        private readonly CultureInfo _previous = CultureInfo.CurrentCulture;

        public CultureSwitch(CultureInfo culture) => CultureInfo.CurrentCulture = culture;

        public void Dispose() => CultureInfo.CurrentCulture = _previous;
    }
}
