using CustomerCare.Coupons;
using CustomerCare.Coupons.Codes;
using CustomerCare.Coupons.Redemptions;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Storage;
using NodaTime;
using Xunit;

namespace CustomerCare.Testing;

/// <summary>
/// The required conformance suite of <see cref="ICouponStore"/>: the redemption life (reserve, confirm, release),
/// idempotency per (code, order), unique codes, and the concurrency guarantees every store must keep — one winner for
/// a single-use code, never above a cap, and exact counts when releases race reservations.
/// </summary>
/// <remarks>Derive it once per store and override <see cref="CreateCouponStoreAsync"/>; each test gets a fresh, isolated store.</remarks>
[ConformanceSuite(typeof(ICouponStore))]
public abstract class CouponStoreConformanceTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 5, 4, 12, 0);
    private static readonly CouponCodePattern Pattern = CouponCodePattern.Default;

    /// <summary>Creates an empty store for one test; when it is <see cref="IAsyncDisposable"/> the test disposes it.</summary>
    /// <returns>The store.</returns>
    protected abstract ValueTask<ICouponStore> CreateCouponStoreAsync();

    /// <summary>Reserve, confirm and release move a use through its life and keep the counts.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Lifecycle_ReserveConfirmRelease_KeepsTheCounts()
    {
        var (store, code) = await WithCodeAsync(maxRedemptions: 2);
        var ayse = CustomerId.From("c-ayşe");

        var reserved = await store.ReserveAsync(Request(code, "o-1", ayse));
        var confirmed = await store.ConfirmAsync(code, OrderId.From("o-1"), At);
        var usageAfterConfirm = await store.GetUsageAsync(code);
        var released = await store.ReleaseAsync(code, OrderId.From("o-1"), At);

        Assert.Equal(RedemptionOutcome.Done, reserved.Outcome);
        Assert.Equal(RedemptionState.Confirmed, confirmed.Redemption?.State);
        Assert.Equal(new CouponUsage(0, 1, 0), usageAfterConfirm);
        Assert.Equal(RedemptionState.Released, released.Redemption?.State);
        Assert.Equal(new CouponUsage(0, 0, 1), await store.GetUsageAsync(code));
    }

    /// <summary>A retry returns the first result; the same key with another payload is a typed conflict.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Reserve_Retried_ReturnsTheFirstResult_AndADifferentPayloadIsAConflict()
    {
        var (store, code) = await WithCodeAsync(maxRedemptions: 5);
        var customer = CustomerId.From("c-1");

        var first = await store.ReserveAsync(Request(code, "o-1", customer));
        var retry = await store.ReserveAsync(Request(code, "o-1", customer));
        var other = await store.ReserveAsync(Request(code, "o-1", customer, discount: 99m));

        Assert.Equal(RedemptionOutcome.Done, first.Outcome);
        Assert.Equal((RedemptionOutcome.AlreadyDone, first.Redemption), (retry.Outcome, retry.Redemption));
        Assert.Equal(RedemptionOutcome.PayloadMismatch, other.Outcome);
        Assert.Equal(1, (await store.GetUsageAsync(code)).Active);
    }

    /// <summary>Caps, per-customer limits and owners are enforced, and a release gives the use back.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Limits_AreEnforced_AndAReleaseGivesTheUseBack()
    {
        var (store, code) = await WithCodeAsync(maxRedemptions: 1);
        var (perCustomerStore, shared) = await WithCodeAsync(maxRedemptions: null, perCustomer: 1);
        var (ownedStore, owned) = await WithCodeAsync(maxRedemptions: 1, owner: CustomerId.From("c-owner"));

        await store.ReserveAsync(Request(code, "o-1", CustomerId.From("c-1")));
        var second = await store.ReserveAsync(Request(code, "o-2", CustomerId.From("c-2")));
        await store.ReleaseAsync(code, OrderId.From("o-1"), At);
        var afterRelease = await store.ReserveAsync(Request(code, "o-3", CustomerId.From("c-2")));

        await perCustomerStore.ReserveAsync(Request(shared, "o-1", CustomerId.From("c-1")));
        var again = await perCustomerStore.ReserveAsync(Request(shared, "o-2", CustomerId.From("c-1")));
        var someoneElse = await perCustomerStore.ReserveAsync(Request(shared, "o-3", CustomerId.From("c-2")));

        var thief = await ownedStore.ReserveAsync(Request(owned, "o-1", CustomerId.From("c-thief")));

        Assert.Equal(RedemptionOutcome.CapReached, second.Outcome);
        Assert.Equal(RedemptionOutcome.Done, afterRelease.Outcome);
        Assert.Equal(RedemptionOutcome.PerCustomerLimitReached, again.Outcome);
        Assert.Equal(RedemptionOutcome.Done, someoneElse.Outcome);
        Assert.Equal(RedemptionOutcome.AssignedToAnotherCustomer, thief.Outcome);
    }

    /// <summary>Calls on an unknown code or an order never reserved say so and change nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task UnknownCodeOrOrder_IsReportedAndChangesNothing()
    {
        var (store, code) = await WithCodeAsync(maxRedemptions: 1);
        var stranger = new CouponCodeGenerator().Generate(Pattern);

        Assert.Equal(RedemptionOutcome.UnknownCode, (await store.ReserveAsync(Request(stranger, "o-1", CustomerId.From("c-1")))).Outcome);
        Assert.Equal(RedemptionOutcome.NotReserved, (await store.ConfirmAsync(code, OrderId.From("o-9"), At)).Outcome);
        Assert.Equal(RedemptionOutcome.NotReserved, (await store.ReleaseAsync(code, OrderId.From("o-9"), At)).Outcome);
        Assert.Equal(new CouponUsage(0, 0, 0), await store.GetUsageAsync(code));
    }

    /// <summary>Adding codes is all or nothing, and a code that exists is reported.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task AddCoupons_WithOneExistingCode_WritesNothingAndNamesIt()
    {
        var (store, code) = await WithCodeAsync(maxRedemptions: 1);
        var fresh = new CouponCodeGenerator().Generate(Pattern);

        var existing = await store.AddCouponsAsync([new Coupon(fresh, "def", At), new Coupon(code, "def", At)]);

        Assert.Equal([code], existing);
        Assert.Null(await store.FindCouponAsync(fresh));
    }

    /// <summary>
    /// A definition asked for before it existed is found once it is added, and the first one stored stays: a store that
    /// remembers definitions must not remember a missing one, nor let a second add replace the first.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task FindDefinition_MissingThenAdded_IsFound_AndTheFirstStoredStays()
    {
        var store = await CreateCouponStoreAsync();
        var first = new CouponDefinition("geri-kazan", "Seni özledik", Discount.PercentOff(15));

        Assert.Null(await store.FindDefinitionAsync("geri-kazan"));
        Assert.True(await store.AddDefinitionAsync(first));
        var found = await store.FindDefinitionAsync("geri-kazan");
        Assert.False(await store.AddDefinitionAsync(new CouponDefinition("geri-kazan", "Başka bir ad", Discount.PercentOff(50))));
        var again = await store.FindDefinitionAsync("geri-kazan");

        Assert.Equal(("Seni özledik", 15m), (found!.Name, found.Discount.Percent));
        Assert.Equal(("Seni özledik", 15m), (again!.Name, again.Discount.Percent));
    }

    /// <summary>N tasks reserving one single-use code concurrently: exactly one wins.</summary>
    /// <param name="tasks">How many tasks race.</param>
    /// <returns>The test.</returns>
    [Theory]
    [InlineData(2)]
    [InlineData(16)]
    [InlineData(64)]
    public async Task Reserve_SingleUseCodeConcurrently_ExactlyOneSucceeds(int tasks)
    {
        var (store, code) = await WithCodeAsync(maxRedemptions: 1);

        var results = await Task.WhenAll(Enumerable.Range(0, tasks).Select(i => Task.Run(async () =>
            await store.ReserveAsync(Request(code, "o-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), CustomerId.From("c-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))))));

        Assert.Single(results, r => r.Outcome == RedemptionOutcome.Done);
        Assert.Equal(1, (await store.GetUsageAsync(code)).Active);
    }

    /// <summary>Many tasks hammering capped codes never push the active count above the cap.</summary>
    /// <param name="cap">The cap.</param>
    /// <returns>The test.</returns>
    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(1000)]
    public async Task Reserve_ManyAttemptsAgainstACap_NeverOvershoots(int cap)
    {
        var (store, code) = await WithCodeAsync(maxRedemptions: cap);
        var attempts = Math.Max(cap * 3, 2000);

        var successes = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, attempts), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            var result = await store.ReserveAsync(Request(code, "o-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), CustomerId.From("c-" + (i % 97).ToString(System.Globalization.CultureInfo.InvariantCulture))), ct);
            if (result.Outcome == RedemptionOutcome.Done)
            {
                Interlocked.Increment(ref successes);
            }
        });

        Assert.Equal(cap, successes);
        Assert.Equal(cap, (await store.GetUsageAsync(code)).Active);
    }

    /// <summary>Releases racing reservations keep active = reserved + confirmed, and active = successes − releases, exactly.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task ReleaseRacingReserve_KeepsExactNetUsage()
    {
        var (store, code) = await WithCodeAsync(maxRedemptions: 50);
        var reservedOrders = new System.Collections.Concurrent.ConcurrentQueue<OrderId>();
        long successes = 0, releases = 0;

        await Parallel.ForEachAsync(Enumerable.Range(0, 4000), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            if (i % 3 == 2 && reservedOrders.TryDequeue(out var order))
            {
                if ((await store.ReleaseAsync(code, order, At, ct)).Outcome == RedemptionOutcome.Done)
                {
                    Interlocked.Increment(ref releases);
                }

                return;
            }

            var orderId = OrderId.From("o-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var result = await store.ReserveAsync(Request(code, orderId.Value, CustomerId.From("c-" + (i % 7).ToString(System.Globalization.CultureInfo.InvariantCulture))), ct);
            if (result.Outcome == RedemptionOutcome.Done)
            {
                Interlocked.Increment(ref successes);
                if (i % 2 == 0)
                {
                    await store.ConfirmAsync(code, orderId, At, ct);
                }

                reservedOrders.Enqueue(orderId);
            }
        });

        var usage = await store.GetUsageAsync(code);
        Assert.Equal(successes - releases, usage.Active);
        Assert.Equal(releases, usage.Released);
        Assert.InRange(usage.Active, 0, 50);
    }

    private static RedemptionRequest Request(CouponCode code, string orderId, CustomerId customer, decimal discount = 10m) =>
        new(code, OrderId.From(orderId), customer, new Money(discount, Currency.TRY), At);

    private async Task<(ICouponStore Store, CouponCode Code)> WithCodeAsync(long? maxRedemptions, int? perCustomer = null, CustomerId? owner = null)
    {
        var store = await CreateCouponStoreAsync();
        await store.AddDefinitionAsync(new CouponDefinition("def", "Test", Discount.AmountOff(new Money(10m, Currency.TRY))));
        var code = new CouponCodeGenerator().Generate(Pattern);
        var existing = await store.AddCouponsAsync([new Coupon(code, "def", At) { MaxRedemptions = maxRedemptions, PerCustomerLimit = perCustomer, AssignedTo = owner }]);
        Assert.Empty(existing);
        return (store, code);
    }
}
