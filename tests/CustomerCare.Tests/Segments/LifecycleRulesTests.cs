using CustomerCare.Segments;
using CustomerCare.Segments.Lifecycle;

namespace CustomerCare.Tests.Segments;

public sealed class LifecycleRulesTests
{
    private static readonly SegmentOptions Options = new() { NewCustomerDays = 30, ActiveDays = 90, AtRiskDays = 180 };

    [Theory]
    [InlineData(0, null, null, 10, LifecycleStage.New)]
    [InlineData(0, null, null, 30, LifecycleStage.New)]
    [InlineData(0, null, null, 31, LifecycleStage.Prospect)]
    [InlineData(1, 30, 30, 400, LifecycleStage.New)]
    [InlineData(2, 31, 5, 400, LifecycleStage.Active)]
    [InlineData(2, 300, 90, 400, LifecycleStage.Active)]
    [InlineData(2, 300, 91, 400, LifecycleStage.AtRisk)]
    [InlineData(2, 300, 180, 400, LifecycleStage.AtRisk)]
    [InlineData(2, 300, 181, 400, LifecycleStage.Lapsed)]
    public void Decide_FollowsTheThresholdsInclusively(int orders, int? sinceFirst, int? sinceLast, int sinceSignUp, LifecycleStage expected)
    {
        Assert.Equal(expected, LifecycleRules.Decide(orders, sinceFirst, sinceLast, sinceSignUp, Options));
    }

    [Fact]
    public void Options_ThresholdsOutOfOrder_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SegmentOptions { ActiveDays = 200, AtRiskDays = 100 }.Validate());
    }
}
