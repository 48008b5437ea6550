using System.Globalization;
using CustomerCare.Coupons;
using CustomerCare.Coupons.Codes;
using CustomerCare.Coupons.Redemptions;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Storage.InMemory;
using NodaTime;

namespace CustomerCare.Tests.Coupons.Stress;

/// <summary>
/// A million reservation attempts on one capped code, split over 2 to 64 tasks, against the in-memory store: the cap and
/// the per-customer limit are never exceeded, not even for a moment, and the counts come out exact.
/// </summary>
/// <remarks>
/// <para>
/// "Not even for a moment" is checked with a shadow count of held uses: a task adds one only after its reservation
/// returned, and takes one away before it asks for a release. The store's own count is therefore never below the
/// shadow count, so a shadow count above the cap proves the store went above it. Usage is also read while the tasks run.
/// </para>
/// <para>Each case allocates its requests up front, so the tasks spend their time in the store.</para>
/// </remarks>
public sealed class InMemoryCouponStoreStressTests
{
    private const int Attempts = 1_000_000;
    private const int Cap = 1_000;
    private static readonly Instant At = Instant.FromUtc(2026, 6, 1, 10, 0);
    private static readonly Money Discount = new(5m, Currency.TRY);

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(64)]
    public async Task Reserve_MillionAttemptsAgainstACap_ExactlyTheCapSucceeds(int tasks)
    {
        var (store, code) = await StoreWithCodeAsync(Cap, perCustomerLimit: null);
        var requests = Requests(code, tasks, customers: 997);
        var successes = 0L;

        await RunAsync(tasks, async t =>
        {
            foreach (var request in requests[t])
            {
                var outcome = (await store.ReserveAsync(request)).Outcome;
                if (outcome == RedemptionOutcome.Done)
                {
                    Interlocked.Increment(ref successes);
                }
                else if (outcome != RedemptionOutcome.CapReached)
                {
                    Assert.Fail($"{request.OrderId}: {outcome}");
                }
            }
        });

        Assert.Equal(Cap, successes);
        Assert.Equal(new CouponUsage(Cap, 0, 0), await store.GetUsageAsync(code));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(64)]
    public async Task ReserveConfirmRelease_MillionAttempts_NeverOvershootAndKeepExactCounts(int tasks)
    {
        var (store, code) = await StoreWithCodeAsync(Cap, perCustomerLimit: null);
        var requests = Requests(code, tasks, customers: 997);
        var shadow = new ShadowCount(1);
        long successes = 0, capReached = 0, confirms = 0, releases = 0, releasedAfterConfirm = 0;

        // Together the tasks want to hold twice the cap, so reservations keep meeting the cap while releases race them.
        var keep = (2 * Cap / tasks) + 1;
        var samples = await WhileSamplingUsageAsync(store, code, Cap, () => RunAsync(tasks, async t =>
        {
            var held = new Queue<(OrderId Order, bool Confirmed)>();
            var confirmNext = t % 2 == 0;
            foreach (var request in requests[t])
            {
                var outcome = (await store.ReserveAsync(request)).Outcome;
                if (outcome == RedemptionOutcome.Done)
                {
                    Interlocked.Increment(ref successes);
                    shadow.Add(0);
                    confirmNext = !confirmNext;
                    if (confirmNext)
                    {
                        Expect(RedemptionOutcome.Done, (await store.ConfirmAsync(code, request.OrderId, At)).Outcome, request.OrderId);
                        Interlocked.Increment(ref confirms);
                    }

                    held.Enqueue((request.OrderId, confirmNext));
                }
                else
                {
                    Expect(RedemptionOutcome.CapReached, outcome, request.OrderId);
                    Interlocked.Increment(ref capReached);
                }

                // A task that holds its share, or meets the cap, gives its oldest use back.
                if (held.Count >= keep || (outcome != RedemptionOutcome.Done && held.Count > 0))
                {
                    var (order, wasConfirmed) = held.Dequeue();
                    shadow.Remove(0);
                    Expect(RedemptionOutcome.Done, (await store.ReleaseAsync(code, order, At)).Outcome, order);
                    Interlocked.Increment(ref releases);
                    Interlocked.Add(ref releasedAfterConfirm, wasConfirmed ? 1 : 0);
                }
            }
        }));

        var usage = await store.GetUsageAsync(code);
        Assert.InRange(shadow.Max, 1, Cap);
        Assert.True(samples > 0 && capReached > 0, $"{samples} usage samples, {capReached} attempts met the cap");
        Assert.Equal(successes - releases, usage.Active);
        Assert.Equal(confirms - releasedAfterConfirm, usage.Confirmed);
        Assert.Equal(releases, usage.Released);
        Assert.Equal(Attempts, successes + capReached);
        Assert.True(successes > 10 * Cap, $"only {successes} reservations succeeded: releases did not give the uses back");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(64)]
    public async Task ReserveRelease_MillionAttemptsWithAPerCustomerLimit_NeitherLimitIsExceeded(int tasks)
    {
        // Eight customers with two uses each could hold 16, above the cap of 12, and every task keeps up to eight uses, so
        // both limits bind.
        const int cap = 12;
        const int limit = 2;
        const int customers = 8;
        var (store, code) = await StoreWithCodeAsync(cap, limit);
        var requests = Requests(code, tasks, customers);
        var shadow = new ShadowCount(customers + 1);
        long successes = 0, releases = 0, capReached = 0, limitReached = 0;

        await RunAsync(tasks, async t =>
        {
            var held = new Queue<RedemptionRequest>();
            foreach (var request in requests[t])
            {
                var outcome = (await store.ReserveAsync(request)).Outcome;
                if (outcome == RedemptionOutcome.Done)
                {
                    Interlocked.Increment(ref successes);
                    shadow.Add(0);
                    shadow.Add(CustomerSlot(request.CustomerId));
                    held.Enqueue(request);
                }
                else if (outcome == RedemptionOutcome.CapReached)
                {
                    Interlocked.Increment(ref capReached);
                }
                else
                {
                    Expect(RedemptionOutcome.PerCustomerLimitReached, outcome, request.OrderId);
                    Interlocked.Increment(ref limitReached);
                }

                if (held.Count > customers || (outcome != RedemptionOutcome.Done && held.Count > 0))
                {
                    var oldest = held.Dequeue();
                    shadow.Remove(0);
                    shadow.Remove(CustomerSlot(oldest.CustomerId));
                    Expect(RedemptionOutcome.Done, (await store.ReleaseAsync(code, oldest.OrderId, At)).Outcome, oldest.OrderId);
                    Interlocked.Increment(ref releases);
                }
            }
        });

        var usage = await store.GetUsageAsync(code);
        Assert.InRange(shadow.Max, 1, cap);
        Assert.InRange(shadow.MaxPerCustomer, 1, limit);
        Assert.True(capReached > 0 && limitReached > 0, $"{capReached} attempts met the cap, {limitReached} the per-customer limit");
        Assert.Equal(successes - releases, usage.Active);
        Assert.Equal(releases, usage.Released);
        Assert.Equal(Attempts, successes + capReached + limitReached);
        Assert.True(successes > 10 * cap, $"only {successes} reservations succeeded: releases did not give the uses back");
    }

    /// <summary>Fails with the request when an outcome is not the expected one; builds no message when it is.</summary>
    private static void Expect(RedemptionOutcome expected, RedemptionOutcome actual, OrderId order)
    {
        if (actual != expected)
        {
            Assert.Fail($"{order}: expected {expected}, got {actual}");
        }
    }

    private static int CustomerSlot(CustomerId customer) => 1 + int.Parse(customer.Value.AsSpan(2), CultureInfo.InvariantCulture);

    private static async Task<(InMemoryCouponStore Store, CouponCode Code)> StoreWithCodeAsync(long cap, int? perCustomerLimit)
    {
        var store = new InMemoryCouponStore();
        await store.AddDefinitionAsync(new CouponDefinition("stress", "Stress", CustomerCare.Coupons.Discount.AmountOff(Discount)));
        var code = new CouponCodeGenerator().Generate(CouponCodePattern.Default);
        Assert.Empty(await store.AddCouponsAsync([new Coupon(code, "stress", At) { MaxRedemptions = cap, PerCustomerLimit = perCustomerLimit }]));
        return (store, code);
    }

    /// <summary>The attempts of each task, with order ids unique across tasks and customers taken in turn.</summary>
    private static RedemptionRequest[][] Requests(CouponCode code, int tasks, int customers)
    {
        var customerIds = Enumerable.Range(0, customers).Select(i => CustomerId.From("c-" + i.ToString(CultureInfo.InvariantCulture))).ToArray();
        var perTask = Attempts / tasks;
        return [.. Enumerable.Range(0, tasks).Select(t => Enumerable.Range(0, t == tasks - 1 ? Attempts - (perTask * t) : perTask).Select(i =>
        {
            var n = (perTask * t) + i;
            return new RedemptionRequest(code, OrderId.From("o-" + n.ToString(CultureInfo.InvariantCulture)), customerIds[n % customers], Discount, At);
        }).ToArray())];
    }

    /// <summary>Runs each task's body on a thread of its own, all released together.</summary>
    /// <remarks>
    /// The in-memory store completes synchronously, so on the thread pool a machine with few cores could run the tasks one
    /// after another and no two would ever race. Threads of their own are interleaved by the operating system instead.
    /// </remarks>
    private static async Task RunAsync(int tasks, Func<int, Task> body)
    {
        using var start = new Barrier(tasks);
        var threads = Enumerable.Range(0, tasks).Select(t => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                body(t).GetAwaiter().GetResult();
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();
        await Task.WhenAll(threads);
    }

    /// <summary>Runs the work while another task reads the usage every millisecond, at least once, and checks it against the cap.</summary>
    /// <returns>How many times the usage was read.</returns>
    private static async Task<int> WhileSamplingUsageAsync(InMemoryCouponStore store, CouponCode code, long cap, Func<Task> work)
    {
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            // At least one read even when the work ends before the thread pool gets round to this task, as it can on two
            // busy cores.
            var samples = 0;
            do
            {
                Assert.InRange((await store.GetUsageAsync(code)).Active, 0, cap);
                samples++;
                await Task.Delay(1);
            }
            while (!stop.IsCancellationRequested);

            return samples;
        });
        try
        {
            await work();
        }
        finally
        {
            await stop.CancelAsync();
        }

        return await sampler;
    }

    /// <summary>Shadow counts of held uses: slot 0 for the code, slot 1 + n for customer n; remembers the highest.</summary>
    private sealed class ShadowCount(int slots)
    {
        private readonly int[] _counts = new int[slots];
        private int _max;
        private int _maxPerCustomer;

        public int Max => Volatile.Read(ref _max);

        public int MaxPerCustomer => Volatile.Read(ref _maxPerCustomer);

        public void Add(int slot)
        {
            var now = Interlocked.Increment(ref _counts[slot]);
            ref var max = ref slot == 0 ? ref _max : ref _maxPerCustomer;
            var seen = Volatile.Read(ref max);
            while (now > seen)
            {
                var was = Interlocked.CompareExchange(ref max, now, seen);
                if (was == seen)
                {
                    break;
                }

                seen = was;
            }
        }

        public void Remove(int slot) => Interlocked.Decrement(ref _counts[slot]);
    }
}
