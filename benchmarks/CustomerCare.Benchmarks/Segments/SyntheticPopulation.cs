using CustomerCare.Customers;
using NodaTime;

namespace CustomerCare.Benchmarks.Segments;

/// <summary>
/// A seeded synthetic population of Turkish customers, as raw columns: the same seed and size always give the same
/// customers, so every benchmark class (and every BenchmarkDotNet process) sees the same data.
/// </summary>
internal sealed class SyntheticPopulation
{
    /// <summary>The instant every benchmark evaluates as of.</summary>
    public static readonly Instant AsOf = Instant.FromUtc(2026, 11, 22, 9, 0);

    /// <summary>City names; null means the customer gave none.</summary>
    public static readonly string?[] Cities =
    [
        "İstanbul", "Ankara", "İzmir", "Bursa", "Antalya", "Konya", "Adana", "Şanlıurfa", "Gaziantep", "Kocaeli",
        "Mersin", "Diyarbakır", "Hatay", "Manisa", "Kayseri", "Samsun", "Balıkesir", "Kahramanmaraş", "Van", "Aydın",
        "Denizli", "Sakarya", "Tekirdağ", "Muğla", "Eskişehir", "Mardin", "Trabzon", "Malatya", "Erzurum", "Ordu", null,
    ];

    // Weights per city, by rough share of online orders: İstanbul dominates.
    private static readonly int[] CityWeights =
        [180, 70, 50, 35, 30, 28, 25, 20, 20, 20, 18, 16, 16, 15, 15, 14, 12, 11, 10, 10, 10, 10, 10, 9, 9, 8, 8, 8, 7, 7, 50];

    // Unknown, <18, 18-24, 25-34, 35-44, 45-54, 55-64, 65+.
    private static readonly int[] AgeBandWeights = [8, 3, 15, 28, 22, 12, 8, 4];

    private SyntheticPopulation(int count)
    {
        Count = count;
        AgeBands = new AgeBand[count];
        CityIndexes = new int[count];
        Orders = new int[count];
        Spend = new decimal[count];
        LastOrderAt = new Instant?[count];
        FirstOrderAt = new Instant?[count];
        SignedUpAt = new Instant[count];
    }

    public int Count { get; }

    public AgeBand[] AgeBands { get; }

    /// <summary>Index into <see cref="Cities"/>.</summary>
    public int[] CityIndexes { get; }

    public int[] Orders { get; }

    public decimal[] Spend { get; }

    public Instant?[] LastOrderAt { get; }

    public Instant?[] FirstOrderAt { get; }

    public Instant[] SignedUpAt { get; }

    /// <summary>Draws a population.</summary>
    /// <param name="count">How many customers.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The population.</returns>
    public static SyntheticPopulation Generate(int count, int seed = 20261122)
    {
        var random = new Random(seed);
        var population = new SyntheticPopulation(count);
        var twoYears = Duration.FromDays(730).TotalSeconds;
        for (var i = 0; i < count; i++)
        {
            population.AgeBands[i] = (AgeBand)Pick(random, AgeBandWeights);
            population.CityIndexes[i] = Pick(random, CityWeights);

            // A quarter never ordered; the rest have a long tail of order counts.
            var orders = random.Next(4) == 0 ? 0 : 1 + (int)Math.Min(29, -Math.Log(1 - random.NextDouble()) * 3);
            population.Orders[i] = orders;
            if (orders == 0)
            {
                population.SignedUpAt[i] = AsOf - Duration.FromSeconds(random.NextDouble() * twoYears);
                continue;
            }

            population.Spend[i] = orders * (random.Next(5_000, 120_000) / 100m);
            var last = AsOf - Duration.FromSeconds(random.NextDouble() * twoYears);
            var first = orders == 1 ? last : last - Duration.FromSeconds(random.NextDouble() * twoYears / 2);
            population.LastOrderAt[i] = last;
            population.FirstOrderAt[i] = first;
            population.SignedUpAt[i] = first - Duration.FromSeconds(random.NextDouble() * twoYears / 4);
        }

        return population;
    }

    /// <summary>The population as library customers, all in Europe/Istanbul.</summary>
    /// <returns>One customer per row.</returns>
    public Customer[] ToCustomers()
    {
        var customers = new Customer[Count];
        var name = new PersonName("Ayşe", "Yılmaz");
        for (var i = 0; i < Count; i++)
        {
            var stats = new PurchaseStats(Currency.TRY) with
            {
                OrderCount = Orders[i],
                TotalSpend = new Money(Spend[i], Currency.TRY),
                FirstOrderAt = FirstOrderAt[i],
                LastOrderAt = LastOrderAt[i],
            };
            customers[i] = new Customer(CustomerId.From("c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)), name, SignedUpAt[i], Currency.TRY)
            {
                City = Cities[CityIndexes[i]],
                AgeBand = AgeBands[i],
                TimeZone = TimeZones.Istanbul,
                Stats = stats,
            };
        }

        return customers;
    }

    /// <summary>Days since each customer's last order, in Europe/Istanbul, as RFM reads them (0 without orders).</summary>
    /// <returns>One value per row.</returns>
    public int[] RecencyDays()
    {
        var today = DayNumber(AsOf);
        var days = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            days[i] = LastOrderAt[i] is { } last ? today - DayNumber(last) : 0;
        }

        return days;
    }

    /// <summary>The day number (<see cref="DateOnly.DayNumber"/>) of an instant in Europe/Istanbul.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The day number.</returns>
    public static int DayNumber(Instant instant) => instant.InZone(TimeZones.Istanbul).Date.ToDateOnly().DayNumber;

    private static int Pick(Random random, int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var k = 0; k < weights.Length; k++)
        {
            roll -= weights[k];
            if (roll < 0)
            {
                return k;
            }
        }

        return weights.Length - 1;
    }
}
