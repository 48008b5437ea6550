using System.Collections.Immutable;
using CustomerCare.Customers;
using CustomerCare.Segments;
using CustomerCare.Segments.Rules;
using NodaTime;

namespace CustomerCare.Tests.Segments;

/// <summary>Random customers and random valid rules over every field, for the differential and round-trip properties.</summary>
internal static class RandomRules
{
    public static readonly Instant AsOf = Instant.FromUtc(2026, 11, 22, 21, 30);

    private static readonly string?[] Cities = ["İstanbul", "istanbul", "ISTANBUL", "Ankara", "İzmir", "Diyarbakır", "Eskişehir", null];
    private static readonly string[] Tags = ["vip", "VIP", "staff", "İndirim", "indirim", "b2b"];
    private static readonly string[] Zones = ["Europe/Istanbul", "America/New_York", "Pacific/Kiritimati", "Asia/Tokyo", "Pacific/Apia"];
    private static readonly string[] Categories = ["Elektronik", "Kitap", "KİTAP", "Giyim"];

    public static List<Customer> Customers(Random random, int count)
    {
        var list = new List<Customer>();
        for (var i = 0; i < count; i++)
        {
            var signedUp = AsOf - Duration.FromHours(random.Next(0, 24 * 900));
            var orders = random.Next(0, 4) == 0 ? 0 : random.Next(1, 40);
            // Last orders cluster in the last 120 days, so that day-boundary conditions (within N days) are often hit exactly.
            var last = orders > 0 ? AsOf - Duration.FromDays(random.Next(0, 120)) - Duration.FromHours(random.Next(0, 24)) : (Instant?)null;
            var first = last is { } l ? l - Duration.FromHours(random.Next(0, 24 * 400)) : (Instant?)null;
            var stats = new PurchaseStats(Currency.TRY)
            {
                OrderCount = orders,
                TotalSpend = new Money(orders * random.Next(0, 500_000) / 100m, Currency.TRY),
                FirstOrderAt = first,
                LastOrderAt = last,
                ReturnsCount = random.Next(0, 3),
                CancelledCount = random.Next(0, 3),
            };
            var engagement = EngagementCounters.None.WithCategoryPurchases(Categories.Where(_ => random.Next(3) == 0).Select(c => (c, random.Next(1, 5)))) with
            {
                EmailOpens = random.Next(0, 50),
                ReviewCount = random.Next(0, 5),
                Subscriptions = ImmutableHashSet.Create(CustomerCare.Text.TurkishInvariantComparer.Instance, Tags.Where(_ => random.Next(4) == 0).ToArray()),
            };
            var birthday = random.Next(5) switch
            {
                0 => (Birthday?)null,
                1 => Birthday.Create(2, 29, random.Next(2) == 0 ? null : 2000),
                _ => Birthday.Create(random.Next(1, 13), random.Next(1, 29), random.Next(3) == 0 ? null : random.Next(1940, 2010)),
            };
            list.Add(new Customer(CustomerId.From("c" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)), new PersonName(random.Next(2) == 0 ? "Işıl" : "Ayşe", random.Next(3) == 0 ? null : "Yılmaz"), signedUp, Currency.TRY)
            {
                City = Cities[random.Next(Cities.Length)],
                Tags = [.. Tags.Where(_ => random.Next(3) == 0)],
                TimeZone = DateTimeZoneProviders.Tzdb[Zones[random.Next(Zones.Length)]],
                Birthday = birthday,
                Gender = (Gender)random.Next(4),
                AgeBand = (AgeBand)random.Next(8),
                IncomeBand = (IncomeBand)random.Next(6),
                Email = random.Next(4) == 0 ? null : EmailAddress.Parse($"user{i}@{(random.Next(2) == 0 ? "example.com" : "ÖRNEK.com.tr")}"),
                Stats = stats,
                Engagement = engagement,
            });
        }

        return list;
    }

    public static Dictionary<CustomerId, ServiceHistory> Histories(Random random, IEnumerable<Customer> customers) =>
        customers.Where(_ => random.Next(3) == 0).ToDictionary(
            c => c.Id,
            _ => new ServiceHistory(random.Next(0, 3), random.Next(2) == 0 ? null : AsOf - Duration.FromDays(random.Next(0, 200)), random.Next(3) == 0 ? null : random.Next(1, 6)));

    public static RuleNode Rule(Random random, int depth = 0)
    {
        var roll = random.Next(10);
        if (depth < 3 && roll < 2)
        {
            return new AndRule(new RuleList<RuleNode>(Enumerable.Range(0, random.Next(2, 4)).Select(_ => Rule(random, depth + 1))));
        }

        if (depth < 3 && roll < 4)
        {
            return new OrRule(new RuleList<RuleNode>(Enumerable.Range(0, random.Next(2, 4)).Select(_ => Rule(random, depth + 1))));
        }

        if (depth < 3 && roll < 5)
        {
            return new NotRule(Rule(random, depth + 1));
        }

        return Condition(random);
    }

    public static RuleCondition Condition(Random random)
    {
        var field = SegmentFields.All[random.Next(SegmentFields.All.Count)];
        var ops = Enum.GetValues<RuleOperator>().Where(o => Allowed(field.Type, o)).ToArray();
        var op = ops[random.Next(ops.Length)];
        var count = op switch
        {
            RuleOperator.IsNull or RuleOperator.IsNotNull => 0,
            RuleOperator.Between => 2,
            RuleOperator.In or RuleOperator.NotIn => random.Next(1, 7),
            _ => 1,
        };
        var operands = Enumerable.Range(0, count).Select(_ => op == RuleOperator.WithinDays ? RuleLiteral.OfNumber(random.Next(0, 121)) : Literal(random, field)).ToArray();
        if (op == RuleOperator.Between && random.Next(4) > 0)
        {
            operands = [.. operands.OrderBy(o => o.Kind == RuleLiteralKind.Date ? o.Date.ToDateOnly().DayNumber : o.Number)];
        }

        return new RuleCondition(field.Name, op, new RuleList<RuleLiteral>(operands));
    }

    private static bool Allowed(SegmentValueType type, RuleOperator op) => type switch
    {
        SegmentValueType.Number or SegmentValueType.Money => op is not (RuleOperator.Contains or RuleOperator.StartsWith or RuleOperator.WithinDays),
        SegmentValueType.Date => op is not (RuleOperator.Contains or RuleOperator.StartsWith or RuleOperator.In or RuleOperator.NotIn),
        SegmentValueType.Text => op is not (RuleOperator.Less or RuleOperator.LessOrEqual or RuleOperator.Greater or RuleOperator.GreaterOrEqual or RuleOperator.Between or RuleOperator.WithinDays),
        SegmentValueType.Choice => op is RuleOperator.Equal or RuleOperator.NotEqual or RuleOperator.In or RuleOperator.NotIn,
        SegmentValueType.Set => op is RuleOperator.Equal or RuleOperator.NotEqual or RuleOperator.In or RuleOperator.NotIn or RuleOperator.Contains or RuleOperator.IsNull or RuleOperator.IsNotNull,
        _ => op is RuleOperator.Equal or RuleOperator.NotEqual,
    };

    private static RuleLiteral Literal(Random random, SegmentField field) => field.Type switch
    {
        SegmentValueType.Number => RuleLiteral.OfNumber(random.Next(4) == 0 ? random.Next(-5, 60) + 0.5m : random.Next(-5, 60)),
        SegmentValueType.Money => RuleLiteral.OfNumber(random.Next(0, 100_000) / 100m),
        SegmentValueType.Date => RuleLiteral.OfDate(new LocalDate(2026, 11, 22).PlusDays(random.Next(2) == 0 ? random.Next(-125, 3) : random.Next(-900, 30))),
        SegmentValueType.Boolean => RuleLiteral.OfBoolean(random.Next(2) == 0),
        SegmentValueType.Choice => RuleLiteral.OfText(field.Choices[random.Next(field.Choices.Count)]),
        SegmentValueType.Set => RuleLiteral.OfText(random.Next(2) == 0 ? Tags[random.Next(Tags.Length)] : Categories[random.Next(Categories.Length)]),
        _ => RuleLiteral.OfText(TextLiteral(random, field.Name)),
    };

    private static string TextLiteral(Random random, string field) => field switch
    {
        "city" => random.Next(3) == 0 ? "ist" : Cities[random.Next(Cities.Length)] ?? "Bursa",
        "given_name" => random.Next(2) == 0 ? "IŞIL" : "ay",
        "email_domain" => random.Next(2) == 0 ? "örnek.com.tr" : "EXAMPLE.COM",
        "time_zone" => Zones[random.Next(Zones.Length)],
        "top_category" => Categories[random.Next(Categories.Length)],
        _ => random.Next(2) == 0 ? "c0001" : "yılmaz",
    };
}
