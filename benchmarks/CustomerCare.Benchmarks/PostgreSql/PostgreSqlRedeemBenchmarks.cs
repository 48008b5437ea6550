using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using CustomerCare.Coupons;
using CustomerCare.Coupons.Codes;
using CustomerCare.Coupons.Redemptions;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.PostgreSql;
using CustomerCare.Storage;
using CustomerCare.Storage.InMemory;
using NodaTime;
using Npgsql;

namespace CustomerCare.Benchmarks.PostgreSql;

/// <summary>
/// Redeeming coupons from 16 concurrent clients: one benchmark operation is a <b>wave</b>, 16 tasks started together,
/// each redeeming (<see cref="ICouponStore.ReserveAsync"/> then <see cref="ICouponStore.ConfirmAsync"/>) a distinct new
/// order, and the operation ends when the last of the 16 is confirmed. Mean is per wave, so 16 redeems; the
/// <c>Redeem/s</c> column is 16 / Mean. The in-memory store does the same waves as the baseline.
/// </summary>
/// <remarks>
/// <para>Latency columns: every wave's duration and every redeem's duration (from its reserve call to its confirm
/// call's return, measured inside its task) are recorded with <see cref="Stopwatch"/>, after the first 100 waves of
/// the process (JIT, filling the pool). <c>Wave P99</c> is the 99th percentile of wave durations: the slowest of 16
/// concurrent redeems, queueing included. <c>Redeem P99</c> is the 99th percentile over single redeems made while 16 run
/// at once. Recording covers BenchmarkDotNet's warm-up and measured iterations alike (same work).</para>
/// <para>Variants: <c>OneCoupon</c>, all 16 clients on one big-cap code (every reserve and confirm takes that code's row
/// lock, so they queue); <c>CouponPerClient</c>, each client its own code. <c>…_NoFlushWait</c> runs the same with the
/// session setting <c>synchronous_commit=off</c>: a commit returns before its WAL record reaches the disk (a crash can
/// lose the last moments of commits, never consistency). The server's own settings are left at their defaults
/// (<c>fsync=on</c>, <c>synchronous_commit=on</c>), so the plain variants wait for a WAL flush at every commit, two per
/// redeem.</para>
/// <para><c>HandWritten_TwoCommits</c> is the floor of any design that keeps reserve and confirm as two durable
/// commits: each client inserts one row and then updates it, two single-statement transactions through raw Npgsql on
/// the same server, pool and settings, with no checks at all.</para>
/// <para>Without <c>CUSTOMERCARE_BENCH_POSTGRES</c> every method returns at once and the run measures nothing.</para>
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(Columns))]
public class PostgreSqlRedeemBenchmarks
{
    private const int Clients = 16;
    private const int SkippedWaves = 100;
    private const string Schema = "bench_redeem";
    private static readonly Instant At = Instant.FromUtc(2026, 6, 1, 10, 0);
    private static readonly Money Discount = new(5m, Currency.TRY);
    private readonly CustomerId[] _customers = [.. Enumerable.Range(0, Clients).Select(i => CustomerId.From("c-" + i.ToString(CultureInfo.InvariantCulture)))];
    private readonly LatencyLog _waves = new(1 << 18, SkippedWaves);
    private readonly LatencyLog _redeems = new(1 << 22, SkippedWaves * Clients);
    private readonly CouponCodeGenerator _generator = new();
    private ICouponStore? _store;
    private NpgsqlDataSource? _rawSource;
    private PostgreSqlDatabase? _database;
    private CouponCode _hotCode;
    private CouponCode[] _clientCodes = [];
    private long _orders;
    private string _method = string.Empty;

    /// <summary>The in-memory store, with one big-cap code.</summary>
    [GlobalSetup(Target = nameof(InMemory))]
    public void SetupInMemory()
    {
        if (!PostgreSqlBench.HasServer)
        {
            PostgreSqlBench.SayNoServer(nameof(PostgreSqlRedeemBenchmarks));
            return;
        }

        AddCodesAsync(new InMemoryCouponStore()).GetAwaiter().GetResult();
    }

    /// <summary>A fresh schema, one big-cap code and one code per client; commits wait for the WAL flush.</summary>
    [GlobalSetup(Targets = [nameof(PostgreSql_OneCoupon), nameof(PostgreSql_CouponPerClient)])]
    public void SetupPostgreSql() => SetupPostgreSql(null);

    /// <summary>The same, with <c>synchronous_commit=off</c> on every session.</summary>
    [GlobalSetup(Targets = [nameof(PostgreSql_OneCoupon_NoFlushWait), nameof(PostgreSql_CouponPerClient_NoFlushWait)])]
    public void SetupPostgreSqlNoFlushWait() => SetupPostgreSql("-c synchronous_commit=off");

    /// <summary>A fresh schema with one table for the hand-written floor.</summary>
    [GlobalSetup(Target = nameof(HandWritten_TwoCommits))]
    public void SetupHandWritten()
    {
        if (!PostgreSqlBench.HasServer)
        {
            PostgreSqlBench.SayNoServer(nameof(PostgreSqlRedeemBenchmarks));
            return;
        }

        PostgreSqlBench.DropSchemaAsync(Schema).GetAwaiter().GetResult();
        _rawSource = new NpgsqlDataSourceBuilder(PostgreSqlBench.ConnectionString) { ConnectionStringBuilder = { MaxPoolSize = 64, MaxAutoPrepare = 64, NoResetOnClose = true } }.Build();
        PostgreSqlBench.ScalarAsync($"CREATE SCHEMA {Schema}; CREATE TABLE {Schema}.floor (id text COLLATE \"C\" PRIMARY KEY, state smallint NOT NULL)").GetAwaiter().GetResult();
    }

    /// <summary>Prints the latencies for the report, checks the counts and closes the pool.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        if (_rawSource is not null)
        {
            LatencyLogColumn.Publish(_method, "wave", _waves);
            LatencyLogColumn.Publish(_method, "redeem", _redeems);
            var updated = (long)PostgreSqlBench.ScalarAsync($"SELECT count(*) FROM {Schema}.floor WHERE state = 1").GetAwaiter().GetResult()!;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// {_method}: {_orders} rows inserted, {updated} updated"));
            _rawSource.Dispose();
            if (updated != _orders)
            {
                throw new InvalidOperationException($"{updated} rows were updated, but {_orders} were inserted.");
            }

            return;
        }

        if (_store is null)
        {
            return;
        }

        LatencyLogColumn.Publish(_method, "wave", _waves);
        LatencyLogColumn.Publish(_method, "redeem", _redeems);
        var confirmed = _store.GetUsageAsync(_hotCode).AsTask().GetAwaiter().GetResult().Confirmed
            + _clientCodes.Sum(code => _store.GetUsageAsync(code).AsTask().GetAwaiter().GetResult().Confirmed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// {_method}: {_orders} redeems made, {confirmed} confirmed in the store"));
        if (confirmed != _orders)
        {
            throw new InvalidOperationException($"The store confirmed {confirmed} redemptions, but {_orders} were made.");
        }

        _database?.Dispose();
    }

    /// <summary>16 clients on one code of the in-memory store.</summary>
    /// <returns>Redeems made.</returns>
    [Benchmark(Baseline = true)]
    public Task<int> InMemory() => WaveAsync(nameof(InMemory), perClient: false);

    /// <summary>16 clients on one big-cap code.</summary>
    /// <returns>Redeems made.</returns>
    [Benchmark]
    public Task<int> PostgreSql_OneCoupon() => WaveAsync(nameof(PostgreSql_OneCoupon), perClient: false);

    /// <summary>16 clients, each on its own code.</summary>
    /// <returns>Redeems made.</returns>
    [Benchmark]
    public Task<int> PostgreSql_CouponPerClient() => WaveAsync(nameof(PostgreSql_CouponPerClient), perClient: true);

    /// <summary>16 clients on one big-cap code, commits not waiting for the WAL flush.</summary>
    /// <returns>Redeems made.</returns>
    [Benchmark]
    public Task<int> PostgreSql_OneCoupon_NoFlushWait() => WaveAsync(nameof(PostgreSql_OneCoupon_NoFlushWait), perClient: false);

    /// <summary>16 clients, each on its own code, commits not waiting for the WAL flush.</summary>
    /// <returns>Redeems made.</returns>
    [Benchmark]
    public Task<int> PostgreSql_CouponPerClient_NoFlushWait() => WaveAsync(nameof(PostgreSql_CouponPerClient_NoFlushWait), perClient: true);

    /// <summary>16 clients, each inserting a row and then updating it: two commits with nothing else.</summary>
    /// <returns>Pairs made.</returns>
    [Benchmark]
    public Task<int> HandWritten_TwoCommits() => WaveAsync(nameof(HandWritten_TwoCommits), perClient: true);

    private void SetupPostgreSql(string? sessionOptions)
    {
        if (!PostgreSqlBench.HasServer)
        {
            PostgreSqlBench.SayNoServer(nameof(PostgreSqlRedeemBenchmarks));
            return;
        }

        PostgreSqlBench.DropSchemaAsync(Schema).GetAwaiter().GetResult();
        _database = PostgreSqlBench.Open(Schema, sessionOptions);
        _database.Migrator.MigrateAsync().GetAwaiter().GetResult();
        AddCodesAsync(new PostgreSqlCouponStore(_database)).GetAwaiter().GetResult();
    }

    private async Task AddCodesAsync(ICouponStore store)
    {
        _store = store;
        await store.AddDefinitionAsync(new CouponDefinition("bench", "Bench", CustomerCare.Coupons.Discount.AmountOff(Discount)));
        _hotCode = _generator.Generate(CouponCodePattern.Default);
        _clientCodes = [.. Enumerable.Range(0, Clients).Select(_ => _generator.Generate(CouponCodePattern.Default))];
        var coupons = _clientCodes.Prepend(_hotCode).Select(code => new Coupon(code, "bench", At) { MaxRedemptions = 1_000_000_000 }).ToArray();
        if ((await store.AddCouponsAsync(coupons)).Count > 0)
        {
            throw new InvalidOperationException("A benchmark code already existed.");
        }
    }

    private async Task<int> WaveAsync(string method, bool perClient)
    {
        if (_store is null && _rawSource is null)
        {
            return 0;
        }

        _method = method;
        var start = Stopwatch.GetTimestamp();
        var clients = new Task[Clients];
        for (var i = 0; i < Clients; i++)
        {
            var client = i;
            clients[i] = _rawSource is null ? Task.Run(() => RedeemAsync(client, perClient)) : Task.Run(TwoCommitsAsync);
        }

        await Task.WhenAll(clients);
        _waves.Add(Stopwatch.GetTimestamp() - start);
        return Clients;
    }

    private async Task RedeemAsync(int client, bool perClient)
    {
        var order = OrderId.From("o" + Interlocked.Increment(ref _orders).ToString(CultureInfo.InvariantCulture));
        var code = perClient ? _clientCodes[client] : _hotCode;
        var start = Stopwatch.GetTimestamp();
        var store = _store!;
        var reserved = await store.ReserveAsync(new RedemptionRequest(code, order, _customers[client], Discount, At));
        var confirmed = await store.ConfirmAsync(code, order, At);
        _redeems.Add(Stopwatch.GetTimestamp() - start);
        if (reserved.Outcome != RedemptionOutcome.Done || confirmed.Outcome != RedemptionOutcome.Done)
        {
            throw new InvalidOperationException($"Redeeming {order} gave {reserved.Outcome} then {confirmed.Outcome}.");
        }
    }

    private async Task TwoCommitsAsync()
    {
        var id = "o" + Interlocked.Increment(ref _orders).ToString(CultureInfo.InvariantCulture);
        var start = Stopwatch.GetTimestamp();
        await using (var insert = _rawSource!.CreateCommand($"INSERT INTO {Schema}.floor (id, state) VALUES ($1, 0)"))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = id });
            await insert.ExecuteNonQueryAsync();
        }

        await using (var update = _rawSource.CreateCommand($"UPDATE {Schema}.floor SET state = 1 WHERE id = $1"))
        {
            update.Parameters.Add(new NpgsqlParameter { Value = id });
            if (await update.ExecuteNonQueryAsync() != 1)
            {
                throw new InvalidOperationException($"Row {id} was not updated.");
            }
        }

        _redeems.Add(Stopwatch.GetTimestamp() - start);
    }

    private sealed class Columns : ManualConfig
    {
        public Columns()
        {
            AddColumn(
                new RedeemsPerSecondColumn(),
                new LatencyLogColumn("wave", "p50", "Wave P50", "Median duration of a wave of 16 concurrent redeems"),
                new LatencyLogColumn("wave", "p99", "Wave P99", "99th percentile of wave durations (the slowest of 16 concurrent redeems)"),
                new LatencyLogColumn("redeem", "p50", "Redeem P50", "Median duration of one redeem (reserve + confirm) while 16 run at once"),
                new LatencyLogColumn("redeem", "p99", "Redeem P99", "99th percentile of one redeem's duration while 16 run at once"),
                new LatencyLogColumn("redeem", "count", "Redeems timed", "How many redeems the latency percentiles are over"));
        }
    }

    /// <summary>Redeems per second: 16 per wave, divided by the mean wave time.</summary>
    private sealed class RedeemsPerSecondColumn : IColumn
    {
        public string Id => nameof(RedeemsPerSecondColumn);

        public string ColumnName => "Redeem/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => -1;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Redeems (reserve + confirm) per second: 16 per wave / Mean";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
            summary[benchmarkCase]?.ResultStatistics is { Mean: > 0 } statistics
                ? (Clients * 1e9 / statistics.Mean).ToString("N0", CultureInfo.InvariantCulture)
                : "-";

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
