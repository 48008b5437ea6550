using System.Globalization;
using CustomerCare.Benchmarks.Segments;
using CustomerCare.Customers;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Benchmarks.PostgreSql;

/// <summary>
/// The customers the storage benchmarks write and query: <see cref="SyntheticPopulation"/> (ages, cities, purchase
/// statistics) plus what a real profile carries besides: an e-mail address, a phone number, a zone (80 % Istanbul),
/// marketing consent, and a birthday for 90 % of them, spread evenly over the 366 annual dates. Same count, same
/// customers, in every process.
/// </summary>
internal static class BenchCustomers
{
    /// <summary>The rows per commit when seeding or importing.</summary>
    public const int BatchSize = 50_000;

    private static readonly string[] GivenNames = ["Ayşe", "Mehmet", "Zeynep", "Mustafa", "Elif", "Ahmet", "Fatma", "İsmail", "Işıl", "Çağrı"];
    private static readonly string[] FamilyNames = ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Arslan", "Doğan"];
    private static readonly DateTimeZone[] OtherZones =
        [.. new[] { "Europe/Berlin", "Europe/London", "Asia/Dubai", "America/New_York", "Asia/Baku" }.Select(id => DateTimeZoneProviders.Tzdb[id])];

    /// <summary>Draws the customers.</summary>
    /// <param name="count">How many.</param>
    /// <returns>The customers, at version 0 (new).</returns>
    public static Customer[] Generate(int count)
    {
        var customers = SyntheticPopulation.Generate(count).ToCustomers();
        var random = new Random(7);
        var leapYear = new LocalDate(2000, 1, 1);
        for (var i = 0; i < customers.Length; i++)
        {
            var c = customers[i];
            var id = "c" + i.ToString("D7", CultureInfo.InvariantCulture);
            var hasBirthday = random.Next(10) != 0;
            var date = leapYear.PlusDays(random.Next(366));
            int? year = random.Next(5) < 3 ? random.Next(1950, 2009) : null;
            if (year is { } y && date.Month == 2 && date.Day == 29 && !DateTime.IsLeapYear(y))
            {
                year = null;
            }
            customers[i] = new Customer(CustomerId.From(id), new PersonName(GivenNames[random.Next(GivenNames.Length)], FamilyNames[random.Next(FamilyNames.Length)]), c.SignedUpAt, Currency.TRY)
            {
                Email = EmailAddress.Parse(id + "@example.com.tr"),
                Phone = PhoneNumber.Parse("+90532" + random.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture)),
                TimeZone = random.Next(5) == 0 ? OtherZones[random.Next(OtherZones.Length)] : TimeZones.Istanbul,
                Birthday = hasBirthday ? Birthday.Create(date.Month, date.Day, year) : null,
                BirthdaySetAt = hasBirthday ? c.SignedUpAt : null,
                Consents = random.Next(10) < 7 ? CustomerCare.Privacy.Consent.ConsentState.None.With(CustomerCare.Privacy.Consent.ConsentPurpose.Marketing, CustomerCare.Privacy.Consent.ConsentChannel.Email, granted: true) : default,
                City = c.City,
                AgeBand = c.AgeBand,
                Stats = c.Stats,
            };
        }

        return customers;
    }

    /// <summary>The customers as change sets of new customers, <see cref="BatchSize"/> each.</summary>
    /// <param name="customers">The customers.</param>
    /// <returns>The change sets.</returns>
    public static CustomerChangeSet[] Batches(IReadOnlyList<Customer> customers) =>
        [.. customers.Chunk(BatchSize).Select(chunk => new CustomerChangeSet { Customers = [.. chunk.Select(c => new VersionedWrite<Customer>(c, 0))] })];

    /// <summary>Commits change sets one after another, each of which must commit.</summary>
    /// <param name="store">The store.</param>
    /// <param name="batches">The change sets.</param>
    /// <returns>How many customers were written.</returns>
    public static async Task<int> CommitAllAsync(ICustomerStore store, IReadOnlyList<CustomerChangeSet> batches)
    {
        var written = 0;
        foreach (var batch in batches)
        {
            var result = await store.CommitAsync(batch);
            if (result.Outcome != CommitOutcome.Committed)
            {
                throw new InvalidOperationException($"A seeding commit did not go through: {result.Outcome} on '{result.ConflictKey}'.");
            }

            written += batch.Customers.Count;
        }

        return written;
    }
}
