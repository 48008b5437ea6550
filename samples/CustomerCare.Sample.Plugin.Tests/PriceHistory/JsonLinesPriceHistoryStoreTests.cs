using System.Globalization;
using System.Text;
using Contoso.CustomerCare.PriceHistory;
using CustomerCare;
using CustomerCare.Storage;
using CustomerCare.Storage.InMemory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Contoso.CustomerCare.Tests.PriceHistory;

/// <summary>What the JSON-lines store promises beyond the kit: the file survives a restart, a torn tail is cut, a bad line is named.</summary>
public sealed class JsonLinesPriceHistoryStoreTests : IDisposable
{
    private static readonly Instant Day0 = Instant.FromUtc(2026, 10, 1, 0, 0);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("contoso-prices-");

    private string FilePath => Path.Combine(_folder.FullName, "prices.jsonl");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Reopen_AfterRecords_ReplaysThemInOrder()
    {
        await using (var store = new JsonLinesPriceHistoryStore(FilePath))
        {
            await store.RecordAsync("sku-ı", Lira(80m), Day0);
            await store.RecordAsync("sku-ı", Lira(70.10m), Day0);
            await store.RecordAsync("sku-ı", Lira(120m), Day0 + Duration.FromDays(5));
        }

        await using var reopened = new JsonLinesPriceHistoryStore(FilePath);

        Assert.Equal(Lira(70.10m), await reopened.LowestPriceAsync("sku-ı", Day0, Day0 + Duration.FromDays(9)));
        Assert.Equal(Lira(120m), await reopened.LowestPriceAsync("sku-ı", Day0 + Duration.FromDays(6), Day0 + Duration.FromDays(9)));
        Assert.Null(await reopened.LowestPriceAsync("SKU-I", Day0, Day0 + Duration.FromDays(9)));
    }

    [Fact]
    public async Task Record_WritesOneInvariantJsonLinePerPrice_AndNothingForARepeat()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("tr-TR");
        try
        {
            await using (var store = new JsonLinesPriceHistoryStore(FilePath))
            {
                await store.RecordAsync("sku-1", Lira(149.90m), Day0);
                await store.RecordAsync("sku-1", Lira(149.90m), Day0);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        Assert.Equal(
            "{\"product\":\"sku-1\",\"price\":149.90,\"currency\":\"TRY\",\"from\":\"2026-10-01T00:00:00Z\"}\n",
            await File.ReadAllTextAsync(FilePath, Encoding.UTF8));
    }

    [Fact]
    public async Task Open_FileWithATornLastLine_CutsItAndKeepsTheRest()
    {
        await File.WriteAllTextAsync(
            FilePath,
            "{\"product\":\"sku-1\",\"price\":80,\"currency\":\"TRY\",\"from\":\"2026-10-01T00:00:00Z\"}\n{\"product\":\"sku-1\",\"pri");

        await using (var store = new JsonLinesPriceHistoryStore(FilePath))
        {
            Assert.Equal(Lira(80m), await store.LowestPriceAsync("sku-1", Day0, Day0 + Duration.FromDays(1)));
            await store.RecordAsync("sku-1", Lira(60m), Day0 + Duration.FromDays(2));
        }

        var lines = await File.ReadAllLinesAsync(FilePath);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.StartsWith("{\"product\":\"sku-1\"", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Open_FileWithABadCurrency_IsRefusedWithFileLineAndColumn()
    {
        await File.WriteAllTextAsync(
            FilePath,
            "{\"product\":\"sku-1\",\"price\":80,\"currency\":\"TRY\",\"from\":\"2026-10-01T00:00:00Z\"}\n\n{\"product\":\"sku-2\",\"price\":5,\"currency\":\"XYZ\",\"from\":\"2026-10-01T00:00:00Z\"}\n");

        var error = Assert.Throws<InvalidDataException>(() => new JsonLinesPriceHistoryStore(FilePath));

        Assert.StartsWith(FilePath + ":3:30: field 'currency': value 'XYZ'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_FileWithBrokenJson_IsRefusedWithTheColumnOfTheFault()
    {
        await File.WriteAllTextAsync(FilePath, "{\"product\":\"sku-1\",,}\n");

        var error = Assert.Throws<InvalidDataException>(() => new JsonLinesPriceHistoryStore(FilePath));

        Assert.StartsWith(FilePath + ":1:20: is not a JSON object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_SameFileTwice_SecondIsRefusedWhileTheFirstIsOpen()
    {
        await using var first = new JsonLinesPriceHistoryStore(FilePath);

        Assert.Throws<IOException>(() => new JsonLinesPriceHistoryStore(FilePath));
    }

    [Fact]
    public async Task Record_AfterDispose_Throws()
    {
        var store = new JsonLinesPriceHistoryStore(FilePath);
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await store.RecordAsync("sku-1", Lira(1m), Day0));
    }

    [Fact]
    public async Task UseJsonLinesPriceHistoryStore_ReplacesTheInMemoryDefault()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(new NodaTime.Testing.FakeClock(Day0));
        services.AddCustomerCare().UseJsonLinesPriceHistoryStore(FilePath);
        await using (var provider = services.BuildServiceProvider())
        {
            var store = provider.GetRequiredService<IPriceHistoryStore>();
            await store.RecordAsync("sku-1", Lira(10m), Day0);
            Assert.IsType<JsonLinesPriceHistoryStore>(store);
        }

        // The container disposed the store, which released the file.
        Assert.Single(services, d => d.ServiceType == typeof(IPriceHistoryStore));
        Assert.DoesNotContain(services, d => d.ImplementationType == typeof(InMemoryPriceHistoryStore));
        Assert.Single(await File.ReadAllLinesAsync(FilePath));
    }

    [Fact]
    public void UseJsonLinesPriceHistoryStore_FromConfigurationWithoutAPath_FailsOnStartNamingTheOption()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["CustomerCare:PriceHistory:Path"] = "  " }).Build();
        var services = new ServiceCollection();
        services.AddCustomerCare().UseJsonLinesPriceHistoryStore(configuration.GetSection("CustomerCare:PriceHistory"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal("field 'PriceHistory.Path': value '  ' is required: the JSON-lines file to keep prices in", Assert.Single(error.Failures));
    }

    [Fact]
    public void Constructor_FolderInsteadOfAFile_IsRefusedNamingThePath()
    {
        var error = Assert.Throws<FieldValidationException>(() => new JsonLinesPriceHistoryStore(_folder.FullName));

        Assert.Equal("Path", Assert.Single(error.Errors).Field);
        Assert.Contains(_folder.FullName, error.Message, StringComparison.Ordinal);
    }

    private static Money Lira(decimal amount) => new(amount, Currency.TRY);
}
