using CustomerCare.Customers;
using CustomerCare.Feedback.Reviews;
using CustomerCare.Orders;
using CustomerCare.Storage;
using NodaTime;
using Xunit;

namespace CustomerCare.Testing;

/// <summary>
/// The required conformance suite of <see cref="IReviewStore"/>: a review is stored once per identifier even when
/// added concurrently, and a product's recent reviews and the reviewed products are read for the window
/// (<c>asOf − window</c>, <c>asOf</c>], newest first, with ordinal identifiers.
/// </summary>
/// <remarks>Derive it once per store and override <see cref="CreateReviewStoreAsync"/>; each test gets a fresh, isolated store.</remarks>
[ConformanceSuite(typeof(IReviewStore))]
public abstract class ReviewStoreConformanceTests
{
    private static readonly Instant Day0 = Instant.FromUtc(2027, 2, 1, 12, 0);
    private static readonly Duration Window = Duration.FromDays(90);

    /// <summary>Creates an empty store for one test; when it is <see cref="IAsyncDisposable"/> the test disposes it.</summary>
    /// <returns>The store.</returns>
    protected abstract ValueTask<IReviewStore> CreateReviewStoreAsync();

    /// <summary>A review is stored once per identifier; adding it again, even with other content, keeps the first.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public Task Add_SameIdentifierTwice_KeepsTheFirst() => RunAsync(async store =>
    {
        var first = Review("r-1", "sku-1", 1, Day0) with { OrderId = OrderId.From("o-1"), Text = "Kırık geldi" };
        var again = Review("r-1", "sku-2", 5, Day(1));

        Assert.True(await store.AddAsync(first));
        Assert.False(await store.AddAsync(again));
        Assert.False(await store.AddAsync(first));

        Assert.Equal(first, await store.FindAsync("r-1"));
        Assert.Null(await store.FindAsync("R-1"));
        Assert.Empty(await store.RecentAsync("sku-2", Day(2), Window, 10));
        Assert.Single(await store.RecentAsync("sku-1", Day(2), Window, 10));
    });

    /// <summary>Recent reviews are newest first, ties broken by identifier descending, within (asOf − window, asOf], up to the limit.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public Task Recent_AreNewestFirst_WithinTheWindow_UpToTheLimit() => RunAsync(async store =>
    {
        var asOf = Day(100);
        await store.AddAsync(Review("r-old", "sku-1", 1, asOf - Window));
        await store.AddAsync(Review("r-edge", "sku-1", 2, asOf - Window + Duration.Epsilon));
        await store.AddAsync(Review("r-a", "sku-1", 3, Day(50)));
        await store.AddAsync(Review("r-b", "sku-1", 4, Day(50)));
        await store.AddAsync(Review("r-now", "sku-1", 5, asOf));
        await store.AddAsync(Review("r-later", "sku-1", 5, asOf + Duration.Epsilon));
        await store.AddAsync(Review("r-other", "sku-2", 5, Day(60)));

        Assert.Equal(["r-now", "r-b", "r-a", "r-edge"], (await store.RecentAsync("sku-1", asOf, Window, 10)).Select(r => r.ReviewId));
        Assert.Equal(["r-now", "r-b"], (await store.RecentAsync("sku-1", asOf, Window, 2)).Select(r => r.ReviewId));
        Assert.Empty(await store.RecentAsync("sku-404", asOf, Window, 10));
    });

    /// <summary>Reviews added out of posting order are still read newest first.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public Task Recent_ReviewsAddedOutOfOrder_AreReadNewestFirst() => RunAsync(async store =>
    {
        foreach (var day in (int[])[5, 1, 9, 3, 7])
        {
            await store.AddAsync(Review($"r-{day}", "sku-1", 3, Day(day)));
        }

        Assert.Equal(["r-9", "r-7", "r-5", "r-3", "r-1"], (await store.RecentAsync("sku-1", Day(10), Window, 10)).Select(r => r.ReviewId));
    });

    /// <summary>The reviewed products are those with a review in the window, ordered ordinally; under Turkish culture <c>sku-i</c> and <c>SKU-I</c> stay two products.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public Task ReviewedProducts_AreThoseReviewedInTheWindow_OrderedOrdinally_UnderTurkishCulture() => RunAsync(async store =>
    {
        using var culture = CultureScope.Turkish();
        var asOf = Day(100);
        await store.AddAsync(Review("r-1", "sku-i", 4, Day(90)));
        await store.AddAsync(Review("r-2", "SKU-I", 2, Day(95)));
        await store.AddAsync(Review("r-3", "sku-ı", 5, asOf));
        await store.AddAsync(Review("r-4", "sku-old", 1, asOf - Window));
        await store.AddAsync(Review("r-5", "sku-future", 1, asOf + Duration.Epsilon));

        Assert.Equal(["SKU-I", "sku-i", "sku-ı"], await store.ReviewedProductsAsync(asOf, Window));
        Assert.Equal(["r-2"], (await store.RecentAsync("SKU-I", asOf, Window, 10)).Select(r => r.ReviewId));
    });

    /// <summary>A limit below one or a window that is not positive is a programmer error.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public Task Reads_WithBadLimitOrWindow_AreRefused() => RunAsync(async store =>
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.RecentAsync("sku-1", Day0, Window, 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.RecentAsync("sku-1", Day0, Duration.Zero, 5));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.ReviewedProductsAsync(Day0, Duration.Zero));
    });

    /// <summary>The same review added by many callers at once is stored once, and exactly one caller is told it stored it.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public Task Add_SameReviewConcurrently_IsStoredOnce() => RunAsync(async store =>
    {
        var added = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
            await store.AddAsync(Review("r-1", "sku-1", 1 + (i % 5), Day(1))))));

        Assert.Single(added, a => a);
        Assert.Single(await store.RecentAsync("sku-1", Day(2), Window, 100));
    });

    /// <summary>A cancelled add throws and writes nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public Task Add_Cancelled_WritesNothing() => RunAsync(async store =>
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.AddAsync(Review("r-1", "sku-1", 3, Day0), new CancellationToken(canceled: true)));

        Assert.Null(await store.FindAsync("r-1"));
    });

    private static Instant Day(int days) => Day0 + Duration.FromDays(days);

    private static ProductReview Review(string id, string product, int rating, Instant at) =>
        new(id, product, CustomerId.From("c-" + id), rating, at);

    private async Task RunAsync(Func<IReviewStore, Task> test)
    {
        var store = await CreateReviewStoreAsync();
        try
        {
            await test(store);
        }
        finally
        {
            if (store is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }
}
