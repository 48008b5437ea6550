using System.Globalization;
using CustomerCare.Customers;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Benchmarks.Sqlite;

/// <summary>
/// One million synthetic customers, the same on every run: ids <c>c0000000</c>… in ordinal order, 40 time zones, a
/// birthday for 90 % (any day of a leap year, so 29 February too; the year for half of them), an e-mail address, a
/// Turkish city for 80 %, marketing consent for 70 %. Built once per process and shared by the SQLite benchmarks.
/// </summary>
/// <remarks>Thread-safe: built under <see cref="Lazy{T}"/>, immutable afterwards.</remarks>
public sealed class CustomerPopulation
{
    /// <summary>
    /// How many customers the storage benchmarks work on: 1,000,000, or <c>CUSTOMERCARE_BENCH_CUSTOMERS</c> when set
    /// (CI's dry smoke sets a small number, since a dry run only checks that the benchmarks work).
    /// </summary>
    public static int Count { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("CUSTOMERCARE_BENCH_CUSTOMERS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : 1_000_000;

    /// <summary>How many customers one <see cref="ICustomerStore.CommitAsync"/> of the import writes.</summary>
    public const int BatchSize = 50_000;

    private static readonly Lazy<CustomerPopulation> Instance = new(() => new CustomerPopulation(Count));
    private static readonly string[] Cities = ["İstanbul", "Ankara", "İzmir", "Bursa", "Antalya", "Konya", "Adana", "Şanlıurfa", "Gaziantep", "Kocaeli", "Mersin", "Diyarbakır", "Kayseri", "Eskişehir", "Iğdır", "Çanakkale"];

    private CustomerPopulation(int count)
    {
        var random = new Random(20261122);
        var signedUpBase = Instant.FromUtc(2020, 1, 1, 0, 0);
        var zones = DateTimeZoneProviders.Tzdb.Ids.Where((_, i) => i % 15 == 0).Take(40).Select(id => DateTimeZoneProviders.Tzdb[id]).ToArray();
        var leapYear = new LocalDate(2024, 1, 1);
        var customers = new Customer[count];
        for (var i = 0; i < count; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"c{i:D7}");
            var day = leapYear.PlusDays(random.Next(366));
            int? year = random.Next(2) == 0 ? null : random.Next(1950, 2006);
            if (year is { } y && day is { Month: 2, Day: 29 })
            {
                year = y - (y % 4);
            }

            customers[i] = new Customer(CustomerId.From(id), new PersonName("Ayşe", "Yılmaz"), signedUpBase + Duration.FromMinutes(random.Next(3_000_000)), Currency.TRY)
            {
                Email = EmailAddress.Parse(id + "@example.com"),
                TimeZone = zones[random.Next(zones.Length)],
                Birthday = random.Next(10) == 0 ? null : Birthday.Create(day.Month, day.Day, year),
                City = random.Next(5) == 0 ? null : Cities[random.Next(Cities.Length)],
                Consents = random.Next(10) < 7 ? CustomerCare.Privacy.Consent.ConsentState.None.With(CustomerCare.Privacy.Consent.ConsentPurpose.Marketing, CustomerCare.Privacy.Consent.ConsentChannel.Email, granted: true) : default,
            };
        }

        Customers = customers;
        Batches = [.. customers.Chunk(BatchSize).Select(chunk => new CustomerChangeSet { Customers = [.. chunk.Select(c => new VersionedWrite<Customer>(c, 0))] })];
    }

    /// <summary>The shared population of <see cref="Count"/> customers.</summary>
    public static CustomerPopulation Shared => Instance.Value;

    /// <summary>The customers, in identifier order.</summary>
    public IReadOnlyList<Customer> Customers { get; }

    /// <summary>The customers as change sets of <see cref="BatchSize"/> new customers each (expected version 0).</summary>
    public IReadOnlyList<CustomerChangeSet> Batches { get; }

    /// <summary>Writes every batch through the store's commit, and fails loudly when one is refused.</summary>
    /// <param name="store">The store to fill; it must not hold these customers yet.</param>
    /// <returns>How many customers were written.</returns>
    /// <exception cref="InvalidOperationException">The store refused a batch.</exception>
    public async Task<int> ImportIntoAsync(ICustomerStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        foreach (var batch in Batches)
        {
            var result = await store.CommitAsync(batch);
            if (result.Outcome != CommitOutcome.Committed)
            {
                throw new InvalidOperationException($"The store refused a batch: {result.Outcome} on {result.ConflictKey}.");
            }
        }

        return Customers.Count;
    }
}
