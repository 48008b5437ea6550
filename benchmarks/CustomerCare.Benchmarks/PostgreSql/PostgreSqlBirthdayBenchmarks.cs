using System.Globalization;
using BenchmarkDotNet.Attributes;
using CustomerCare.Campaigns.Birthday;
using CustomerCare.Customers;
using CustomerCare.PostgreSql;
using CustomerCare.Storage;
using CustomerCare.Storage.InMemory;
using NodaTime;

namespace CustomerCare.Benchmarks.PostgreSql;

/// <summary>
/// The daily birthday run's query over 1M customers (<see cref="PostgreSqlBench.Customers"/>):
/// <c>StreamAsync(new BirthdaySpecification(dates))</c> with the dates <see cref="BirthdaySchedule.CandidateDates"/>
/// gives for one instant under the default <see cref="BirthdayCampaignOptions"/> (a 7-day catch-up, so 13 annual
/// dates), read to the end. The in-memory store answers the same query over the same customers as the baseline.
/// </summary>
/// <remarks>
/// <para>The customers are <see cref="BenchCustomers"/>; 90 % have a birthday, spread evenly over the year, so about
/// 3.2 % of all customers match. The PostgreSQL schema <c>bench_birthday_{count}</c> is seeded once (through
/// <see cref="ICustomerStore.CommitAsync"/>, 50,000 customers per commit, then <c>VACUUM (ANALYZE)</c>, as autovacuum
/// would leave it) and reused by later processes while it holds exactly that many customers; each setup checks that
/// the query returns the count computed from the generated customers.</para>
/// <para>Without <c>CUSTOMERCARE_BENCH_POSTGRES</c> every method returns at once and the run measures nothing.</para>
/// </remarks>
[MemoryDiagnoser]
public class PostgreSqlBirthdayBenchmarks
{
    private static readonly Instant Now = Instant.FromUtc(2027, 5, 17, 6, 0);
    private static readonly string Schema = "bench_birthday_" + PostgreSqlBench.Customers.ToString(CultureInfo.InvariantCulture);
    private ICustomerStore? _store;
    private PostgreSqlDatabase? _database;
    private static readonly BirthdaySpecification OneDate = new([new AnnualDate(5, 17)]);
    private BirthdaySpecification _specification = new([]);

    /// <summary>The customers in the in-memory store.</summary>
    [GlobalSetup(Targets = [nameof(InMemory), nameof(InMemory_OneDate)])]
    public void SetupInMemory()
    {
        if (!PostgreSqlBench.HasServer)
        {
            PostgreSqlBench.SayNoServer(nameof(PostgreSqlBirthdayBenchmarks));
            return;
        }

        var customers = BenchCustomers.Generate(PostgreSqlBench.Customers);
        var store = new InMemoryCustomerStore();
        BenchCustomers.CommitAllAsync(store, BenchCustomers.Batches(customers)).GetAwaiter().GetResult();
        Prepare(store, customers);
    }

    /// <summary>The customers in PostgreSQL, seeded unless an earlier process did.</summary>
    [GlobalSetup(Targets = [nameof(PostgreSql), nameof(PostgreSql_OneDate), nameof(PostgreSql_CountOnly)])]
    public void SetupPostgreSql()
    {
        if (!PostgreSqlBench.HasServer)
        {
            PostgreSqlBench.SayNoServer(nameof(PostgreSqlBirthdayBenchmarks));
            return;
        }

        var customers = BenchCustomers.Generate(PostgreSqlBench.Customers);
        var seeded = PostgreSqlBench.ScalarAsync($"SELECT to_regclass('\"{Schema}\".customers') IS NOT NULL").GetAwaiter().GetResult() is true
            ? PostgreSqlBench.ScalarAsync($"SELECT count(*) FROM \"{Schema}\".customers").GetAwaiter().GetResult()
            : -1L;
        _database = PostgreSqlBench.Open(Schema);
        var store = new PostgreSqlCustomerStore(_database);
        if (Convert.ToInt64(seeded, CultureInfo.InvariantCulture) != customers.Length)
        {
            PostgreSqlBench.DropSchemaAsync(Schema).GetAwaiter().GetResult();
            _database.Migrator.MigrateAsync().GetAwaiter().GetResult();
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            BenchCustomers.CommitAllAsync(store, BenchCustomers.Batches(customers)).GetAwaiter().GetResult();
            PostgreSqlBench.ScalarAsync($"VACUUM (ANALYZE) \"{Schema}\".customers").GetAwaiter().GetResult();
            Console.WriteLine($"// {Schema}: seeded {customers.Length} customers in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
        }

        Prepare(store, customers);
    }

    /// <summary>Closes the pool.</summary>
    [GlobalCleanup]
    public void Cleanup() => _database?.Dispose();

    /// <summary>The in-memory store: evaluates the specification over every customer.</summary>
    /// <returns>How many customers were streamed.</returns>
    [Benchmark(Baseline = true)]
    public Task<int> InMemory() => StreamAllAsync(_specification);

    /// <summary>The in-memory store, asked for one date (17 May).</summary>
    /// <returns>How many customers were streamed.</returns>
    [Benchmark]
    public Task<int> InMemory_OneDate() => StreamAllAsync(OneDate);

    /// <summary>PostgreSQL: the (month, day) index, pages of 1000 by id, each customer deserialized and checked.</summary>
    /// <returns>How many customers were streamed.</returns>
    [Benchmark]
    public Task<int> PostgreSql() => StreamAllAsync(_specification);

    /// <summary>PostgreSQL, asked for one date (17 May): one day's birthdays, about 0.25 % of the customers.</summary>
    /// <returns>How many customers were streamed.</returns>
    [Benchmark]
    public Task<int> PostgreSql_OneDate() => StreamAllAsync(OneDate);

    /// <summary>
    /// Not the query the run needs: <see cref="ICustomerStore.CountAsync"/> of the same specification, one
    /// <c>count(*)</c> over the index. It shows what finding the rows costs without reading their documents.
    /// </summary>
    /// <returns>How many customers match.</returns>
    [Benchmark]
    public async Task<long> PostgreSql_CountOnly() => _store is null ? 0 : await _store.CountAsync(_specification);

    private void Prepare(ICustomerStore store, Customer[] customers)
    {
        _store = store;
        _specification = new BirthdaySpecification(new BirthdaySchedule(new BirthdayCampaignOptions(), Now).CandidateDates());
        var expected = customers.Count(_specification.IsSatisfiedBy);
        var streamed = StreamAllAsync(_specification).GetAwaiter().GetResult();
        Console.WriteLine($"// {_specification.Dates.Count} candidate dates: {streamed} of {customers.Length} customers");
        if (streamed != expected)
        {
            throw new InvalidOperationException($"The store streamed {streamed} customers, but {expected} have a birthday on the candidate dates.");
        }
    }

    private async Task<int> StreamAllAsync(BirthdaySpecification specification)
    {
        if (_store is null)
        {
            return 0;
        }

        var count = 0;
        await foreach (var customer in _store.StreamAsync(specification))
        {
            count++;
        }

        return count;
    }
}
