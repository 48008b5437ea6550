using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
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
/// same kind of lock around a counter; 100,000 reserve+release pairs per thread per invocation. Mean is per operation
/// (a reserve or a release) across both threads, so Op/s is the throughput of the two together.
/// </summary>
/// <remarks>
/// <see cref="ReserveAndReleaseTimed"/> does the same work and records every operation's latency: each thread reads
/// <see cref="Stopwatch.GetTimestamp"/> once before its loop and once after every operation, into a preallocated array,
/// so an operation's latency is the difference between two consecutive readings. It includes one timestamp read and the
/// loop step, and any wait for the lock, a GC or the scheduler. After each invocation but the first (JIT), the arrays
/// are added to a histogram (10 ns buckets), and the P50 and P99 columns report its percentiles over every recorded
/// operation; the benchmark process prints them for the host's report (see <see cref="PerOpLatencyColumn"/>).
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(1)]
[Config(typeof(Columns))]
public class RedeemBenchmarks
{
    private const int PairsPerThread = 100_000;
    private const int Threads = 2;
    private static readonly Instant At = Instant.FromUtc(2026, 6, 1, 10, 0);
    private readonly Lock _baselineLock = new();
    private readonly long[][] _latencies = [.. Enumerable.Range(0, Threads).Select(_ => new long[PairsPerThread * 2])];
    private InMemoryCouponStore _store = null!;
    private CouponCode _code;
    private RedemptionRequest[][] _requests = [];
    private long _baselineCounter;
    private readonly LatencyHistogram _histogram = new();
    private int _timedInvocations;
    private bool _timedRan;

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

    /// <summary>Adds the timed invocation's latencies to the histogram, except the first invocation's, which includes JIT.</summary>
    [IterationCleanup]
    public void Cleanup()
    {
        if (!_timedRan)
        {
            return;
        }

        _timedRan = false;
        if (++_timedInvocations == 1)
        {
            return;
        }

        foreach (var latencies in _latencies)
        {
            _histogram.AddTicks(latencies);
        }
    }

    /// <summary>Hands the timed method's latencies to the report.</summary>
    [GlobalCleanup(Target = nameof(ReserveAndReleaseTimed))]
    public void PublishLatencies() => PerOpLatencyColumn.Publish(nameof(ReserveAndReleaseTimed), _histogram);

    /// <summary>A lock and a counter: the floor for two threads contending on one item.</summary>
    /// <returns>The counter.</returns>
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
    /// <returns>The active count at the end.</returns>
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

    /// <summary>The same work, with every operation's latency recorded (see the class remarks).</summary>
    /// <returns>The active count at the end.</returns>
    [Benchmark(OperationsPerInvoke = PairsPerThread * Threads * 2)]
    public async Task<long> ReserveAndReleaseTimed()
    {
        await Task.WhenAll(Enumerable.Range(0, Threads).Select(t => Task.Run(async () =>
        {
            var latencies = _latencies[t];
            var n = 0;
            var previous = Stopwatch.GetTimestamp();
            foreach (var request in _requests[t])
            {
                await _store.ReserveAsync(request);
                var reserved = Stopwatch.GetTimestamp();
                latencies[n++] = reserved - previous;
                await _store.ReleaseAsync(request.Code, request.OrderId, At);
                previous = Stopwatch.GetTimestamp();
                latencies[n++] = previous - reserved;
            }
        })));
        _timedRan = true;
        return (await _store.GetUsageAsync(_code)).Active;
    }

    private sealed class Columns : ManualConfig
    {
        public Columns()
        {
            AddColumn(StatisticColumn.OperationsPerSecond, new PerOpLatencyColumn(0.50, "P50 per op"), new PerOpLatencyColumn(0.99, "P99 per op"));
        }
    }
}
