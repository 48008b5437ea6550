using CsCheck;
using CustomerCare.Segments.Rfm;

namespace CustomerCare.Tests.Segments;

public sealed class OrderStatisticsTests
{
    [Fact]
    public void Select_PutsEachAskedRankWhereAFullSortWouldPutIt()
    {
        Gen.Select(Gen.Int[0, 40].Array[1, 400], Gen.Int[0, 1000].Array[1, 8]).Sample((values, rankSeeds) =>
        {
            var data = values.Select(v => (decimal)v / 4).ToArray();
            var ranks = rankSeeds.Select(r => r % data.Length).ToArray();
            var sorted = data.Order().ToArray();

            OrderStatistics.Select<decimal>(data, ranks);

            Assert.All(ranks, r => Assert.Equal(sorted[r], data[r]));
            Assert.Equal(sorted, data.Order());
        }, iter: 500);
    }

    [Theory]
    [InlineData(QuantileMethod.NearestRank)]
    [InlineData(QuantileMethod.Interpolated)]
    public void CutPoints_EqualTheQuantilesOfTheFullySortedSample(QuantileMethod method)
    {
        var random = new Random(5);
        var orders = Enumerable.Range(0, 5000).Select(_ => random.Next(0, 30)).ToArray();
        var days = Enumerable.Range(0, 5000).Select(_ => random.Next(0, 800)).ToArray();
        var spend = Enumerable.Range(0, 5000).Select(_ => random.Next(0, 1_000_000) / 100m).ToArray();
        var buyers = Enumerable.Range(0, 5000).Where(i => orders[i] > 0).ToArray();
        decimal[] Expected(IEnumerable<decimal> sample)
        {
            var sorted = sample.Order().ToArray();
            return [.. new[] { 0.2m, 0.4m, 0.6m, 0.8m }.Select(p => RfmScorer.Quantile(sorted, p, method))];
        }

        var cuts = RfmScorer.Score(days, orders, spend, method).CutPoints;

        Assert.Equal(Expected(buyers.Select(i => (decimal)days[i])), cuts.RecencyDays);
        Assert.Equal(Expected(buyers.Select(i => (decimal)orders[i])), cuts.Frequency);
        Assert.Equal(Expected(buyers.Select(i => spend[i])), cuts.Monetary);
    }
}
