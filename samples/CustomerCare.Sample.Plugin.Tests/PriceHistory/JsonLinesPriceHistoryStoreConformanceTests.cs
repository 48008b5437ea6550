using Contoso.CustomerCare.PriceHistory;
using CustomerCare.Storage;
using CustomerCare.Testing;

namespace Contoso.CustomerCare.Tests.PriceHistory;

/// <summary>The kit's price-history suite, run against the JSON-lines store: each test gets a new file in a new folder.</summary>
public sealed class JsonLinesPriceHistoryStoreConformanceTests : PriceHistoryStoreConformanceTests, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("contoso-prices-");

    protected override ValueTask<IPriceHistoryStore> CreatePriceHistoryStoreAsync() =>
        ValueTask.FromResult<IPriceHistoryStore>(new JsonLinesPriceHistoryStore(Path.Combine(_folder.FullName, "prices.jsonl")));

    // The kit disposes the store at the end of each test, which closes the file; the folder goes with the test class.
    public void Dispose() => _folder.Delete(recursive: true);
}
