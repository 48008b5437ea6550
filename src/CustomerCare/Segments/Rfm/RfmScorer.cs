namespace CustomerCare.Segments.Rfm;

/// <summary>Scores recency, frequency and monetary value from 1 to 5 by quintiles over the customers who bought.</summary>
/// <remarks>
/// <para>
/// Cut points c1 ≤ c2 ≤ c3 ≤ c4 are the 20/40/60/80 % quantiles of each measure over customers with at least one
/// standing order. Frequency and monetary score 1 + (number of cut points strictly below the value); recency scores
/// 5 − (number of cut points strictly below the days since the last order), so the most recent score 5.
/// </para>
/// <para>Ties are deterministic by construction: equal values always get equal scores, whatever their order.</para>
/// </remarks>
public static class RfmScorer
{
    private static readonly decimal[] Quintiles = [0.2m, 0.4m, 0.6m, 0.8m];

    /// <summary>The quantile of a sorted sample.</summary>
    /// <param name="sorted">The sample, sorted ascending, not empty.</param>
    /// <param name="p">The probability, from 0 to 1.</param>
    /// <param name="method">The method.</param>
    /// <returns>The quantile.</returns>
    public static decimal Quantile(ReadOnlySpan<decimal> sorted, decimal p, QuantileMethod method)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("The sample is empty.", nameof(sorted));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(p);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1m);
        var n = sorted.Length;
        if (method == QuantileMethod.NearestRank)
        {
            var rank = (int)Math.Ceiling(p * n);
            return sorted[Math.Clamp(rank, 1, n) - 1];
        }

        var h = (n - 1) * p;
        var low = (int)decimal.Floor(h);
        return low >= n - 1 ? sorted[n - 1] : sorted[low] + ((h - low) * (sorted[low + 1] - sorted[low]));
    }

    /// <summary>Scores a population.</summary>
    /// <param name="recencyDays">Days since each customer's last order; ignored where <paramref name="orders"/> is 0.</param>
    /// <param name="orders">Each customer's standing orders.</param>
    /// <param name="spend">Each customer's net spend.</param>
    /// <param name="method">The quantile method.</param>
    /// <returns>The scores, with 0 for customers without orders, and the cut points.</returns>
    internal static RfmScores Score(ReadOnlySpan<int> recencyDays, ReadOnlySpan<int> orders, ReadOnlySpan<decimal> spend, QuantileMethod method)
    {
        var n = orders.Length;
        if (recencyDays.Length != n || spend.Length != n)
        {
            throw new ArgumentException("The three measures must have one value per customer.", nameof(orders));
        }

        var buyers = 0;
        foreach (var count in orders)
        {
            buyers += count > 0 ? 1 : 0;
        }

        var r = new decimal[buyers];
        var f = new decimal[buyers];
        var m = new decimal[buyers];
        for (int i = 0, j = 0; i < n; i++)
        {
            if (orders[i] > 0)
            {
                (r[j], f[j], m[j]) = (recencyDays[i], orders[i], spend[i]);
                j++;
            }
        }

        var cuts = new RfmCutPoints(CutPoints(r, method), CutPoints(f, method), CutPoints(m, method), method, buyers);
        var scores = new RfmScores(new byte[n], new byte[n], new byte[n], new byte[n], cuts);
        var (rc, fc, mc) = (Values(cuts.RecencyDays), Values(cuts.Frequency), Values(cuts.Monetary));
        for (var i = 0; i < n; i++)
        {
            if (orders[i] <= 0)
            {
                continue;
            }

            var rs = (byte)(5 - Below(rc, recencyDays[i]));
            var fs = (byte)(1 + Below(fc, orders[i]));
            scores.Recency[i] = rs;
            scores.Frequency[i] = fs;
            scores.Monetary[i] = (byte)(1 + Below(mc, spend[i]));
            scores.Segment[i] = (byte)SegmentOf(rs, fs);
        }

        return scores;
    }

    /// <summary>The named group for recency and frequency scores (see <see cref="RfmSegment"/>).</summary>
    /// <param name="recency">R, 1–5.</param>
    /// <param name="frequency">F, 1–5.</param>
    /// <returns>The group.</returns>
    public static RfmSegment SegmentOf(int recency, int frequency) => (recency, frequency) switch
    {
        ( < 1, _) or (_, < 1) => RfmSegment.None,
        ( >= 4, >= 4) => RfmSegment.Champions,
        ( >= 3, >= 3) => RfmSegment.Loyal,
        (_, >= 3) => RfmSegment.AtRisk,
        ( >= 4, _) => RfmSegment.New,
        (1, _) => RfmSegment.Lost,
        _ => RfmSegment.Hibernating,
    };

    private static decimal[] CutPoints(decimal[] values, QuantileMethod method)
    {
        if (values.Length == 0)
        {
            return [];
        }

        // Only the ranks the quantiles read are put in place; a full sort of a million decimals costs several times more.
        var n = values.Length;
        var ranks = Quintiles.SelectMany(p => RanksFor(n, p, method)).Distinct().ToArray();
        OrderStatistics.Select<decimal>(values, ranks);
        // Quantile reads exactly the ranks that Select put in place, so the partly ordered array serves as a sorted one.
        return [.. Quintiles.Select(p => Quantile(values, p, method))];
    }

    private static IEnumerable<int> RanksFor(int n, decimal p, QuantileMethod method)
    {
        if (method == QuantileMethod.NearestRank)
        {
            return [Math.Clamp((int)Math.Ceiling(p * n), 1, n) - 1];
        }

        var low = (int)decimal.Floor((n - 1) * p);
        return low >= n - 1 ? [n - 1] : [low, low + 1];
    }

    private static decimal[] Values(IReadOnlyList<decimal> cuts) => cuts as decimal[] ?? [.. cuts];

    private static int Below(decimal[] cuts, decimal value)
    {
        var count = 0;
        foreach (var cut in cuts)
        {
            count += cut < value ? 1 : 0;
        }

        return count;
    }
}

/// <summary>RFM scores per customer (0 without orders) and the cut points they came from.</summary>
/// <param name="Recency">R per customer.</param>
/// <param name="Frequency">F per customer.</param>
/// <param name="Monetary">M per customer.</param>
/// <param name="Segment">The <see cref="RfmSegment"/> per customer, as a byte.</param>
/// <param name="CutPoints">The cut points.</param>
internal sealed record RfmScores(byte[] Recency, byte[] Frequency, byte[] Monetary, byte[] Segment, RfmCutPoints CutPoints);
