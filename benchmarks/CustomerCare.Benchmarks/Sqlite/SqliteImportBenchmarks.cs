using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using CustomerCare.Customers;
using CustomerCare.Specifications;
using CustomerCare.Sqlite;
using CustomerCare.Storage;
using CustomerCare.Storage.InMemory;

namespace CustomerCare.Benchmarks.Sqlite;

/// <summary>
/// A bulk import of 1M customers through <see cref="ICustomerStore.CommitAsync"/>, in 20 change sets of 50,000 new
/// customers each, into an empty in-memory store (the baseline) and into a new SQLite file with the default options
/// (WAL, <c>synchronous=NORMAL</c>). Mean is the whole import.
/// </summary>
/// <remarks>
/// <para>
/// The customers and change sets are built once, before the measurement; what is measured is the store's work: for
/// SQLite, serializing each customer to its JSON document and computing its query columns, then one <c>BEGIN
/// IMMEDIATE</c> transaction per change set with one prepared insert reused for every row (the primary key, the
/// <c>sort_key</c> unique index and the birthday and city indexes are maintained as rows go in). Each iteration starts
/// from a new file whose schema was created outside the measurement, and deletes it afterwards.
/// </para>
/// <para>
/// One import takes seconds, so this class's default job runs three measured imports after one warm-up
/// (<see cref="RunStrategy.Monitoring"/>, no pilot; see <see cref="ThreeImports"/>): enough to report, not to resolve
/// small differences.
/// </para>
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(ThreeImports))]
public class SqliteImportBenchmarks
{
    private InMemoryCustomerStore _memory = null!;
    private SqliteDatabase? _database;
    private SqliteCustomerStore _sqlite = null!;
    private string? _path;

    /// <summary>Builds the population and its change sets once.</summary>
    [GlobalSetup]
    public void Setup() => _ = CustomerPopulation.Shared;

    /// <summary>A new, empty in-memory store.</summary>
    [IterationSetup(Target = nameof(InMemory))]
    public void NewInMemory() => _memory = new InMemoryCustomerStore();

    /// <summary>A new SQLite file with its schema.</summary>
    [IterationSetup(Target = nameof(Sqlite))]
    public void NewSqlite()
    {
        _path = DatabaseFiles.NewPath("import");
        _database = new SqliteDatabase(new SqliteStoreOptions { Path = _path }, FixedClock.Benchmark);
        _sqlite = new SqliteCustomerStore(_database);
        // The first use creates the schema; an empty count does it outside the measurement.
        if (_sqlite.CountAsync(new Specification<Customer>()).AsTask().GetAwaiter().GetResult() != 0)
        {
            throw new InvalidOperationException($"The new database {_path} is not empty.");
        }
    }

    /// <summary>Deletes the SQLite file.</summary>
    [IterationCleanup(Target = nameof(Sqlite))]
    public void DeleteSqlite()
    {
        _database?.Dispose();
        if (_path is not null)
        {
            DatabaseFiles.Delete(_path);
        }
    }

    /// <summary>The in-memory store: each commit rebuilds its immutable sorted dictionary with the new customers.</summary>
    /// <returns>How many customers were imported.</returns>
    [Benchmark(Baseline = true)]
    public Task<int> InMemory() => CustomerPopulation.Shared.ImportIntoAsync(_memory);

    /// <summary>SQLite: one immediate transaction per 50,000 customers.</summary>
    /// <returns>How many customers were imported.</returns>
    [Benchmark]
    public Task<int> Sqlite() => CustomerPopulation.Shared.ImportIntoAsync(_sqlite);

    /// <summary>
    /// One warm-up and three measured imports in one process, as the class's default job: a job given on the command
    /// line (such as CI's <c>--job dry</c>) replaces it rather than running beside it, as a <c>[SimpleJob]</c> would.
    /// </summary>
    private sealed class ThreeImports : ManualConfig
    {
        public ThreeImports() => AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3).AsDefault());
    }
}
