using System.Globalization;
using CustomerCare.Customers;
using CustomerCare.PostgreSql.Tests.Infrastructure;
using CustomerCare.Segments;
using CustomerCare.Segments.Rules;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using CustomerCare.Storage.InMemory;
using CustomerCare.Testing;
using NodaTime;

namespace CustomerCare.PostgreSql.Tests;

/// <summary>Specifications translated to SQL return exactly what the in-memory store returns, whatever the values hold.</summary>
public sealed class SpecificationTranslationTests
{
    private static readonly Instant AsOf = Instant.FromUtc(2026, 11, 22, 9, 0);

    // Values chosen to break SQL built from text: quotes, LIKE wildcards, backslashes, Turkish letters.
    private static readonly string[] HostileTexts = ["O'Brien", "%", "_", "a\\b", "İstanbul", "ıspir", "Şule", "ğ'; DROP TABLE customers; --"];

    public static TheoryData<string> Rules { get; } =
    [
        "orders >= 2",
        "orders >= 1 and total_spend > 150",
        "returns = 0 or reviews > 1",
        "orders between 1 and 3",
        "orders in [0, 2, 5]",
        "not (orders > 1)",
        "city = 'İstanbul'",
        "city = 'O''Brien' or tag = 'vip'",
        "city starts with '%'",
        "city contains '_' or city contains 'a\\b'",
        "tag = 'ğ''; DROP TABLE customers; --' or orders > 3",
        "birthday_month = 2 and orders >= 0",
    ];

    [SkippableTheory]
    [MemberData(nameof(Rules))]
    public async Task SegmentSpecification_ListCountStream_MatchTheInMemoryStore_UnderTurkishCulture(string rule)
    {
        Skip.If(TestDatabase.ConnectionString is null, $"{TestDatabase.Variable} is not set.");
        await using var test = await TestDatabase.CreateAsync();
        var (postgres, memory) = await SeedAsync(test, Population(40, seed: 7));
        var specification = SegmentRule.Parse(rule).ToSpecification(AsOf);

        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("tr-TR");
        try
        {
            Assert.Equal(Ids(await memory.ListAsync(specification)), Ids(await postgres.ListAsync(specification)));
            Assert.Equal(await memory.CountAsync(specification), await postgres.CountAsync(specification));
            Assert.Equal(Ids(await memory.ListAsync(specification)), Ids(await CollectAsync(postgres.StreamAsync(specification))));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [SkippableFact]
    public async Task BirthdaySpecification_ReadsOnlyTheDays_AndMatchesTheInMemoryStore()
    {
        Skip.If(TestDatabase.ConnectionString is null, $"{TestDatabase.Variable} is not set.");
        await using var test = await TestDatabase.CreateAsync();
        var (postgres, memory) = await SeedAsync(test, Population(60, seed: 11));
        var specification = new BirthdaySpecification([new AnnualDate(2, 29), new AnnualDate(2, 28), new AnnualDate(3, 1)]);
        var paged = new Specification<Customer>(q => q.Take(5).Skip(2));

        Assert.Equal(Ids(await memory.ListAsync(specification)), Ids(await postgres.ListAsync(specification)));
        Assert.Equal(await memory.CountAsync(specification), await postgres.CountAsync(specification));
        Assert.Equal(Ids(await memory.ListAsync(paged)), Ids(await postgres.ListAsync(paged)));
        Assert.Contains("customers_birthday", await ExplainAsync(test, specification), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task CampaignLookups_MatchTheInMemoryStore()
    {
        Skip.If(TestDatabase.ConnectionString is null, $"{TestDatabase.Variable} is not set.");
        await using var test = await TestDatabase.CreateAsync();
        var signedUp = new CustomerBuilder("late").SignedUpAt(AsOf - Duration.FromDays(3)).Build();
        var (postgres, memory) = await SeedAsync(test, [.. Population(60, seed: 5), signedUp]);
        ISpecification<Customer>[] specifications =
        [
            new WithoutOrderSpecification(AsOf - Duration.FromDays(30), AsOf),
            new WithoutOrderSpecification(Instant.MinValue, Instant.MaxValue),
            new LastOrderUntilSpecification(AsOf - Duration.FromDays(200)),
            new LastOrderUntilSpecification(Instant.MaxValue),
        ];

        foreach (var specification in specifications)
        {
            var expected = Ids(await memory.ListAsync(specification));
            Assert.NotEmpty(expected);
            Assert.Equal(expected, Ids(await postgres.ListAsync(specification)));
            Assert.Equal(expected.Length, (int)await postgres.CountAsync(specification));
            Assert.Equal(expected, Ids(await CollectAsync(postgres.StreamAsync(specification))));
        }
    }

    [SkippableFact]
    public async Task RandomRules_AgreeWithTheInMemoryStore()
    {
        Skip.If(TestDatabase.ConnectionString is null, $"{TestDatabase.Variable} is not set.");
        await using var test = await TestDatabase.CreateAsync();
        var (postgres, memory) = await SeedAsync(test, Population(50, seed: 3));
        var fields = new[] { "orders", "total_spend", "returns", "reviews", "cancellations", "refunded_total" };
        var operators = new[] { "=", "!=", "<", "<=", ">", ">=" };
        var random = new Random(20261122);
        for (var i = 0; i < 40; i++)
        {
            string Condition() => random.Next(4) == 0
                ? $"{ConsentFieldNames[random.Next(ConsentFieldNames.Length)]} {(random.Next(2) == 0 ? "=" : "!=")} {(random.Next(2) == 0 ? "true" : "false")}"
                : string.Create(CultureInfo.InvariantCulture, $"{fields[random.Next(fields.Length)]} {operators[random.Next(operators.Length)]} {random.Next(0, 400)}");
            var text = random.Next(3) switch
            {
                0 => Condition(),
                1 => $"{Condition()} and {Condition()}",
                _ => $"({Condition()} or {Condition()}) and not ({Condition()})",
            };
            var specification = SegmentRule.Parse(text).ToSpecification(AsOf);

            var expected = Ids(await memory.ListAsync(specification));
            var actual = Ids(await postgres.ListAsync(specification));
            Assert.True(expected.AsEnumerable().SequenceEqual(actual), $"Rule '{text}' differs from the in-memory store.");
        }
    }

    private static readonly string[] ConsentFieldNames = [.. SegmentFields.All.Select(f => f.Name).Where(n => n.StartsWith("consent_", StringComparison.Ordinal))];

    private static async Task<string> ExplainAsync(TestDatabase test, BirthdaySpecification specification)
    {
        var pairs = string.Join(" OR ", specification.Dates.Select(d => string.Create(CultureInfo.InvariantCulture, $"(birth_month = {d.Month} AND birth_day = {d.Day})")));
        return await test.PlanAsync("customers", $"SELECT id FROM \"{test.Schema}\".customers WHERE {pairs}");
    }

    private static async Task<(ICustomerStore Postgres, ICustomerStore Memory)> SeedAsync(TestDatabase test, Customer[] customers)
    {
        var postgres = new PostgreSqlCustomerStore(test.Database);
        var memory = new InMemoryCustomerStore();
        var changes = new CustomerChangeSet { Customers = customers.Select(c => new VersionedWrite<Customer>(c, 0)).ToArray() };
        Assert.True((await postgres.CommitAsync(changes)).IsCommitted);
        Assert.True((await memory.CommitAsync(changes)).IsCommitted);
        return (postgres, memory);
    }

    private static Customer[] Population(int count, int seed)
    {
        var random = new Random(seed);
        var builder = new CustomerBuilder();
        return Enumerable.Range(0, count).Select(i =>
        {
            var stats = new PurchaseStats(Currency.TRY);
            for (var o = random.Next(0, 5); o > 0; o--)
            {
                stats = stats.WithOrderPlaced(new Money(random.Next(10, 200), Currency.TRY), AsOf - Duration.FromDays(random.Next(1, 400)));
            }

            var month = random.Next(1, 13);
            var day = month == 2 ? random.Next(27, 30) : random.Next(1, 29);
            return builder.WithId(string.Create(CultureInfo.InvariantCulture, $"c-{i}"))
                .InCity(HostileTexts[random.Next(HostileTexts.Length)])
                .WithTags(random.Next(2) == 0 ? ["vip"] : [HostileTexts[random.Next(HostileTexts.Length)]])
                .BornOn(month, day)
                .WithStats(stats with { ReturnsCount = random.Next(0, 3) })
                .WithEngagement(EngagementCounters.None with { ReviewCount = random.Next(0, 4) })
                .Build() with
            { Consents = CustomerCare.Privacy.Consent.ConsentState.FromMask(random.Next(CustomerCare.Privacy.Consent.ConsentState.AllMask + 1)) };
        }).ToArray();
    }

    private static async Task<List<Customer>> CollectAsync(IAsyncEnumerable<Customer> customers)
    {
        var list = new List<Customer>();
        await foreach (var customer in customers)
        {
            list.Add(customer);
        }

        return list;
    }

    private static string[] Ids(IEnumerable<Customer> customers) => [.. customers.Select(c => c.Id.Value)];
}
