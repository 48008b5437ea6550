using CustomerCare.Customers;
using CustomerCare.Text;
using NodaTime;

namespace CustomerCare.Benchmarks.Segments;

/// <summary>
/// The baseline: the five fields of the benchmark rule projected by hand into plain arrays, in the same layout our
/// compiled rule reads (a byte per age band, interned city ids, decimals, ints and day numbers), and the rule written
/// as a plain C# loop over them.
/// </summary>
internal sealed class HandColumns
{
    private const int NoDay = int.MinValue;
    private const int WithinDays = 90;
    private const byte From25To34 = (byte)global::CustomerCare.Customers.AgeBand.From25To34;
    private const byte From35To44 = (byte)global::CustomerCare.Customers.AgeBand.From35To44;

    private HandColumns(int count)
    {
        AgeBand = new byte[count];
        CityId = new int[count];
        Spend = new decimal[count];
        Orders = new int[count];
        LastOrderDay = new int[count];
        Today = new int[count];
        InCitySet = [];
    }

    public byte[] AgeBand { get; }

    /// <summary>An id per distinct city, -1 without one.</summary>
    public int[] CityId { get; }

    /// <summary>Whether each distinct city is İstanbul or Ankara, decided once per city.</summary>
    public bool[] InCitySet { get; private set; }

    public decimal[] Spend { get; }

    public int[] Orders { get; }

    public int[] LastOrderDay { get; }

    public int[] Today { get; }

    /// <summary>Projects the five fields by hand.</summary>
    /// <param name="customers">The customers.</param>
    /// <param name="asOf">The instant "today" is taken at, in each customer's zone.</param>
    /// <returns>The columns.</returns>
    public static HandColumns Project(IReadOnlyList<Customer> customers, Instant asOf)
    {
        var columns = new HandColumns(customers.Count);
        var cityIds = new Dictionary<string, int>(TurkishInvariantComparer.Instance);
        var cities = new List<string>();
        DateTimeZone? zone = null;
        var today = 0;
        for (var i = 0; i < customers.Count; i++)
        {
            var customer = customers[i];
            columns.AgeBand[i] = (byte)customer.AgeBand;
            if (customer.City is { } city)
            {
                if (!cityIds.TryGetValue(city, out var id))
                {
                    id = cities.Count;
                    cityIds.Add(city, id);
                    cities.Add(city);
                }

                columns.CityId[i] = id;
            }
            else
            {
                columns.CityId[i] = -1;
            }

            columns.Spend[i] = customer.Stats.TotalSpend.Amount;
            columns.Orders[i] = customer.Stats.OrderCount;
            columns.LastOrderDay[i] = customer.Stats.LastOrderAt is { } last ? last.InZone(customer.TimeZone).Date.ToDateOnly().DayNumber : NoDay;

            // Customers mostly share a zone, so "today" is recomputed only when the zone changes.
            if (customer.TimeZone != zone)
            {
                zone = customer.TimeZone;
                today = asOf.InZone(zone).Date.ToDateOnly().DayNumber;
            }

            columns.Today[i] = today;
        }

        columns.InCitySet = [.. cities.Select(c => TurkishInvariantComparer.Instance.Equals(c, "İstanbul") || TurkishInvariantComparer.Instance.Equals(c, "Ankara"))];
        return columns;
    }

    /// <summary>
    /// The hand-written rule: sets bit i of <paramref name="bits"/> for each member, conditions in the rule's order so
    /// both short-circuit alike.
    /// </summary>
    /// <param name="bits">⌈n/64⌉ words, cleared first.</param>
    public void Scan(ulong[] bits)
    {
        Array.Clear(bits);
        var (ageBand, cityId, inCitySet, spend, orders, lastOrderDay, today) = (AgeBand, CityId, InCitySet, Spend, Orders, LastOrderDay, Today);
        for (var i = 0; i < ageBand.Length; i++)
        {
            var band = ageBand[i];
            if ((band == From25To34 || band == From35To44)
                && cityId[i] >= 0 && inCitySet[cityId[i]]
                && spend[i] >= 1000m
                && orders[i] >= 3
                && lastOrderDay[i] != NoDay && lastOrderDay[i] <= today[i] && lastOrderDay[i] >= today[i] - WithinDays)
            {
                bits[i >> 6] |= 1UL << (i & 63);
            }
        }
    }

    /// <summary>How many bits are set.</summary>
    /// <param name="bits">The bit set.</param>
    /// <returns>The count.</returns>
    public static int PopCount(ulong[] bits)
    {
        var count = 0;
        foreach (var word in bits)
        {
            count += System.Numerics.BitOperations.PopCount(word);
        }

        return count;
    }
}
