using CustomerCare.Storage;
using NodaTime;
using Xunit;

namespace CustomerCare.Testing;

/// <summary>
/// The required conformance suite of <see cref="IPriceHistoryStore"/>: a price holds until the next one, the lowest
/// price of an interval counts the price already in force at its start, and product ids compare ordinally.
/// </summary>
/// <remarks>Derive it once per store and override <see cref="CreatePriceHistoryStoreAsync"/>; each test gets a fresh, isolated store.</remarks>
[ConformanceSuite(typeof(IPriceHistoryStore))]
public abstract class PriceHistoryStoreConformanceTests
{
    private static readonly Instant Day0 = Instant.FromUtc(2026, 10, 1, 0, 0);

    /// <summary>Creates an empty store for one test; when it is <see cref="IAsyncDisposable"/> the test disposes it.</summary>
    /// <returns>The store.</returns>
    protected abstract ValueTask<IPriceHistoryStore> CreatePriceHistoryStoreAsync();

    /// <summary>The price in force at the start of the interval counts, later prices inside it count, prices after it do not.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task LowestPrice_CountsThePriceInForceAtTheStart()
    {
        var store = await CreatePriceHistoryStoreAsync();
        try
        {
            await store.RecordAsync("sku-1", Lira(80m), Day0);
            await store.RecordAsync("sku-1", Lira(120m), Day(5));
            await store.RecordAsync("sku-1", Lira(100m), Day(20));
            await store.RecordAsync("sku-1", Lira(60m), Day(40));

            Assert.Equal(Lira(80m), await store.LowestPriceAsync("sku-1", Day(3), Day(30)));
            Assert.Equal(Lira(100m), await store.LowestPriceAsync("sku-1", Day(10), Day(30)));
            Assert.Equal(Lira(120m), await store.LowestPriceAsync("sku-1", Day(10), Day(20)));
            Assert.Null(await store.LowestPriceAsync("sku-1", Day0 - Duration.FromDays(9), Day0));
            Assert.Null(await store.LowestPriceAsync("SKU-1", Day(10), Day(30)));
        }
        finally
        {
            await DisposeAsync(store);
        }
    }

    /// <summary>A new price at the same instant replaces the old one.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Record_SameInstantAgain_Replaces()
    {
        var store = await CreatePriceHistoryStoreAsync();
        try
        {
            await store.RecordAsync("sku-1", Lira(80m), Day0);
            await store.RecordAsync("sku-1", Lira(90.50m), Day0);

            Assert.Equal(Lira(90.50m), await store.LowestPriceAsync("sku-1", Day0, Day(1)));
        }
        finally
        {
            await DisposeAsync(store);
        }
    }

    /// <summary>A negative price or a blank product is refused.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Record_BadInput_IsRefused()
    {
        var store = await CreatePriceHistoryStoreAsync();
        try
        {
            await Assert.ThrowsAsync<FieldValidationException>(async () => await store.RecordAsync("sku-1", Lira(-1m), Day0));
            await Assert.ThrowsAsync<FieldValidationException>(async () => await store.RecordAsync(" ", Lira(1m), Day0));
        }
        finally
        {
            await DisposeAsync(store);
        }
    }

    private static Instant Day(int days) => Day0 + Duration.FromDays(days);

    private static Money Lira(decimal amount) => new(amount, Currency.TRY);

    private static ValueTask DisposeAsync(IPriceHistoryStore store) => store is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;
}
