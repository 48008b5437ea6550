using System.Globalization;
using CustomerCare.Customers;

namespace CustomerCare.Tests.Import;

public sealed class CsvImporterCultureAndEncodingTests : IDisposable
{
    private readonly ImportHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Import_UnderTurkishCulture_ParsesDotDecimalsAndKeepsDottedCapitalI()
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("tr-TR");
        try
        {
            // Upper-case headers with I would not match under tr-TR if compared culture-sensitively.
            var customers = Csv.Lines("CUSTOMER_ID,GIVEN_NAME,CITY,TAGS,SIGNED_UP_AT,EMAIL_OPENS", "C1,İlkay,İstanbul,VIP|İndirim,2024-01-15T10:15:00+03:00,1200");
            var orders = Csv.Orders(
                Csv.Order("O1", "C1", "2025-01-10T10:00:00+03:00", "1499.90", "placed"),
                Csv.Order("O2", "C1", "2025-01-11T10:00:00+03:00", "0.10", "placed"));

            await _harness.ImportAsync(customers, orders);

            var ilkay = await _harness.CustomerAsync("C1");
            Assert.Equal("İstanbul", ilkay.City);
            Assert.Equal(1500.00m, ilkay.Stats.TotalSpend.Amount);
            Assert.Equal(1200, ilkay.Engagement.EmailOpens);
            Assert.Contains("vip", ilkay.Tags);
            Assert.Contains("indirim", ilkay.Tags);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    [Fact]
    public async Task Import_FileWithUtf8Bom_IsAccepted()
    {
        var customers = _harness.File("customers.csv", Csv.Customers(Csv.Ayse), bom: true);
        var orders = _harness.File("orders.csv", Csv.Orders(Csv.Order("O1", "C1", "2025-01-10T10:00:00Z", "10.00", "placed")), bom: true);
        Assert.Equal(0xEF, File.ReadAllBytes(customers.Path!)[0]);

        var summary = await _harness.Importer.ImportAsync(new(customers, orders));

        Assert.Equal(1, summary.Customers);
        Assert.Equal("Ayşe", (await _harness.CustomerAsync("C1")).Name.GivenName);
    }

    [Fact]
    public async Task Import_CarriageReturnOnlyLineEnds_CountLines()
    {
        var customers = Csv.CustomersHeader + "\r" + Csv.Ayse + "\r" + "C2,Mehmet,,,,1990-02-30,,2024-02-01T09:00:00Z\r";

        var refused = await _harness.RefusedAsync(customers, Csv.Orders());

        Assert.Equal(3, Assert.Single(refused.Errors).Line);
    }

    [Fact]
    public async Task Import_OtherDefaultZoneInOptions_IsUsedForCustomersWithoutOne()
    {
        _harness.Importer = new(_harness.Store, _harness.Consents, _harness.Clock, Microsoft.Extensions.Options.Options.Create(new CustomerCareOptions { DefaultTimeZone = "Europe/Berlin", DefaultLocale = "de-DE" }));

        await _harness.ImportAsync(Csv.Customers(Csv.Mehmet), Csv.Orders());

        var mehmet = await _harness.CustomerAsync("C2");
        Assert.Equal("Europe/Berlin", mehmet.TimeZone.Id);
        Assert.Equal(Locale.Parse("de-DE"), mehmet.Locale);
    }
}
