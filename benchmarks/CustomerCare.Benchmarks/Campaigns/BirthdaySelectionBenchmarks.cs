using BenchmarkDotNet.Attributes;
using CustomerCare.Campaigns.Birthday;
using CustomerCare.Customers;
using NodaTime;

namespace CustomerCare.Benchmarks.Campaigns;

/// <summary>
/// Selecting whose birthday coupon is due among 1M customers spread over 40 time zones: the library's schedule, which
/// computes "today" once per zone and rejects most birthdays from a table before it reads the zone, beside a
/// hand-written scan that converts the instant into each customer's zone. Both read the same customer array.
/// </summary>
[MemoryDiagnoser]
public class BirthdaySelectionBenchmarks
{
    private const int CustomerCount = 1_000_000;
    private static readonly Instant Now = Instant.FromUtc(2027, 5, 17, 12, 0);
    private readonly BirthdayCampaignOptions _options = new() { RequireConsent = false, CatchUp = Duration.FromDays(1) };
    private Customer[] _customers = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(17);
        var zones = DateTimeZoneProviders.Tzdb.Ids.Where((_, i) => i % 15 == 0).Take(40).Select(id => DateTimeZoneProviders.Tzdb[id]).ToArray();
        var template = new Customer(CustomerId.From("c"), new PersonName("Ayşe"), Now, Currency.TRY);
        _customers = new Customer[CustomerCount];
        for (var i = 0; i < CustomerCount; i++)
        {
            _customers[i] = template with
            {
                TimeZone = zones[random.Next(zones.Length)],
                Birthday = random.Next(10) == 0 ? null : Birthday.Create(random.Next(1, 13), random.Next(1, 29)),
            };
        }

        if (Library() != HandWritten())
        {
            throw new InvalidOperationException($"The two selections disagree: {Library()} against {HandWritten()}.");
        }
    }

    /// <summary>Per customer: convert now into the customer's zone and compare the local date and hour.</summary>
    [Benchmark(Baseline = true)]
    public int HandWritten()
    {
        var due = 0;
        foreach (var customer in _customers)
        {
            if (customer.Birthday is not { } birthday)
            {
                continue;
            }

            var local = Now.InZone(customer.TimeZone).LocalDateTime;
            var date = birthday.InYear(local.Year);
            var issue = date.At(_options.IssueAt).InZoneLeniently(customer.TimeZone).ToInstant();
            if (issue <= Now && Now < issue + _options.CatchUp)
            {
                due++;
            }
        }

        return due;
    }

    /// <summary>
    /// Not a selection: only reads whether each customer has a birthday. It is the memory floor of any scan over the
    /// customer objects (1M of them, a few hundred bytes each), measured in the same run on the same machine.
    /// </summary>
    /// <returns>How many customers have a birthday.</returns>
    [Benchmark]
    public int ReadBirthdaysOnly()
    {
        var count = 0;
        foreach (var customer in _customers)
        {
            count += customer.Birthday.HasValue ? 1 : 0;
        }

        return count;
    }

    /// <summary>The library: a table lookup per customer, and the zone's due dates (computed once per zone) for the few left.</summary>
    [Benchmark]
    public int Library()
    {
        var schedule = new BirthdaySchedule(_options, Now);
        var due = 0;
        foreach (var customer in _customers)
        {
            due += schedule.IsDue(customer, out _, out _) ? 1 : 0;
        }

        return due;
    }
}
