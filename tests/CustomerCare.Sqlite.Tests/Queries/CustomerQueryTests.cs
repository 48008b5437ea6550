using System.Globalization;
using CustomerCare.Customers;
using CustomerCare.Segments;
using CustomerCare.Segments.Rules;
using CustomerCare.Specifications;
using CustomerCare.Sqlite.Internal;
using CustomerCare.Storage;
using CustomerCare.Storage.InMemory;
using CustomerCare.Testing;
using NodaTime;

namespace CustomerCare.Sqlite.Tests.Queries;

public sealed class CustomerQueryTests
{
    private static readonly Instant AsOf = Instant.FromUtc(2026, 11, 22, 9, 0);
    private static readonly string[] Cities = ["İstanbul", "istanbul", "ISTANBUL", "Iğdır", "ığdır", "Şanlıurfa", "O'Brien", "100%", "a_b", @"back\slash", "'; DROP TABLE customers; --"];

    [Fact]
    public async Task BirthdayQuery_ReadsTheBirthdayIndex_NotTheWholeTable()
    {
        await using var temp = new TempDatabase();
        var filter = CustomerQueryTranslator.Translate(new BirthdaySpecification([new AnnualDate(2, 28), new AnnualDate(2, 29)]));
        var plan = await QueryPlan.StepsAsync(temp, "customers", filter.Sql, filter.Bind);

        Assert.Contains(plan, step => step.Contains("USING INDEX customers_birthday", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN customers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BirthdayQuery_ReturnsExactlyThoseBornOnTheDates()
    {
        await using var temp = new TempDatabase();
        var store = new SqliteCustomerStore(temp.Database);
        var builder = new CustomerBuilder();
        Customer[] customers =
        [
            builder.WithId("c-leap").BornOn(2000, 2, 29).Build(),
            builder.WithId("c-feb28").BornOn(2, 28).Build(),
            builder.WithId("c-mar1").BornOn(3, 1).Build(),
            builder.WithId("c-none").Build(),
        ];
        await store.CommitAsync(new CustomerChangeSet { Customers = [.. customers.Select(c => new VersionedWrite<Customer>(c, 0))] });
        var specification = new BirthdaySpecification([new AnnualDate(2, 28), new AnnualDate(2, 29)]);

        Assert.Equal(["c-feb28", "c-leap"], (await store.ListAsync(specification)).Select(c => c.Id.Value));
        Assert.Equal(2, await store.CountAsync(specification));
        Assert.Equal(0, await store.CountAsync(new BirthdaySpecification([])));
    }

    [Theory]
    [InlineData("city = 'İSTANBUL'")]
    [InlineData("city = 'O''Brien'")]
    [InlineData("city in ['100%', 'a_b']")]
    [InlineData("city = 'a%'")]
    [InlineData("city = '_'")]
    [InlineData(@"city = 'back\slash'")]
    [InlineData("city = '''; DROP TABLE customers; --'")]
    [InlineData("city != 'ığdır'")]
    [InlineData("not (city in ['şanlıurfa', 'iğdir'])")]
    public async Task HostileAndTurkishValues_AreParameters_AndMatchLikeTheInMemoryEngine(string rule)
    {
        await using var temp = new TempDatabase();
        var (sqlite, memory) = await PopulateAsync(temp, Population(new Random(7), 40));
        var specification = SegmentRule.Parse(rule).ToSpecification(AsOf);

        Assert.DoesNotContain("'", CustomerQueryTranslator.Translate(specification).Sql, StringComparison.Ordinal);
        await AssertSameAsync(sqlite, memory, specification, rule);
        Assert.Equal(await memory.CountAsync(new Specification<Customer>()), await sqlite.CountAsync(new Specification<Customer>()));
    }

    [Fact]
    public async Task RandomRules_GiveTheInMemoryStoresResults_UnderTurkishCulture()
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("tr-TR");
        try
        {
            await RandomRulesAsync();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    private static async Task RandomRulesAsync()
    {
        await using var temp = new TempDatabase(o => o.BatchSize = 16);
        var random = new Random(20261122);
        var (sqlite, memory) = await PopulateAsync(temp, Population(random, 60));
        var translated = 0;

        for (var i = 0; i < 60; i++)
        {
            var root = RandomRule(random, depth: 0);
            var specification = SegmentRule.FromTree(root).ToSpecification(AsOf);
            translated += CustomerQueryTranslator.Translate(specification).Sql == "1" ? 0 : 1;
            await AssertSameAsync(sqlite, memory, specification, root.ToString());
        }

        // The comparison must exercise the SQL translation, not only the in-memory fallback.
        Assert.InRange(translated, 20, 60);
    }

    private static async Task AssertSameAsync(SqliteCustomerStore sqlite, InMemoryCustomerStore memory, ISpecification<Customer> specification, string rule)
    {
        var expected = (await memory.ListAsync(specification)).Select(c => c.Id.Value).ToArray();
        var listed = (await sqlite.ListAsync(specification)).Select(c => c.Id.Value).ToArray();
        var streamed = new List<string>();
        await foreach (var customer in sqlite.StreamAsync(specification))
        {
            streamed.Add(customer.Id.Value);
        }

        Assert.True(expected.SequenceEqual(listed), $"ListAsync of '{rule}': expected [{string.Join(", ", expected)}], got [{string.Join(", ", listed)}].");
        Assert.True(expected.SequenceEqual(streamed), $"StreamAsync of '{rule}': expected [{string.Join(", ", expected)}], got [{string.Join(", ", streamed)}].");
        Assert.True(expected.Length == await sqlite.CountAsync(specification), $"CountAsync of '{rule}' differs from {expected.Length}.");
    }

    private static RuleNode RandomRule(Random random, int depth)
    {
        var pick = depth >= 3 ? 3 + random.Next(7) : random.Next(10);
        return pick switch
        {
            0 => new AndRule([RandomRule(random, depth + 1), RandomRule(random, depth + 1)]),
            1 => new OrRule([RandomRule(random, depth + 1), RandomRule(random, depth + 1)]),
            2 => new NotRule(RandomRule(random, depth + 1)),
            3 or 4 => NumberCondition(random),
            5 => TextCondition(random),
            6 => new RuleCondition("days_since_signup", RuleOperator.Greater, [RuleLiteral.OfNumber(random.Next(0, 900))]),
            7 => new RuleCondition(random.Next(2) == 0 ? "birth_year" : "birthday_month", random.Next(2) == 0 ? RuleOperator.IsNull : RuleOperator.IsNotNull, []),
            8 => ConsentCondition(random),
            _ => new RuleCondition("tag", RuleOperator.Contains, [RuleLiteral.OfText(random.Next(2) == 0 ? "vip" : "VİP")]),
        };
    }

    private static RuleCondition NumberCondition(Random random)
    {
        string[] fields = ["orders", "returns", "cancellations", "reviews", "birthday_month", "birthday_day", "birth_year"];
        var field = fields[random.Next(fields.Length)];
        var scale = field switch { "birth_year" => 1990m, "birthday_month" => 1m, "birthday_day" => 1m, _ => 0m };
        RuleLiteral Number() => RuleLiteral.OfNumber(scale + random.Next(0, field == "birth_year" ? 20 : 12) + (random.Next(5) == 0 ? 0.5m : 0m));
        RuleOperator[] operators = [RuleOperator.Equal, RuleOperator.NotEqual, RuleOperator.Less, RuleOperator.LessOrEqual, RuleOperator.Greater, RuleOperator.GreaterOrEqual, RuleOperator.Between, RuleOperator.In, RuleOperator.NotIn];
        var op = operators[random.Next(operators.Length)];
        RuleList<RuleLiteral> operands = op switch
        {
            RuleOperator.Between => [Number(), Number()],
            RuleOperator.In or RuleOperator.NotIn => [Number(), Number(), Number()],
            _ => [Number()],
        };
        return new RuleCondition(field, op, operands);
    }

    /// <summary>A consent field (<c>consent_marketing_email</c> …) against true or false, with = or !=.</summary>
    private static RuleCondition ConsentCondition(Random random)
    {
        var field = ConsentFieldNames[random.Next(ConsentFieldNames.Length)];
        return new RuleCondition(field, random.Next(2) == 0 ? RuleOperator.Equal : RuleOperator.NotEqual, [RuleLiteral.OfBoolean(random.Next(2) == 0)]);
    }

    private static readonly string[] ConsentFieldNames = [.. SegmentFields.All.Select(f => f.Name).Where(n => n.StartsWith("consent_", StringComparison.Ordinal))];

    private static RuleCondition TextCondition(Random random)
    {
        RuleLiteral City() => RuleLiteral.OfText(Cities[random.Next(Cities.Length)]);
        return random.Next(5) switch
        {
            0 => new RuleCondition("city", RuleOperator.Equal, [City()]),
            1 => new RuleCondition("city", RuleOperator.NotEqual, [City()]),
            2 => new RuleCondition("city", RuleOperator.In, [City(), City()]),
            3 => new RuleCondition("city", RuleOperator.NotIn, [City(), City()]),
            _ => new RuleCondition("city", random.Next(2) == 0 ? RuleOperator.IsNull : RuleOperator.IsNotNull, []),
        };
    }

    private static Customer[] Population(Random random, int count)
    {
        var builder = new CustomerBuilder();
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var customer = builder.WithId(string.Create(CultureInfo.InvariantCulture, $"c-{i:D3}-{(char)('a' + random.Next(26))}"))
                .InCity(random.Next(6) == 0 ? null : Cities[random.Next(Cities.Length)])
                .WithTags(random.Next(3) == 0 ? ["vip"] : [])
                .SignedUpAt(AsOf - Duration.FromDays(random.Next(0, 1000)));
            customer = random.Next(4) switch
            {
                0 => customer,
                1 => customer.BornOn(1 + random.Next(12), 1 + random.Next(28)),
                _ => customer.BornOn(1990 + random.Next(20), 1 + random.Next(12), 1 + random.Next(28)),
            };
            var stats = new PurchaseStats(Currency.TRY) { OrderCount = random.Next(12), ReturnsCount = random.Next(4), CancelledCount = random.Next(3) };
            var consents = CustomerCare.Privacy.Consent.ConsentState.FromMask(random.Next(CustomerCare.Privacy.Consent.ConsentState.AllMask + 1));
            return customer.WithStats(stats).WithEngagement(EngagementCounters.None with { ReviewCount = random.Next(6) }).Build() with { Consents = consents };
        })];
    }

    private static async Task<(SqliteCustomerStore Sqlite, InMemoryCustomerStore Memory)> PopulateAsync(TempDatabase temp, Customer[] customers)
    {
        var sqlite = new SqliteCustomerStore(temp.Database);
        var memory = new InMemoryCustomerStore();
        var changes = new CustomerChangeSet { Customers = [.. customers.Select(c => new VersionedWrite<Customer>(c, 0))] };
        Assert.True((await sqlite.CommitAsync(changes)).IsCommitted);
        Assert.True((await memory.CommitAsync(changes)).IsCommitted);
        return (sqlite, memory);
    }
}
