using System.Text.Json;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Sample.Reporting;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Spectre.Console;

namespace CustomerCare.Tests.Sample;

public sealed class ReportCommandTests
{
    private static readonly DateTimeZone Istanbul = DateTimeZoneProviders.Tzdb["Europe/Istanbul"];
    private int _events;
    private int _orders;

    [Fact]
    public async Task Report_AfterSimulateOnTheSameHost_EqualsTheReportSimulatePrinted()
    {
        await using var runner = new SampleRunner();
        var simulated = await runner.RunAsync("simulate", "--customers", "50", "--days", "30", "--seed", "11", "--json");
        var reported = await runner.RunAsync("report", "--json");

        Assert.Equal(0, reported.ExitCode);
        // Compared re-serialized, since the report is nested one level deeper (and so indented more) in simulate's document.
        Assert.Equal(JsonSerializer.Serialize(simulated.Json().GetProperty("report")), JsonSerializer.Serialize(reported.Json()));
    }

    [Fact]
    public async Task Report_OnAnEmptyStore_ShowsZerosAndSaysWhy()
    {
        var plain = await SampleRunner.RunOnceAsync("report");
        var json = (await SampleRunner.RunOnceAsync("report", "--json")).Json();

        Assert.Equal(0, plain.ExitCode);
        Assert.Contains("The store (memory) is empty. Run `simulate` on it first.", plain.Out, StringComparison.Ordinal);
        Assert.Equal(0, json.GetProperty("customers").GetProperty("total").GetInt64());
        Assert.Equal(0m, json.GetProperty("revenue").GetProperty("averageOrderValue").GetDecimal());
        Assert.Equal(JsonValueKind.Array, json.GetProperty("topCustomers").ValueKind);
    }

    [Fact]
    public async Task Report_CitiesSpelledWithEveryTurkishI_AreCountedAsOneCity()
    {
        await using var runner = new SampleRunner();
        // The most common spelling names the group.
        string[] cities = ["İstanbul", "İstanbul", "ISTANBUL", "istanbul", "Istanbul", "ıstanbul", "İzmir", "İzmir", "Izmir", "Ankara"];
        for (var i = 0; i < cities.Length; i++)
        {
            await RegisterAsync(runner, $"c{i}", cities[i]);
        }

        var report = await runner.Host.Services.GetRequiredService<StoreReportBuilder>().BuildAsync();

        Assert.Equal([new CityCount("İstanbul", 6), new CityCount("İzmir", 3), new CityCount("Ankara", 1)], report.TopCities);
    }

    [Fact]
    public async Task Report_Lifecycle_CountsDaysInEachCustomersOwnZone()
    {
        var asOf = new LocalDateTime(2026, 6, 1, 0, 0).InZoneStrictly(Istanbul).ToInstant();
        await using var runner = new SampleRunner();
        await OrderAsync(runner, "d30", Istanbul, asOf - Duration.FromDays(30));
        await OrderAsync(runner, "d31", Istanbul, asOf - Duration.FromDays(31));
        await OrderAsync(runner, "d91", Istanbul, asOf - Duration.FromDays(91));
        await OrderAsync(runner, "d181", Istanbul, asOf - Duration.FromDays(181));

        // 1 May 23:00 in Istanbul is already 2 May in Tokyo: 30 days before 1 June there, 31 in Istanbul.
        await OrderAsync(runner, "tokyo", DateTimeZoneProviders.Tzdb["Asia/Tokyo"], new LocalDateTime(2026, 5, 1, 23, 0).InZoneStrictly(Istanbul).ToInstant());
        await RegisterAsync(runner, "never", "Ankara");
        runner.Host.Clock.Reset(asOf);

        var report = await runner.Host.Services.GetRequiredService<StoreReportBuilder>().BuildAsync();

        Assert.Equal(new LifecycleBuckets(Days0To30: 2, Days31To90: 1, Days91To180: 1, DaysOver180: 1, Never: 1), report.Lifecycle);
    }

    [Fact]
    public async Task TableWriter_ShowsEverySectionTitle()
    {
        await using var runner = new SampleRunner();
        await OrderAsync(runner, "c1", Istanbul, runner.Host.Clock.GetCurrentInstant());
        var report = await runner.Host.Services.GetRequiredService<StoreReportBuilder>().BuildAsync();
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;

        new TableReportWriter(console).WriteReport(report);

        foreach (var title in ReportTitles.ReportSections)
        {
            Assert.Contains(title, output.ToString(), StringComparison.Ordinal);
        }

        Assert.Contains("₺149,90", output.ToString(), StringComparison.Ordinal);
    }

    private async Task RegisterAsync(SampleRunner runner, string id, string city, DateTimeZone? zone = null)
    {
        var profile = new Customer(CustomerId.From(id), new PersonName("Ayşe", "Yılmaz"), runner.Host.Clock.GetCurrentInstant() - Duration.FromDays(400), Currency.TRY)
        {
            City = city,
            TimeZone = zone ?? Istanbul,
        };
        await ApplyAsync(runner, new CustomerRegistered(EventId.From($"e{++_events}"), profile));
    }

    private async Task OrderAsync(SampleRunner runner, string id, DateTimeZone zone, Instant placedAt)
    {
        await RegisterAsync(runner, id, "İstanbul", zone);
        await ApplyAsync(runner, new OrderPlaced(EventId.From($"e{++_events}"), CustomerId.From(id), placedAt, OrderId.From($"o{++_orders}"), new Money(149.90m, Currency.TRY)));
    }

    private static async Task ApplyAsync(SampleRunner runner, CommerceEvent commerceEvent)
    {
        var result = await runner.Host.Services.GetRequiredService<CustomerEventProcessor>().ApplyAsync(commerceEvent);
        Assert.Equal(EventApplyOutcome.Applied, result.Outcome);
    }
}
