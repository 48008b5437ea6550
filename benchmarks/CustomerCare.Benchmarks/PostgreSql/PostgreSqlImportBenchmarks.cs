using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CustomerCare.PostgreSql;
using CustomerCare.Storage;
using CustomerCare.Storage.InMemory;

namespace CustomerCare.Benchmarks.PostgreSql;

/// <summary>
/// Bulk import of 1M new customers (<see cref="PostgreSqlBench.Customers"/>) through
/// <see cref="ICustomerStore.CommitAsync"/>, 50,000 customers per change set, into an empty store: the in-memory store
/// as the baseline, and a freshly migrated PostgreSQL schema. Each iteration is one whole import; three iterations, no
/// warm-up (<see cref="RunStrategy.Monitoring"/>), since one takes minutes.
/// </summary>
/// <remarks>
/// <para>The customers and their change sets are built in the global setup, outside the measurement; what is measured
/// is the store's work: serializing each customer to its JSON document, and for PostgreSQL sending the 19 column arrays
/// of each batch to one <c>INSERT … SELECT FROM unnest(…)</c> and committing it (with the server's default
/// durability). The schema is dropped and migrated again before each iteration, outside the measurement.</para>
/// <para>Without <c>CUSTOMERCARE_BENCH_POSTGRES</c> every method returns at once and the run measures nothing.</para>
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class PostgreSqlImportBenchmarks
{
    private const string Schema = "bench_import";
    private CustomerChangeSet[] _batches = [];
    private ICustomerStore? _store;
    private PostgreSqlDatabase? _database;

    /// <summary>Builds the change sets.</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (!PostgreSqlBench.HasServer)
        {
            PostgreSqlBench.SayNoServer(nameof(PostgreSqlImportBenchmarks));
            return;
        }

        _batches = BenchCustomers.Batches(BenchCustomers.Generate(PostgreSqlBench.Customers));
    }

    /// <summary>An empty in-memory store.</summary>
    [IterationSetup(Target = nameof(InMemory))]
    public void EmptyInMemory() => _store = PostgreSqlBench.HasServer ? new InMemoryCustomerStore() : null;

    /// <summary>An empty, migrated schema.</summary>
    [IterationSetup(Target = nameof(PostgreSql))]
    public void EmptyPostgreSql()
    {
        if (!PostgreSqlBench.HasServer)
        {
            return;
        }

        _database?.Dispose();
        PostgreSqlBench.DropSchemaAsync(Schema).GetAwaiter().GetResult();
        _database = PostgreSqlBench.Open(Schema);
        _database.Migrator.MigrateAsync().GetAwaiter().GetResult();
        _store = new PostgreSqlCustomerStore(_database);
    }

    /// <summary>Drops the schema and closes the pool.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        if (_database is null)
        {
            return;
        }

        _database.Dispose();
        PostgreSqlBench.DropSchemaAsync(Schema).GetAwaiter().GetResult();
    }

    /// <summary>The in-memory store.</summary>
    /// <returns>Customers written.</returns>
    [Benchmark(Baseline = true)]
    public Task<int> InMemory() => ImportAsync();

    /// <summary>PostgreSQL.</summary>
    /// <returns>Customers written.</returns>
    [Benchmark]
    public Task<int> PostgreSql() => ImportAsync();

    private Task<int> ImportAsync() => _store is null ? Task.FromResult(0) : BenchCustomers.CommitAllAsync(_store, _batches);
}
