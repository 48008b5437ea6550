using CustomerCare.Customers;
using CustomerCare.Policy;
using CustomerCare.Templates;
using NodaTime;
using Xunit;

namespace CustomerCare.Tests.Templates;

public sealed class HelperTests
{
    private static readonly TemplateKey Key = TemplateTestData.Key(TemplateKind.ReturnApproved, "tr", ToneOfVoice.Formal, MessageChannel.Sms);

    [Theory]
    [InlineData("tr-TR", "₺1.249,90")]
    [InlineData("en-US", "₺1,249.90")]
    public void Money_TurkishLira_UsesTheCustomersCulture(string locale, string expected)
    {
        var text = Render("{{ money refund }}", new TemplateModelBuilder().Money("refund", new Money(1249.90m, Currency.TRY)).Build(), locale);

        Assert.Equal(expected, text);
    }

    [Fact]
    public void Money_Euro_ShowsTheEuroSign()
    {
        var text = Render("{{ money refund }}", new TemplateModelBuilder().Money("refund", new Money(12.5m, Currency.EUR)).Build(), "tr-TR");

        Assert.Equal("€12,50", text);
    }

    [Fact]
    public void Date_Instant_IsShownInTheCustomersZoneAndLanguage()
    {
        var instant = Instant.FromUtc(2026, 11, 23, 22, 30);
        var istanbul = new TemplateModelBuilder(TimeZones.Istanbul).Instant("drop_off_until", instant).Build();
        var newYork = new TemplateModelBuilder(TimeZones.Resolve("America/New_York")).Instant("drop_off_until", instant).Build();

        Assert.Equal("24 Kasım 2026 01:30", Render("{{ date drop_off_until }}", istanbul, "tr-TR"));
        Assert.Equal("23 November 2026 17:30", Render("{{ date drop_off_until }}", newYork, "en-US"));
    }

    [Fact]
    public void Date_LocalDate_HonoursTheShortFormat()
    {
        var model = new TemplateModelBuilder().Date("drop_off_until", new LocalDate(2026, 3, 5)).Build();

        Assert.Equal("5.03.2026", Render("{{ date drop_off_until 'short' }}", model, "tr-TR"));
        Assert.Equal("5 Mart 2026", Render("{{ date drop_off_until }}", model, "tr-TR"));
    }

    [Fact]
    public void FirstName_FullName_GivesTheFirstWord()
    {
        var model = new TemplateModelBuilder().Text("customer_name", "  İsmail Çağrı Öztürk ").Build();

        Assert.Equal("İsmail", Render("{{ first_name customer_name }}", model, "tr-TR"));
    }

    [Fact]
    public void Number_IsFormattedWithTheCustomersCulture()
    {
        var model = new TemplateModelBuilder().Number("refund_days", 2.5m).Build();

        Assert.Equal("2,5", Render("{{ refund_days }}", model, "tr-TR"));
        Assert.Equal("2.5", Render("{{ refund_days }}", model, "en-US"));
    }

    [Fact]
    public void Money_OnAText_IsATypedRenderError()
    {
        var model = new TemplateModelBuilder().Text("refund", "12").Build();

        var error = Assert.Throws<TemplateException>(() => Render("{{ money refund }}", model, "tr-TR"));

        Assert.Equal(TemplateFailure.Render, error.Failure);
    }

    private static string Render(string template, TemplateModel model, string locale)
    {
        var catalog = new TemplateCatalog();
        catalog.Register(Key, template);
        return new TemplateRenderer(catalog).Render(Key with { Locale = Locale.Parse(locale) }, model).Text;
    }
}
