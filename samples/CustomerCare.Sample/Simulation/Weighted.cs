using Bogus;

namespace CustomerCare.Sample.Simulation;

/// <summary>Weighted picks from a seeded random source.</summary>
public static class Weighted
{
    /// <summary>Picks an index with probability proportional to its weight.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="random">The seeded random source.</param>
    /// <param name="items">The items; at least one with a positive weight.</param>
    /// <param name="weight">The weight of an item, not negative.</param>
    /// <returns>The index picked.</returns>
    public static int Index<T>(Randomizer random, IReadOnlyList<T> items, Func<T, int> weight)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(weight);
        var total = items.Sum(weight);
        var roll = random.Int(0, total - 1);
        for (var i = 0; i < items.Count; i++)
        {
            roll -= weight(items[i]);
            if (roll < 0)
            {
                return i;
            }
        }

        return items.Count - 1;
    }

    /// <summary>Picks a value with probability proportional to its weight.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="random">The seeded random source.</param>
    /// <param name="choices">Values and weights.</param>
    /// <returns>The value picked.</returns>
    public static T Pick<T>(Randomizer random, params (T Value, int Weight)[] choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return choices[Index(random, choices, c => c.Weight)].Value;
    }
}
