using System.Text;
using CustomerCare.Customers;
using CustomerCare.Import;
using CustomerCare.Orders;
using CustomerCare.Specifications;
using CustomerCare.Storage.InMemory;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Tests.Import;

/// <summary>
/// A real in-memory store, a fake clock at 2026-11-22 09:00 UTC, an importer, and a private temporary folder for the CSV
/// files of one test, deleted on dispose.
/// </summary>
internal sealed class ImportHarness : IDisposable
{
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 22, 9, 0);

    public ImportHarness()
    {
        Folder = Directory.CreateTempSubdirectory("customercare-import-").FullName;
        Importer = new CsvImporter(Store, Consents, Clock, Options.Create(new CustomerCareOptions()));
    }

    public InMemoryCustomerStore Store { get; } = new();

    public InMemoryConsentLedger Consents { get; } = new();

    public FakeClock Clock { get; } = new(Now);

    public CsvImporter Importer { get; set; }

    public string Folder { get; }

    /// <summary>Writes a UTF-8 file (without a BOM unless asked) and returns it as a source.</summary>
    public CsvSource File(string name, string text, bool bom = false)
    {
        var path = Path.Combine(Folder, name);
        System.IO.File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: bom));
        return CsvSource.FromFile(path);
    }

    /// <summary>Writes raw bytes and returns the file as a source.</summary>
    public CsvSource Bytes(string name, byte[] bytes)
    {
        var path = Path.Combine(Folder, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return CsvSource.FromFile(path);
    }

    public ValueTask<ImportSummary> ImportAsync(string customers, string orders, string? reviews = null) =>
        Importer.ImportAsync(Sources(customers, orders, reviews));

    public CsvImportSources Sources(string customers, string orders, string? reviews = null) =>
        new(File("customers.csv", customers), File("orders.csv", orders), reviews is null ? null : File("reviews.csv", reviews));

    /// <summary>Imports files that must be refused, and checks that the store was left empty.</summary>
    public async Task<CsvImportException> RefusedAsync(string customers, string orders, string? reviews = null)
    {
        var refused = await Assert.ThrowsAsync<CsvImportException>(() => ImportAsync(customers, orders, reviews).AsTask());
        await AssertStoreEmptyAsync();
        return refused;
    }

    public async Task AssertStoreEmptyAsync()
    {
        Assert.Equal(0, await Store.CountAsync(new Specification<Customer>()));
        Assert.Empty(await Store.ListOrdersAsync(new Specification<Order>()));
    }

    public async Task<Customer> CustomerAsync(string id) =>
        await Store.FindAsync(CustomerId.From(id)) ?? throw new InvalidOperationException($"Customer {id} is not stored.");

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
