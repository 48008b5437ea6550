using BenchmarkDotNet.Attributes;
using CustomerCare.Coupons;
using CustomerCare.Coupons.Codes;
using CustomerCare.Coupons.Redemptions;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Storage.InMemory;
using NodaTime;

namespace CustomerCare.Benchmarks.Coupons;

/// <summary>
/// Reserve and release on one hot code from two threads against the in-memory store, beside a baseline that takes the
/// same kind of lock around a counter; 100,000 reserve+release pairs per thread per invocation.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class RedeemBenchmarks
{
    private const int PairsPerThread = 100_000;
    private const int Threads = 2;
    private static readonly Instant At = Instant.FromUtc(2026, 6, 1, 10, 0);
    private readonly Lock _baselineLock = new();
    private InMemoryCouponStore _store = null!;
    private CouponCode _code;
    private RedemptionRequest[][] _requests = [];
    private long _baselineCounter;

    /// <summary>A fresh store and fresh order ids for every iteration, so each reserve is a real first reservation.</summary>
    [IterationSetup]
    public void Setup()
    {
        _store = new InMemoryCouponStore();
        _store.AddDefinitionAsync(new CouponDefinition("hot", "Hot", Discount.AmountOff(new Money(5m, Currency.TRY)))).AsTask().GetAwaiter().GetResult();
        _code = new CouponCodeGenerator().Generate(CouponCodePattern.Default);
        _store.AddCouponsAsync([new Coupon(_code, "hot", At) { MaxRedemptions = 1_000 }]).AsTask().GetAwaiter().GetResult();
        _requests = [.. Enumerable.Range(0, Threads).Select(t => Enumerable.Range(0, PairsPerThread)
            .Select(i => new RedemptionRequest(_code, OrderId.From($"o-{t}-{i}"), CustomerId.From($"c-{t}"), new Money(5m, Currency.TRY), At)).ToArray())];
    }

    /// <summary>A lock and a counter: the floor for two threads contending on one item.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = PairsPerThread * Threads * 2)]
    public long LockedCounter()
    {
        Parallel.For(0, Threads, _ =>
        {
            for (var i = 0; i < PairsPerThread * 2; i++)
            {
                lock (_baselineLock)
                {
                    _baselineCounter += (i & 1) == 0 ? 1 : -1;
                }
            }
        });
        return _baselineCounter;
    }

    /// <summary>The store's reserve then release, each one guarded operation.</summary>
    [Benchmark(OperationsPerInvoke = PairsPerThread * Threads * 2)]
    public async Task<long> ReserveAndRelease()
    {
        await Task.WhenAll(Enumerable.Range(0, Threads).Select(t => Task.Run(async () =>
        {
            foreach (var request in _requests[t])
            {
                await _store.ReserveAsync(request);
                await _store.ReleaseAsync(request.Code, request.OrderId, At);
            }
        })));
        return (await _store.GetUsageAsync(_code)).Active;
    }
}
