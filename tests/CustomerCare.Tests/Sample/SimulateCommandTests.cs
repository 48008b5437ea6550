using System.Globalization;
using System.Text.Json;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Sample;
using CustomerCare.Sample.Reporting;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Text;

namespace CustomerCare.Tests.Sample;

public sealed class SimulateCommandTests
{
    private static readonly string[] Small = ["simulate", "--customers", "60", "--days", "45", "--seed", "7", "--json"];

    [Fact]
    public async Task Simulate_SameSeedTwice_WritesIdenticalJson()
    {
        var first = await SampleRunner.RunOnceAsync(Small);
        var second = await SampleRunner.RunOnceAsync(Small);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Out, second.Out);
        Assert.True(first.Json().GetProperty("report").GetProperty("orders").GetProperty("total").GetInt32() > 0);
    }

    [Fact]
    public async Task Simulate_AnotherSeed_WritesAnotherStore()
    {
        var first = await SampleRunner.RunOnceAsync(Small);
        var other = await SampleRunner.RunOnceAsync("simulate", "--customers", "60", "--days", "45", "--seed", "8", "--json");

        Assert.NotEqual(
            first.Json().GetProperty("report").GetProperty("revenue").GetProperty("netSpend").GetDecimal(),
            other.Json().GetProperty("report").GetProperty("revenue").GetProperty("netSpend").GetDecimal());
    }

    [Fact]
    public async Task Simulate_UnderTurkishAndInvariantCultures_WritesIdenticalJson()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("tr-TR");
            var turkish = await SampleRunner.RunOnceAsync(Small);
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            var invariant = await SampleRunner.RunOnceAsync(Small);

            Assert.Equal(invariant.Out, turkish.Out);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public async Task Simulate_ReportFigures_EqualSumsComputedFromTheStoresOrders()
    {
        await using var runner = new SampleRunner();
        var run = await runner.RunAsync(Small);
        var report = run.Json().GetProperty("report");
        var store = runner.Host.Services.GetRequiredService<ICustomerStore>();
        var orders = await store.ListOrdersAsync(new Specification<Order>());
        var customers = await store.ListAsync(new Specification<Customer>());

        var gross = orders.Sum(o => o.Total.Amount);
        var cancelled = orders.Where(o => o.Status == OrderStatus.Cancelled).Sum(o => o.Total.Amount);
        var refunded = orders.Sum(o => o.RefundedTotal.Amount);
        var standing = orders.Count(o => o.Status != OrderStatus.Cancelled);
        var revenue = report.GetProperty("revenue");
        var counts = report.GetProperty("orders");

        Assert.Equal(orders.Count, counts.GetProperty("total").GetInt32());
        Assert.Equal(orders.Count(o => o.Status == OrderStatus.Delivered), counts.GetProperty("delivered").GetInt32());
        Assert.Equal(orders.Count(o => o.Status == OrderStatus.Cancelled), counts.GetProperty("cancelled").GetInt32());
        Assert.Equal(orders.Count(o => o.Status == OrderStatus.PartiallyReturned), counts.GetProperty("partiallyReturned").GetInt32());
        Assert.Equal(orders.Count(o => o.Status == OrderStatus.Returned), counts.GetProperty("returned").GetInt32());
        Assert.Equal(Math.Round(gross, 2), revenue.GetProperty("gross").GetDecimal());
        Assert.Equal(Math.Round(cancelled, 2), revenue.GetProperty("cancelled").GetDecimal());
        Assert.Equal(Math.Round(refunded, 2), revenue.GetProperty("refunded").GetDecimal());
        Assert.Equal(Math.Round(gross - cancelled - refunded, 2), revenue.GetProperty("netSpend").GetDecimal());
        Assert.Equal(standing, revenue.GetProperty("standingOrders").GetInt32());
        Assert.Equal(Math.Round((gross - cancelled - refunded) / standing, 2, MidpointRounding.AwayFromZero), revenue.GetProperty("averageOrderValue").GetDecimal());
        Assert.True(cancelled > 0 && refunded > 0, "a run this size should cancel and refund something, or the sums prove little");

        var lifecycle = report.GetProperty("lifecycle");
        var bucketed = new[] { "days0To30", "days31To90", "days91To180", "daysOver180", "never" }.Sum(p => lifecycle.GetProperty(p).GetInt64());
        Assert.Equal(customers.Count, bucketed);
        Assert.Equal(customers.Count(c => c.Stats.LastOrderAt is null), lifecycle.GetProperty("never").GetInt64());
        Assert.Equal(customers.Count, report.GetProperty("customers").GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Simulate_RetriedEvents_AreRecognizedAsDuplicatesAndNoneIsRejected()
    {
        var run = await SampleRunner.RunOnceAsync("simulate", "--customers", "120", "--days", "60", "--seed", "3", "--json");
        var simulation = run.Json().GetProperty("simulation");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.True(simulation.GetProperty("duplicatesSent").GetInt32() > 0);
        Assert.Equal(simulation.GetProperty("duplicatesSent").GetInt32(), simulation.GetProperty("duplicatesRecognized").GetInt32());
        Assert.Equal(0, simulation.GetProperty("rejected").GetInt32());
        Assert.Equal(0, simulation.GetProperty("rejections").GetArrayLength());
        Assert.Equal(
            simulation.GetProperty("eventsDelivered").GetInt32() - simulation.GetProperty("duplicatesSent").GetInt32(),
            simulation.GetProperty("eventsApplied").GetInt32());
    }

    [Fact]
    public async Task Simulate_WhenTheLibraryRejectsEvents_ListsThemOnStandardErrorAndExitsWithOne()
    {
        await using var runner = new SampleRunner();

        // Someone else's order already holds the identifier the simulation gives its first order.
        var processor = runner.Host.Services.GetRequiredService<CustomerEventProcessor>();
        var stranger = new Customer(CustomerId.From("stranger"), new PersonName("Deniz"), SampleHost.DefaultStart, Currency.TRY);
        await processor.ApplyAsync(new CustomerRegistered(EventId.From("x1"), stranger));
        await processor.ApplyAsync(new OrderPlaced(EventId.From("x2"), stranger.Id, SampleHost.DefaultStart, OrderId.From("O7-000001"), new Money(10m, Currency.TRY)));

        var run = await runner.RunAsync(Small);
        var simulation = run.Json().GetProperty("simulation");

        Assert.Equal(1, run.ExitCode);
        Assert.True(simulation.GetProperty("rejected").GetInt32() > 0);
        Assert.Equal(EventRejectionCodes.OrderExists, simulation.GetProperty("rejections")[0].GetProperty("code").GetString());
        Assert.Contains($"({EventRejectionCodes.OrderExists})", run.Error, StringComparison.Ordinal);
        Assert.Contains("O7-000001", run.Error, StringComparison.Ordinal);
        Assert.Contains("error: the simulation is not clean", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_Json_HasTheDocumentedFields()
    {
        var json = (await SampleRunner.RunOnceAsync(Small)).Json();

        AssertProperties(json, "simulation", "report");
        var simulation = json.GetProperty("simulation");
        AssertProperties(simulation, "seed", "customers", "days", "startedAt", "endedAt", "eventsDelivered", "eventsApplied", "appliedByKind", "duplicatesSent", "duplicatesRecognized", "rejected", "rejections", "eventsInFlight");
        Assert.Equal("2025-12-31T21:00:00Z", simulation.GetProperty("startedAt").GetString());
        Assert.True(InstantPattern.ExtendedIso.Parse(simulation.GetProperty("endedAt").GetString()!).Success);
        Assert.True(simulation.GetProperty("appliedByKind").GetProperty("order_placed").GetInt32() > 0);

        var report = json.GetProperty("report");
        AssertProperties(report, "asOf", "currency", "customers", "orders", "revenue", "returnsAndCancellations", "topCities", "topCategories", "lifecycle", "topCustomers", "campaigns", "care");
        Assert.Equal("TRY", report.GetProperty("currency").GetString());
        AssertProperties(report.GetProperty("customers"), "total", "withOrders", "abroad", "vip", "marketingByEmail", "marketingBySms", "surveysByEmail");
        AssertProperties(report.GetProperty("orders"), "total", "placed", "shipped", "delivered", "cancelled", "partiallyReturned", "returned");
        AssertProperties(report.GetProperty("revenue"), "gross", "cancelled", "refunded", "netSpend", "standingOrders", "averageOrderValue");
        AssertProperties(report.GetProperty("returnsAndCancellations"), "returnEvents", "ordersWithReturns", "refunded", "returnRate", "cancelledOrders", "cancelledValue", "cancellationRate");
        AssertProperties(report.GetProperty("lifecycle"), "days0To30", "days31To90", "days91To180", "daysOver180", "never");
        AssertProperties(report.GetProperty("topCities")[0], "city", "customers");
        AssertProperties(report.GetProperty("topCategories")[0], "category", "units", "orders", "revenue");
        Assert.Equal(5, report.GetProperty("topCustomers").GetArrayLength());
        AssertProperties(report.GetProperty("topCustomers")[0], "customerId", "name", "city", "orders", "netSpend", "lastOrderAt");
        var care = report.GetProperty("care");
        Assert.True(care.GetProperty("complaints").GetInt32() > 0);
        Assert.Equal(8, care.GetProperty("byChannel").EnumerateObject().Count());
        Assert.True(care.GetProperty("recoveries").GetInt32() > 0);
        Assert.True(care.GetProperty("csatResponses").GetInt32() > 0);

        // Amounts are JSON numbers with a dot, never tr-TR text such as "1.234,50".
        Assert.Equal(JsonValueKind.Number, report.GetProperty("revenue").GetProperty("netSpend").ValueKind);
        Assert.DoesNotContain("₺", json.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_PlainText_HasEverySectionTitleAndTurkishAmounts()
    {
        var run = await SampleRunner.RunOnceAsync("simulate", "--customers", "40", "--days", "30", "--seed", "5");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("== " + ReportTitles.Simulation + " ==", run.Out, StringComparison.Ordinal);
        foreach (var title in ReportTitles.ReportSections)
        {
            Assert.Contains("== " + title + " ==", run.Out, StringComparison.Ordinal);
        }

        Assert.Contains("simulated day 30/30", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"₺\d{1,3}(\.\d{3})*,\d{2}", run.Out);
        Assert.DoesNotContain("\u001b[", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--customers", "0")]
    [InlineData("--days", "3651")]
    [InlineData("--seed", "-1")]
    [InlineData("--customers", "many")]
    public async Task Simulate_ValueOutOfRange_ExitsWithUsageErrorNamingTheOption(string option, string value)
    {
        var run = await SampleRunner.RunOnceAsync("simulate", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains(option, run.Error, StringComparison.Ordinal);
        Assert.Contains(value, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_ExitsWithUsageError()
    {
        var run = await SampleRunner.RunOnceAsync("frobnicate");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("frobnicate", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsTheCommands()
    {
        var run = await SampleRunner.RunOnceAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("simulate", run.Out, StringComparison.Ordinal);
        Assert.Contains("report", run.Out, StringComparison.Ordinal);
    }

    private static void AssertProperties(JsonElement element, params string[] names)
    {
        var actual = element.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(names.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }
}
