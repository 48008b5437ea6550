using System.Numerics;

namespace CustomerCare.Coupons.Codes;

/// <summary>
/// Draws the random parts of a batch of codes, all distinct. Keys are <see cref="ulong"/> for patterns of up to 64
/// random bits and <see cref="UInt128"/> above, so that a batch of 60-bit codes costs 8 bytes a code.
/// </summary>
internal static class UniqueKeys<TKey>
    where TKey : unmanaged, IBinaryInteger<TKey>
{
    /// <summary>Batches this large check uniqueness by partitions instead of one hash set.</summary>
    public const int PartitionedFrom = 65_536;

    // About this many keys per partition keeps each partition's hash set in the processor's cache.
    private const int KeysPerPartition = 4_096;
    private const int MaxPartitionBits = 16;

    public static TKey[] Draw(RandomBits bits, int randomLength, int count)
    {
        var keys = new TKey[count];
        if (count < PartitionedFrom)
        {
            DrawIntoOneSet(bits, randomLength, keys);
            return keys;
        }

        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = Take(bits, randomLength);
        }

        // Repeats are astronomically rare with a real generator; each round redraws the later copies and checks again.
        var keyBits = randomLength * CouponCodePattern.BitsPerSymbol;
        HashSet<TKey> repeated;
        while ((repeated = FindRepeatedValues(keys, keyBits)).Count > 0)
        {
            var seen = new HashSet<TKey>();
            for (var i = 0; i < keys.Length; i++)
            {
                if (repeated.Contains(keys[i]) && !seen.Add(keys[i]))
                {
                    keys[i] = Take(bits, randomLength);
                }
            }
        }

        return keys;
    }

    private static TKey Take(RandomBits bits, int randomLength) =>
        typeof(TKey) == typeof(ulong)
            ? TKey.CreateTruncating(bits.TakeSymbols64(randomLength))
            : TKey.CreateTruncating(bits.TakeSymbols(randomLength));

    private static void DrawIntoOneSet(RandomBits bits, int randomLength, TKey[] keys)
    {
        var seen = new HashSet<TKey>(keys.Length);
        for (var i = 0; i < keys.Length;)
        {
            var key = Take(bits, randomLength);
            if (seen.Add(key))
            {
                keys[i++] = key;
            }
        }
    }

    /// <summary>
    /// The values that occur more than once. One hash set over millions of keys misses the cache on every insert, so
    /// the keys are first copied into partitions by their top bits (a counting sort pass), and each partition is
    /// checked with a small set that stays in cache.
    /// </summary>
    private static HashSet<TKey> FindRepeatedValues(TKey[] keys, int keyBits)
    {
        var partitionBits = Math.Min(Math.Min(MaxPartitionBits, keyBits), Math.Max(0, BitOperations.Log2((uint)(keys.Length / KeysPerPartition))));
        var shift = keyBits - partitionBits;
        var starts = new int[(1 << partitionBits) + 1];
        foreach (var key in keys)
        {
            starts[int.CreateTruncating(key >>> shift) + 1]++;
        }

        var largest = 0;
        for (var p = 1; p < starts.Length; p++)
        {
            largest = Math.Max(largest, starts[p]);
            starts[p] += starts[p - 1];
        }

        var next = starts[..^1];
        var partitioned = new TKey[keys.Length];
        foreach (var key in keys)
        {
            partitioned[next[int.CreateTruncating(key >>> shift)]++] = key;
        }

        var repeated = new HashSet<TKey>();
        var partition = new HashSet<TKey>(largest);
        for (var p = 0; p + 1 < starts.Length; p++)
        {
            partition.Clear();
            foreach (var key in partitioned.AsSpan(starts[p], starts[p + 1] - starts[p]))
            {
                if (!partition.Add(key))
                {
                    repeated.Add(key);
                }
            }
        }

        return repeated;
    }
}
