using CustomerCare.Segments.Rfm;

namespace CustomerCare.Tests.Segments;

public sealed class RfmScorerTests
{
    // Sorted: 1 1 2 3 3 4 5 5 6 9. Expected values worked by hand from the definitions, and equal to R's
    // quantile(x, c(.2, .4, .6, .8), type = 1) and type = 7.
    private static readonly decimal[] Sample = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];

    [Theory]
    [InlineData(QuantileMethod.NearestRank, new[] { 1.0, 3.0, 4.0, 5.0 })]
    [InlineData(QuantileMethod.Interpolated, new[] { 1.8, 3.0, 4.4, 5.2 })]
    public void CutPoints_OnAFixedSample_MatchTheIndependentComputation(QuantileMethod method, double[] expected)
    {
        var sorted = Sample.Order().ToArray();

        var cuts = new[] { 0.2m, 0.4m, 0.6m, 0.8m }.Select(p => RfmScorer.Quantile(sorted, p, method));

        Assert.Equal(expected.Select(e => (decimal)e), cuts);
    }

    [Theory]
    [InlineData(QuantileMethod.NearestRank, 0.0, 1)]
    [InlineData(QuantileMethod.NearestRank, 1.0, 9)]
    [InlineData(QuantileMethod.Interpolated, 0.0, 1)]
    [InlineData(QuantileMethod.Interpolated, 1.0, 9)]
    [InlineData(QuantileMethod.Interpolated, 0.5, 3.5)]
    public void Quantile_Ends_AreTheMinimumAndMaximum(QuantileMethod method, double p, double expected)
    {
        Assert.Equal((decimal)expected, RfmScorer.Quantile(Sample.Order().ToArray(), (decimal)p, method));
    }

    [Fact]
    public void Score_FrequencyAndMonetary_CountCutPointsBelowTheValue_AndTiesScoreEqually()
    {
        var orders = Sample.Select(v => (int)v).ToArray();
        var days = orders.Select(o => 10 * o).ToArray();

        var scores = RfmScorer.Score(days, orders, Sample, QuantileMethod.NearestRank);

        // Cuts 1, 3, 4, 5: value 1 → 1, 3 → 2, 4 → 3, 5 → 4, 6 and 9 → 5; both 1s and both 5s get equal scores.
        Assert.Equal(new byte[] { 2, 1, 3, 1, 4, 5, 2, 5, 4, 2 }, scores.Frequency);
        Assert.Equal(scores.Frequency, scores.Monetary);
        // Recency is reversed: the fewest days score 5.
        Assert.Equal(new byte[] { 4, 5, 3, 5, 2, 1, 4, 1, 2, 4 }, scores.Recency);
    }

    [Fact]
    public void Score_CustomersWithoutOrders_AreLeftOutOfThePopulationAndScoreZero()
    {
        var scores = RfmScorer.Score([5, 0, 7], [2, 0, 1], [100m, 0m, 50m], QuantileMethod.NearestRank);

        Assert.Equal(2, scores.CutPoints.Population);
        Assert.Equal(0, scores.Recency[1]);
        Assert.Equal((byte)RfmSegment.None, scores.Segment[1]);
    }

    [Fact]
    public void Score_InputOrder_DoesNotChangeAnyonesScore()
    {
        var random = new Random(7);
        var orders = Enumerable.Range(0, 500).Select(_ => random.Next(1, 8)).ToArray();
        var days = Enumerable.Range(0, 500).Select(_ => random.Next(0, 60)).ToArray();
        var spend = Enumerable.Range(0, 500).Select(_ => random.Next(0, 20) * 50m).ToArray();
        var permutation = Enumerable.Range(0, 500).OrderBy(_ => random.Next()).ToArray();

        var original = RfmScorer.Score(days, orders, spend, QuantileMethod.Interpolated);
        var shuffled = RfmScorer.Score(permutation.Select(i => days[i]).ToArray(), permutation.Select(i => orders[i]).ToArray(), permutation.Select(i => spend[i]).ToArray(), QuantileMethod.Interpolated);

        for (var k = 0; k < permutation.Length; k++)
        {
            Assert.Equal(original.Recency[permutation[k]], shuffled.Recency[k]);
            Assert.Equal(original.Monetary[permutation[k]], shuffled.Monetary[k]);
        }
    }

    [Theory]
    [InlineData(5, 5, RfmSegment.Champions)]
    [InlineData(4, 4, RfmSegment.Champions)]
    [InlineData(3, 5, RfmSegment.Loyal)]
    [InlineData(5, 3, RfmSegment.Loyal)]
    [InlineData(2, 4, RfmSegment.AtRisk)]
    [InlineData(1, 3, RfmSegment.AtRisk)]
    [InlineData(5, 1, RfmSegment.New)]
    [InlineData(4, 2, RfmSegment.New)]
    [InlineData(1, 2, RfmSegment.Lost)]
    [InlineData(3, 2, RfmSegment.Hibernating)]
    [InlineData(2, 1, RfmSegment.Hibernating)]
    [InlineData(0, 0, RfmSegment.None)]
    public void SegmentOf_PartitionsTheGrid(int recency, int frequency, RfmSegment expected)
    {
        Assert.Equal(expected, RfmScorer.SegmentOf(recency, frequency));
    }
}
