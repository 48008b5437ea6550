using CustomerCare.Customers;
using CustomerCare.Import;
using CustomerCare.Orders;
using CustomerCare.Specifications;
using NodaTime;

namespace CustomerCare.Tests.Import;

public sealed class CsvImporterValidImportTests : IDisposable
{
    private readonly ImportHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Import_ValidFiles_GivesPurchaseStatsOfEachOrderLife()
    {
        var summary = await _harness.ImportAsync(
            Csv.Customers(Csv.Ayse, Csv.Mehmet),
            Csv.Orders(
                Csv.Order("O1", "C1", "2025-01-10T10:00:00+03:00", "100.00", "delivered", shipped: "2025-01-11T09:00:00+03:00", delivered: "2025-01-12T15:30:00+03:00"),
                Csv.Order("O2", "C1", "2025-02-01T12:00:00+03:00", "250.50", "partially_returned", shipped: "2025-02-02T08:00:00+03:00", delivered: "2025-02-03T17:00:00+03:00", returned: "2025-02-10T11:00:00+03:00", refund: "50.00"),
                Csv.Order("O3", "C1", "2025-03-05T20:00:00Z", "80", "cancelled", cancelled: "2025-03-05T21:00:00Z"),
                Csv.Order("O4", "C2", "2025-04-01T07:45:00Z", "40.00", "placed")));

        Assert.Equal(new ImportSummary(Customers: 2, Orders: 4, Reviews: 0, Events: 12), summary);
        var ayse = await _harness.CustomerAsync("C1");
        Assert.Equal(2, ayse.Stats.OrderCount);
        Assert.Equal(new Money(300.50m, Currency.TRY), ayse.Stats.TotalSpend);
        Assert.Equal(new Money(50m, Currency.TRY), ayse.Stats.RefundedTotal);
        Assert.Equal(1, ayse.Stats.ReturnsCount);
        Assert.Equal(1, ayse.Stats.CancelledCount);
        Assert.Equal(Instant.FromUtc(2025, 1, 10, 7, 0), ayse.Stats.FirstOrderAt);
        Assert.Equal(Instant.FromUtc(2025, 3, 5, 20, 0), ayse.Stats.LastOrderAt);
        var mehmet = await _harness.CustomerAsync("C2");
        Assert.Equal(1, mehmet.Stats.OrderCount);
        Assert.Equal(new Money(40m, Currency.TRY), mehmet.Stats.TotalSpend);
    }

    [Fact]
    public async Task Import_ValidFiles_StoresProfilesOrdersAndLedgerEntries()
    {
        await _harness.ImportAsync(
            Csv.Customers(Csv.Ayse, Csv.Mehmet),
            Csv.Orders(Csv.Order("O2", "C1", "2025-02-01T12:00:00+03:00", "250.50", "returned", delivered: "2025-02-03T17:00:00+03:00", returned: "2025-02-10T11:00:00+03:00", refund: "250.50")));

        var ayse = await _harness.CustomerAsync("C1");
        Assert.Equal("Ayşe Yılmaz", ayse.Name.FullName);
        Assert.Equal("ayse@example.com.tr", ayse.Email?.Value);
        Assert.Equal(Birthday.Create(5, 17, 1990), ayse.Birthday);
        Assert.Equal("İstanbul", ayse.City);
        Assert.Equal(Instant.FromUtc(2024, 1, 15, 7, 15), ayse.SignedUpAt);
        Assert.Equal(1, ayse.Version);
        var mehmet = await _harness.CustomerAsync("C2");
        Assert.Equal(TimeZones.Istanbul, mehmet.TimeZone);
        Assert.Equal(Locale.TurkishTurkey, mehmet.Locale);

        var order = await _harness.Store.FindOrderAsync(OrderId.From("O2"));
        Assert.NotNull(order);
        Assert.Equal(OrderStatus.Returned, order.Status);
        Assert.Equal(Instant.FromUtc(2025, 2, 10, 8, 0), order.LastReturnAt);
        foreach (var id in new[] { "import:customer:C1", "import:customer:C2", "import:order:O2:placed", "import:order:O2:delivered", "import:order:O2:returned" })
        {
            var entry = await _harness.Store.FindEntryAsync(EventId.From(id));
            Assert.NotNull(entry);
            Assert.Equal(ImportHarness.Now, entry.ProcessedAt);
        }

        Assert.False(await _harness.Store.ContainsAsync(EventId.From("import:order:O2:shipped")));
    }

    [Fact]
    public async Task Import_AllCustomerColumns_AreMappedToTheProfile()
    {
        const string header = "customer_id,given_name,family_name,email,phone,locale,time_zone,birthday,gender,age_band,education,income_band,city,tags,signed_up_at,email_opens,email_clicks,subscriptions";
        const string row = "C9,Zeynep,Kaya,zeynep@example.com.tr,+90 532 123 45 67,en-GB,Europe/Berlin,--02-29,female,25-34,master,upper_middle,\"Kadıköy, İstanbul\",vip|early_adopter,2024-03-10T14:30:00+01:00,12,3,newsletter|price_alerts";

        await _harness.ImportAsync(Csv.Lines(header, row), Csv.Orders());

        var zeynep = await _harness.CustomerAsync("C9");
        Assert.Equal("+905321234567", zeynep.Phone?.Value);
        Assert.Equal("en-GB", zeynep.Locale.Name);
        Assert.Equal("Europe/Berlin", zeynep.TimeZone.Id);
        Assert.Equal(new Birthday(new AnnualDate(2, 29), null), zeynep.Birthday);
        Assert.Equal(Gender.Female, zeynep.Gender);
        Assert.Equal(AgeBand.From25To34, zeynep.AgeBand);
        Assert.Equal(Education.Master, zeynep.Education);
        Assert.Equal(IncomeBand.UpperMiddle, zeynep.IncomeBand);
        Assert.Equal("Kadıköy, İstanbul", zeynep.City);
        Assert.True(zeynep.Tags.SetEquals(["vip", "early_adopter"]));
        Assert.Equal(12, zeynep.Engagement.EmailOpens);
        Assert.Equal(3, zeynep.Engagement.EmailClicks);
        Assert.True(zeynep.Engagement.Subscriptions.SetEquals(["newsletter", "price_alerts"]));
    }

    [Fact]
    public async Task Import_OrderLine_GivesUnitPriceAndCategoryPurchases()
    {
        const string header = "order_id,customer_id,placed_at,total,currency,status,product_id,category,quantity,promised_delivery_date";
        await _harness.ImportAsync(
            Csv.Customers(Csv.Ayse),
            Csv.Lines(header, "O1,C1,2025-01-10T10:00:00+03:00,300.00,TRY,placed,P-42,Kitap,3,2025-01-14"));

        var order = await _harness.Store.FindOrderAsync(OrderId.From("O1"));
        Assert.NotNull(order);
        var line = Assert.Single(order.Lines);
        Assert.Equal("P-42", line.ProductId);
        Assert.Equal(3, line.Quantity);
        Assert.Equal(new Money(100m, Currency.TRY), line.UnitPrice);
        Assert.Equal(new LocalDate(2025, 1, 14), order.PromisedDeliveryDate);
        var ayse = await _harness.CustomerAsync("C1");
        Assert.Equal(3, ayse.Engagement.CategoryPurchases["kitap"]);
    }

    [Fact]
    public async Task Import_OrdersAndReviewsForStoredCustomer_ContinueFromTheStoredState()
    {
        await _harness.ImportAsync(Csv.Customers(Csv.Ayse), Csv.Orders(Csv.Order("O1", "C1", "2025-01-10T10:00:00Z", "100.00", "placed")));

        var summary = await _harness.ImportAsync(
            Csv.Customers(),
            Csv.Orders(Csv.Order("O2", "C1", "2025-06-01T10:00:00Z", "60.00", "placed")),
            Csv.Reviews("R1,C1,P-1,5,2025-06-10T10:00:00Z,O1,Çok güzel"));

        Assert.Equal(new ImportSummary(0, 1, 1, 2), summary);
        var ayse = await _harness.CustomerAsync("C1");
        Assert.Equal(2, ayse.Stats.OrderCount);
        Assert.Equal(new Money(160m, Currency.TRY), ayse.Stats.TotalSpend);
        Assert.Equal(1, ayse.Engagement.ReviewCount);
        Assert.Equal(2, ayse.Version);
        Assert.True(await _harness.Store.ContainsAsync(EventId.From("import:review:R1")));
    }

    [Fact]
    public async Task Import_ReviewsWithMultiLineText_AreCountedPerCustomer()
    {
        var summary = await _harness.ImportAsync(
            Csv.Customers(Csv.Ayse, Csv.Mehmet),
            Csv.Orders(Csv.Order("O1", "C1", "2025-01-10T10:00:00Z", "100.00", "placed")),
            Csv.Reviews(
                "R1,C1,P-1,5,2025-01-20T10:00:00Z,O1,\"Harika!\nTekrar alırım, \"\"çok\"\" memnunum.\"",
                "R2,C1,P-2,3,2025-01-21T10:00:00Z,,",
                "R3,C2,P-1,1,2025-01-22T10:00:00Z,,Kötü"));

        Assert.Equal(3, summary.Reviews);
        Assert.Equal(2, (await _harness.CustomerAsync("C1")).Engagement.ReviewCount);
        Assert.Equal(1, (await _harness.CustomerAsync("C2")).Engagement.ReviewCount);
    }

    [Fact]
    public async Task Import_FromText_WorksWithoutFiles()
    {
        var sources = new CsvImportSources(
            CsvSource.FromText("customers.csv", Csv.Customers(Csv.Ayse)),
            CsvSource.FromText("orders.csv", Csv.Orders()));

        var summary = await _harness.Importer.ImportAsync(sources);

        Assert.Equal(new ImportSummary(1, 0, 0, 1), summary);
        Assert.Equal(1, await _harness.Store.CountAsync(new Specification<Customer>()));
    }

    [Fact]
    public async Task Import_CrlfLineEndsAndNoFinalNewline_AreAccepted()
    {
        var customers = Csv.CustomersHeader + "\r\n" + Csv.Ayse + "\r\n\r\n" + Csv.Mehmet;

        var summary = await _harness.ImportAsync(customers, Csv.OrdersHeader);

        Assert.Equal(2, summary.Customers);
    }
}
