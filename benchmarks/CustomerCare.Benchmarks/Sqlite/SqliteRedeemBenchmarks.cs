using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using CustomerCare.Coupons;
using CustomerCare.Coupons.Codes;
using CustomerCare.Coupons.Redemptions;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Sqlite;
using CustomerCare.Storage;
using CustomerCare.Storage.InMemory;
using NodaTime;

namespace CustomerCare.Benchmarks.Sqlite;

/// <summary>
/// Redeeming a coupon at checkout, one after another on one thread: <see cref="ICouponStore.ReserveAsync"/> then
/// <see cref="ICouponStore.ConfirmAsync"/> (two transactions on SQLite), each time on a fresh single-use code, on the
/// in-memory store (the baseline) and on a SQLite file (WAL, <c>synchronous=NORMAL</c>, the default options).
/// <see cref="RedeemsPerInvocation"/> redeems per invocation; Mean is per redeem, so Op/s is redeems per second.
/// </summary>
/// <remarks>
/// <para>
/// Before each invocation, <see cref="RedeemsPerInvocation"/> new single-use coupons are added in one batch, outside
/// the measurement; the database keeps everything from earlier iterations, so it grows to a few hundred thousand
/// coupons and redemptions over a run, as a live one does.
/// </para>
/// <para>
/// <see cref="SqliteTimed"/> does the same work and records every redeem's latency: <see cref="Stopwatch.GetTimestamp"/>
/// before the reserve and after the confirm, into a preallocated array. After each invocation but the first (JIT), the
/// array is added to a <see cref="LatencySample"/>, and the P50/P99/P99.9/Max columns are nearest-rank percentiles over
/// every recorded redeem of the run, not over iteration means. They include any wait for a GC, the scheduler or the
/// disk, which is the point: on this shared 2-core VM they are an upper bound.
/// </para>
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(1)]
[Config(typeof(Columns))]
public class SqliteRedeemBenchmarks
{
    /// <summary>How many redeems (reserve + confirm) one invocation makes.</summary>
    public const int RedeemsPerInvocation = 2_000;

    /// <summary>How many checkouts redeem at once in <see cref="SqliteEightClients"/>.</summary>
    public const int Clients = 8;

    private const string DefinitionId = "checkout";
    private static readonly Instant At = FixedClock.Benchmark.GetCurrentInstant();
    private static readonly Money Discount = new(25m, Currency.TRY);
    private readonly CouponCodeGenerator _generator = new();
    private readonly long[] _latencies = new long[RedeemsPerInvocation];
    private readonly LatencySample _sample = new();
    private readonly long[] _concurrentLatencies = new long[RedeemsPerInvocation];
    private readonly LatencySample _concurrentSample = new();
    private int _concurrentInvocations;
    private InMemoryCouponStore _memory = null!;
    private SqliteDatabase? _database;
    private SqliteCouponStore _sqlite = null!;
    private string? _path;
    private RedemptionRequest[] _requests = [];
    private int _iteration;
    private int _timedInvocations;

    /// <summary>An empty in-memory store with the coupon definition.</summary>
    [GlobalSetup(Target = nameof(InMemory))]
    public void SetupInMemory()
    {
        _memory = new InMemoryCouponStore();
        AddDefinition(_memory);
    }

    /// <summary>A new SQLite file in the temporary directory, with the coupon definition.</summary>
    [GlobalSetup(Targets = [nameof(Sqlite), nameof(SqliteTimed), nameof(SqliteEightClients)])]
    public void SetupSqlite()
    {
        _path = DatabaseFiles.NewPath("redeem");
        _database = new SqliteDatabase(new SqliteStoreOptions { Path = _path }, FixedClock.Benchmark);
        _sqlite = new SqliteCouponStore(_database);
        AddDefinition(_sqlite);
    }

    /// <summary>Fresh single-use coupons for the in-memory store.</summary>
    [IterationSetup(Target = nameof(InMemory))]
    public void PrepareInMemory() => Prepare(_memory);

    /// <summary>Fresh single-use coupons for the SQLite store.</summary>
    [IterationSetup(Targets = [nameof(Sqlite), nameof(SqliteTimed), nameof(SqliteEightClients)])]
    public void PrepareSqlite() => Prepare(_sqlite);

    /// <summary>Adds the timed invocation's latencies, except the first invocation's, which includes JIT.</summary>
    [IterationCleanup(Target = nameof(SqliteTimed))]
    public void CollectLatencies()
    {
        if (++_timedInvocations > 1)
        {
            _sample.AddTicks(_latencies);
        }
    }

    /// <summary>Adds the concurrent invocation's latencies, except the first invocation's, which includes JIT.</summary>
    [IterationCleanup(Target = nameof(SqliteEightClients))]
    public void CollectConcurrentLatencies()
    {
        if (++_concurrentInvocations > 1)
        {
            _concurrentSample.AddTicks(_concurrentLatencies);
        }
    }

    /// <summary>Hands the concurrent method's latencies to the report, and deletes the SQLite file.</summary>
    [GlobalCleanup(Target = nameof(SqliteEightClients))]
    public void PublishConcurrentLatencies()
    {
        LatencyPercentileColumn.Publish(nameof(SqliteEightClients), _concurrentSample);
        CleanupSqlite();
    }

    /// <summary>Deletes the SQLite file.</summary>
    [GlobalCleanup(Target = nameof(Sqlite))]
    public void CleanupSqlite()
    {
        _database?.Dispose();
        if (_path is not null)
        {
            DatabaseFiles.Delete(_path);
        }
    }

    /// <summary>Hands the timed method's latencies to the report, and deletes the SQLite file.</summary>
    [GlobalCleanup(Target = nameof(SqliteTimed))]
    public void PublishLatencies()
    {
        LatencyPercentileColumn.Publish(nameof(SqliteTimed), _sample);
        CleanupSqlite();
    }

    /// <summary>The in-memory store: a lock and a few dictionary updates per call.</summary>
    /// <returns>How many redeems succeeded.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = RedeemsPerInvocation)]
    public Task<int> InMemory() => RedeemAllAsync(_memory);

    /// <summary>SQLite: two <c>BEGIN IMMEDIATE</c> transactions per redeem, on the kept writer connection.</summary>
    /// <returns>How many redeems succeeded.</returns>
    [Benchmark(OperationsPerInvoke = RedeemsPerInvocation)]
    public Task<int> Sqlite() => RedeemAllAsync(_sqlite);

    /// <summary>The same SQLite work, with every redeem's latency recorded (see the class remarks).</summary>
    /// <returns>How many redeems succeeded.</returns>
    [Benchmark(OperationsPerInvoke = RedeemsPerInvocation)]
    public async Task<int> SqliteTimed()
    {
        for (var i = 0; i < _requests.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await RedeemAsync(_sqlite, _requests[i]);
            _latencies[i] = Stopwatch.GetTimestamp() - start;
        }

        return _requests.Length;
    }

    /// <summary>
    /// The same redeems from <see cref="Clients"/> checkouts at once, each redeem's latency recorded: writes that queue
    /// behind a running one commit together (group commit).
    /// </summary>
    /// <returns>How many redeems succeeded.</returns>
    [Benchmark(OperationsPerInvoke = RedeemsPerInvocation)]
    public async Task<int> SqliteEightClients()
    {
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            for (var i = client; i < _requests.Length; i += Clients)
            {
                var start = Stopwatch.GetTimestamp();
                await RedeemAsync(_sqlite, _requests[i]);
                _concurrentLatencies[i] = Stopwatch.GetTimestamp() - start;
            }
        })));
        return _requests.Length;
    }

    private async Task<int> RedeemAllAsync(ICouponStore store)
    {
        foreach (var request in _requests)
        {
            await RedeemAsync(store, request);
        }

        return _requests.Length;
    }

    private static async ValueTask RedeemAsync(ICouponStore store, RedemptionRequest request)
    {
        var reserved = await store.ReserveAsync(request);
        var confirmed = await store.ConfirmAsync(request.Code, request.OrderId, request.At);
        if (reserved.Outcome != RedemptionOutcome.Done || confirmed.Outcome != RedemptionOutcome.Done)
        {
            throw new InvalidOperationException($"Redeeming {request.Code} gave {reserved.Outcome} then {confirmed.Outcome}.");
        }
    }

    private static void AddDefinition(ICouponStore store)
    {
        if (!store.AddDefinitionAsync(new CouponDefinition(DefinitionId, "Checkout", global::CustomerCare.Coupons.Discount.AmountOff(Discount))).AsTask().GetAwaiter().GetResult())
        {
            throw new InvalidOperationException("The coupon definition was already there.");
        }
    }

    private void Prepare(ICouponStore store)
    {
        var iteration = ++_iteration;
        var codes = _generator.GenerateBatch(CouponCodePattern.Default, RedeemsPerInvocation);
        var taken = store.AddCouponsAsync([.. codes.Select(code => new Coupon(code, DefinitionId, At))]).AsTask().GetAwaiter().GetResult();
        if (taken.Count > 0)
        {
            throw new InvalidOperationException($"{taken.Count} generated codes were already taken.");
        }

        _requests = [.. codes.Select((code, i) => new RedemptionRequest(
            code,
            OrderId.From(string.Create(CultureInfo.InvariantCulture, $"o-{iteration}-{i}")),
            CustomerId.From(string.Create(CultureInfo.InvariantCulture, $"c{i % 1000:D7}")),
            Discount,
            At))];
    }

    private sealed class Columns : ManualConfig
    {
        public Columns()
        {
            AddColumn(
                StatisticColumn.OperationsPerSecond,
                new LatencyPercentileColumn(0.50, "P50 per redeem"),
                new LatencyPercentileColumn(0.99, "P99 per redeem"),
                new LatencyPercentileColumn(0.999, "P99.9 per redeem"),
                new LatencyPercentileColumn(1, "Max per redeem"));
        }
    }
}
