using BenchmarkDotNet.Attributes;
using CustomerCare.Segments.Rfm;

namespace CustomerCare.Benchmarks.Segments;

/// <summary>
/// RFM quintile scoring over 1M synthetic customers (about 750k buyers): our <see cref="RfmScorer"/> beside a
/// hand-written version that sorts the three measures in their own types (int, int, decimal), takes the same cut
/// points and scores each customer by binary search among them. Setup checks that both give every customer the same
/// scores.
/// </summary>
[MemoryDiagnoser]
public class RfmBenchmarks
{
    private const int CustomerCount = 1_000_000;

    private int[] _recencyDays = [];
    private int[] _orders = [];
    private decimal[] _spend = [];

    /// <summary>The quantile method of the cut points.</summary>
    [Params(QuantileMethod.NearestRank, QuantileMethod.Interpolated)]
    public QuantileMethod Method { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var population = SyntheticPopulation.Generate(CustomerCount);
        _recencyDays = population.RecencyDays();
        _orders = population.Orders;
        _spend = population.Spend;

        var ours = RfmScorer.Score(_recencyDays, _orders, _spend, Method);
        var (r, f, m, segment) = ScoreByHand();
        if (!ours.Recency.AsSpan().SequenceEqual(r) || !ours.Frequency.AsSpan().SequenceEqual(f)
            || !ours.Monetary.AsSpan().SequenceEqual(m) || !ours.Segment.AsSpan().SequenceEqual(segment))
        {
            throw new InvalidOperationException($"RfmScorer and the hand-written scoring disagree ({Method}).");
        }

        Console.WriteLine($"// RFM scores agree ({Method}) for {ours.CutPoints.Population} buyers of {CustomerCount}; cut points R {string.Join('/', ours.CutPoints.RecencyDays)}, F {string.Join('/', ours.CutPoints.Frequency)}, M {string.Join('/', ours.CutPoints.Monetary)}.");
    }

    /// <summary>The hand-written floor; returns the RFM segment per customer.</summary>
    [Benchmark(Baseline = true)]
    public byte[] HandWritten() => ScoreByHand().Segment;

    /// <summary>Our scorer; returns the RFM segment per customer.</summary>
    [Benchmark]
    public byte[] RfmScorerScore() => RfmScorer.Score(_recencyDays, _orders, _spend, Method).Segment;

    private (byte[] R, byte[] F, byte[] M, byte[] Segment) ScoreByHand()
    {
        var n = _orders.Length;
        var buyers = 0;
        for (var i = 0; i < n; i++)
        {
            if (_orders[i] > 0)
            {
                buyers++;
            }
        }

        var recency = new int[buyers];
        var frequency = new int[buyers];
        var monetary = new decimal[buyers];
        for (int i = 0, j = 0; i < n; i++)
        {
            if (_orders[i] > 0)
            {
                recency[j] = _recencyDays[i];
                frequency[j] = _orders[i];
                monetary[j] = _spend[i];
                j++;
            }
        }

        Array.Sort(recency);
        Array.Sort(frequency);
        Array.Sort(monetary);
        var recencyCuts = CutPoints(buyers, k => recency[k], Method);
        var frequencyCuts = CutPoints(buyers, k => frequency[k], Method);
        var monetaryCuts = CutPoints(buyers, k => monetary[k], Method);

        var r = new byte[n];
        var f = new byte[n];
        var m = new byte[n];
        var segment = new byte[n];
        for (var i = 0; i < n; i++)
        {
            if (_orders[i] > 0)
            {
                r[i] = (byte)(5 - CountBelow(recencyCuts, _recencyDays[i]));
                f[i] = (byte)(1 + CountBelow(frequencyCuts, _orders[i]));
                m[i] = (byte)(1 + CountBelow(monetaryCuts, _spend[i]));
                segment[i] = (byte)RfmScorer.SegmentOf(r[i], f[i]);
            }
        }

        return (r, f, m, segment);
    }

    /// <summary>The 20/40/60/80 % quantiles of a sorted sample of <paramref name="n"/> values read through <paramref name="at"/>.</summary>
    private static decimal[] CutPoints(int n, Func<int, decimal> at, QuantileMethod method)
    {
        var cuts = new decimal[4];
        for (var k = 1; k <= 4; k++)
        {
            if (method == QuantileMethod.NearestRank)
            {
                // Rank ⌈k·n/5⌉, 1-based.
                var rank = ((k * (long)n) + 4) / 5;
                cuts[k - 1] = at((int)Math.Max(rank, 1) - 1);
            }
            else
            {
                var h = (n - 1) * (k / 5m);
                var low = (int)decimal.Floor(h);
                cuts[k - 1] = low >= n - 1 ? at(n - 1) : at(low) + ((h - low) * (at(low + 1) - at(low)));
            }
        }

        return cuts;
    }

    /// <summary>How many cut points are strictly below the value: the first index whose cut is not below it.</summary>
    private static int CountBelow(decimal[] cuts, decimal value)
    {
        int low = 0, high = cuts.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (cuts[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
