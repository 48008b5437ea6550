namespace CustomerCare.Segments.Rfm;

/// <summary>Finds chosen order statistics (the k-th smallest values) without sorting everything.</summary>
internal static class OrderStatistics
{
    /// <summary>
    /// Rearranges <paramref name="values"/> so that, for each rank r in <paramref name="ranks"/>, values[r] is the value
    /// a full ascending sort would put there. Expected O(n) per rank, on shrinking ranges.
    /// </summary>
    public static void Select<T>(Span<T> values, ReadOnlySpan<int> ranks)
        where T : IComparable<T>
    {
        var low = 0;
        Span<int> sorted = stackalloc int[ranks.Length];
        ranks.CopyTo(sorted);
        sorted.Sort();
        foreach (var rank in sorted)
        {
            if (rank < low)
            {
                continue;
            }

            SelectOne(values, low, values.Length - 1, rank);
            // Everything left of the selected rank is no greater, so the next (larger) rank lies to its right.
            low = rank + 1;
        }
    }

    private static void SelectOne<T>(Span<T> values, int low, int high, int rank)
        where T : IComparable<T>
    {
        while (high > low)
        {
            var pivot = MedianOfThree(values, low, (int)(((uint)low + (uint)high) >> 1), high);
            var (lessEnd, greaterStart) = Partition(values, low, high, pivot);
            if (rank < lessEnd)
            {
                high = lessEnd - 1;
            }
            else if (rank >= greaterStart)
            {
                low = greaterStart;
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>Three-way partition: [low, lessEnd) &lt; pivot, [lessEnd, greaterStart) == pivot, [greaterStart, high] &gt; pivot.</summary>
    private static (int LessEnd, int GreaterStart) Partition<T>(Span<T> values, int low, int high, T pivot)
        where T : IComparable<T>
    {
        int lt = low, i = low, gt = high;
        while (i <= gt)
        {
            var c = values[i].CompareTo(pivot);
            if (c < 0)
            {
                (values[lt], values[i]) = (values[i], values[lt]);
                lt++;
                i++;
            }
            else if (c > 0)
            {
                (values[gt], values[i]) = (values[i], values[gt]);
                gt--;
            }
            else
            {
                i++;
            }
        }

        return (lt, gt + 1);
    }

    private static T MedianOfThree<T>(Span<T> values, int a, int b, int c)
        where T : IComparable<T>
    {
        T x = values[a], y = values[b], z = values[c];
        if (x.CompareTo(y) > 0)
        {
            (x, y) = (y, x);
        }

        if (y.CompareTo(z) > 0)
        {
            y = z;
        }

        return x.CompareTo(y) > 0 ? x : y;
    }
}
