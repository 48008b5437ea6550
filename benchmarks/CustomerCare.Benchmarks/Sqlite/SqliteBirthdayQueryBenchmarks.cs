using System.Globalization;
using BenchmarkDotNet.Attributes;
using CustomerCare.Campaigns.Birthday;
using CustomerCare.Customers;
using CustomerCare.Sqlite;
using CustomerCare.Storage;
using CustomerCare.Storage.InMemory;
using CustomerCare.Storage.Serialization;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerCare.Benchmarks.Sqlite;

/// <summary>
/// The birthday campaign's daily query over 1M customers: <see cref="ICustomerStore.StreamAsync"/> with a
/// <see cref="BirthdaySpecification"/>, read to the end, on the in-memory store (the baseline, which scans every
/// customer) and on a SQLite file (WAL, <c>synchronous=NORMAL</c>), which answers from the (birth_month, birth_day) index.
/// </summary>
/// <remarks>
/// <para>
/// <c>…CandidateDates</c> asks for the dates <see cref="BirthdaySchedule.CandidateDates"/> gives at 2027-05-17 12:00 UTC
/// with the default <see cref="BirthdayCampaignOptions"/> (a 7-day catch-up: 13 annual dates, about 3.2 % of the
/// customers); <c>…OneDate</c> asks for 17 May alone (about 0.25 %). Each SQLite row found is read as its JSON document,
/// deserialized and checked against the specification, read in one statement through the (month, day) index.
/// </para>
/// <para>
/// <c>HandWrittenSqlCandidateDates</c> is a peer for the SQLite store, not a store: one statement over the same file
/// and index returning every match in identifier order, each document deserialized with <see cref="StorageJson"/> and
/// checked against the specification. It shows what the store adds to reading the same file and documents.
/// </para>
/// <para>
/// The SQLite file is seeded once per build (see <see cref="SeededCustomerDatabase"/>), so the first run pays for the
/// import; the in-memory store is filled with the same customers in each process that measures it.
/// </para>
/// </remarks>
[MemoryDiagnoser]
public class SqliteBirthdayQueryBenchmarks
{
    private static readonly BirthdaySpecification CandidateDates =
        new(new BirthdaySchedule(new BirthdayCampaignOptions(), FixedClock.Benchmark.GetCurrentInstant()).CandidateDates());

    private static readonly BirthdaySpecification OneDate = new([new AnnualDate(5, 17)]);

    private InMemoryCustomerStore _memory = null!;
    private SqliteDatabase? _database;
    private SqliteCustomerStore _sqlite = null!;
    private string _connectionString = string.Empty;

    /// <summary>Fills the in-memory store with the population.</summary>
    [GlobalSetup(Targets = [nameof(InMemoryCandidateDates), nameof(InMemoryOneDate)])]
    public void SetupInMemory()
    {
        _memory = new InMemoryCustomerStore();
        CustomerPopulation.Shared.ImportIntoAsync(_memory).GetAwaiter().GetResult();
        Check(_memory);
    }

    /// <summary>Opens the seeded SQLite file (seeding it first when this build has not yet).</summary>
    [GlobalSetup(Targets = [nameof(SqliteCandidateDates), nameof(SqliteOneDate), nameof(HandWrittenSqlCandidateDates)])]
    public void SetupSqlite()
    {
        var path = SeededCustomerDatabase.PathAsync().GetAwaiter().GetResult();
        _database = new SqliteDatabase(new SqliteStoreOptions { Path = path }, FixedClock.Benchmark);
        _sqlite = new SqliteCustomerStore(_database);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = true }.ConnectionString;
        Check(_sqlite);
        var expected = CustomerPopulation.Shared.Customers.Count(CandidateDates.IsSatisfiedBy);
        if (HandWrittenSqlCandidateDates() != expected)
        {
            throw new InvalidOperationException($"The hand-written query does not find the {expected} customers the population has.");
        }
    }

    /// <summary>Releases the SQLite connections.</summary>
    [GlobalCleanup]
    public void Cleanup() => _database?.Dispose();

    /// <summary>The in-memory store: every customer checked against the dates.</summary>
    /// <returns>How many customers were read.</returns>
    [Benchmark(Baseline = true)]
    public Task<int> InMemoryCandidateDates() => CountAsync(_memory, CandidateDates);

    /// <summary>SQLite: the index probed once per date, the rows found deserialized and checked.</summary>
    /// <returns>How many customers were read.</returns>
    [Benchmark]
    public Task<int> SqliteCandidateDates() => CountAsync(_sqlite, CandidateDates);

    /// <summary>The in-memory store, asked for one date.</summary>
    /// <returns>How many customers were read.</returns>
    [Benchmark]
    public Task<int> InMemoryOneDate() => CountAsync(_memory, OneDate);

    /// <summary>SQLite, asked for one date.</summary>
    /// <returns>How many customers were read.</returns>
    [Benchmark]
    public Task<int> SqliteOneDate() => CountAsync(_sqlite, OneDate);

    /// <summary>The peer: one statement, every match at once, deserialized and checked (see the class remarks).</summary>
    /// <returns>How many customers were read.</returns>
    [Benchmark]
    public int HandWrittenSqlCandidateDates()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        var conditions = new List<string>();
        foreach (var date in CandidateDates.Dates)
        {
            var n = conditions.Count;
            conditions.Add(string.Create(CultureInfo.InvariantCulture, $"(birth_month = $m{n} AND birth_day = $d{n})"));
            command.Parameters.AddWithValue(string.Create(CultureInfo.InvariantCulture, $"$m{n}"), date.Month);
            command.Parameters.AddWithValue(string.Create(CultureInfo.InvariantCulture, $"$d{n}"), date.Day);
        }

        command.CommandText = $"SELECT version, document FROM customers WHERE {string.Join(" OR ", conditions)} ORDER BY sort_key;";
        using var reader = command.ExecuteReader();
        var count = 0;
        while (reader.Read())
        {
            var customer = StorageJson.Deserialize<Customer>(reader.GetString(1)) with { Version = reader.GetInt64(0) };
            count += CandidateDates.IsSatisfiedBy(customer) ? 1 : 0;
        }

        return count;
    }

    private static async Task<int> CountAsync(ICustomerStore store, BirthdaySpecification specification)
    {
        var count = 0;
        await foreach (var customer in store.StreamAsync(specification))
        {
            count += customer.Birthday.HasValue ? 1 : 0;
        }

        return count;
    }

    /// <summary>Both queries must find what the specification finds in the population itself.</summary>
    private static void Check(ICustomerStore store)
    {
        foreach (var specification in new[] { CandidateDates, OneDate })
        {
            var expected = CustomerPopulation.Shared.Customers.Count(specification.IsSatisfiedBy);
            var found = CountAsync(store, specification).GetAwaiter().GetResult();
            if (found != expected || expected == 0)
            {
                throw new InvalidOperationException($"{store.GetType().Name} found {found} customers for {specification.Dates.Count} dates; the population has {expected}.");
            }
        }
    }
}
