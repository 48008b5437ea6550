using CustomerCare.Customers;
using CustomerCare.Import;
using CustomerCare.Orders;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Import;

public sealed class CsvImporterSampleFilesTests : IDisposable
{
    private readonly ImportHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Import_DocumentedExampleFiles_ImportCleanly()
    {
        var examples = Path.Combine(RepositoryPaths.Root, "docs", "examples");

        var summary = await _harness.Importer.ImportAsync(new CsvImportSources(
            CsvSource.FromFile(Path.Combine(examples, "customers.csv")),
            CsvSource.FromFile(Path.Combine(examples, "orders.csv"))));

        Assert.Equal(new ImportSummary(Customers: 10, Orders: 20, Reviews: 0, Events: 66), summary);
        var ayse = await _harness.CustomerAsync("C001");
        Assert.Equal(2, ayse.Stats.OrderCount);
        Assert.Equal(new Money(1529.40m, Currency.TRY), ayse.Stats.TotalSpend);
        Assert.Equal((1, 1), (ayse.Stats.ReturnsCount, ayse.Stats.CancelledCount));
        Assert.Equal(Instant.FromUtc(2025, 1, 5, 11, 20), ayse.Stats.FirstOrderAt);
        Assert.Equal(Instant.FromUtc(2025, 8, 30, 7, 0), ayse.Stats.LastOrderAt);
        Assert.Equal(new AnnualDate(2, 29), (await _harness.CustomerAsync("C003")).Birthday?.Date);
        Assert.Equal("Europe/Berlin", (await _harness.CustomerAsync("C004")).TimeZone.Id);
        Assert.Equal("Ortahisar, Trabzon", (await _harness.CustomerAsync("C010")).City);
        Assert.Equal(OrderStatus.Cancelled, (await _harness.Store.FindOrderAsync(OrderId.From("S-1013")))?.Status);
    }

    [Fact]
    public async Task Import_ExamplesInTheFormatDocument_ImportCleanly()
    {
        var document = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "docs", "csv-format.md"));
        var blocks = document.Split("```csv\n").Skip(1).Select(b => b[..b.IndexOf("```", StringComparison.Ordinal)]).ToArray();
        Assert.Equal(3, blocks.Length);

        var summary = await _harness.Importer.ImportAsync(new CsvImportSources(
            CsvSource.FromText("customers.csv", blocks[0]),
            CsvSource.FromText("orders.csv", blocks[1]),
            CsvSource.FromText("reviews.csv", blocks[2])));

        Assert.Equal(new ImportSummary(Customers: 3, Orders: 3, Reviews: 2, Events: 14), summary);
    }

    [Fact]
    public void AddCustomerCare_RegistersTheImporter()
    {
        var services = new ServiceCollection();
        services.AddCustomerCare();
        using var provider = services.BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<CsvImporter>(), provider.GetRequiredService<CsvImporter>());
    }
}
