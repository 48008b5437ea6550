using CustomerCare.Feedback.Reviews;
using CustomerCare.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CustomerCare.Tests.Feedback;

public sealed class ReviewHealthOptionsTests
{
    public static TheoryData<string, Action<ReviewHealthOptions>, string> BadSettings => new()
    {
        { "RecentReviewCount", o => o.RecentReviewCount = 0, "0" },
        { "Window", o => o.Window = Duration.Zero, "0:00:00:00" },
        { "MinimumReviews", o => o.MinimumReviews = 0, "0" },
        { "MinimumReviews", o => (o.RecentReviewCount, o.MinimumReviews) = (10, 11), "11" },
        { "AverageRatingBelow", o => o.AverageRatingBelow = 1m, "1" },
        { "AverageRatingBelow", o => o.AverageRatingBelow = 5.5m, "5.5" },
        { "NegativeShareAbove", o => o.NegativeShareAbove = 1m, "1" },
        { "NegativeShareAbove", o => o.NegativeShareAbove = -0.1m, "-0.1" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void AddReviewHealth_WithABadSetting_FailsAtRegistration_NamingTheFieldAndValue(string field, Action<ReviewHealthOptions> configure, string value)
    {
        var builder = new ServiceCollection().AddCustomerCare();

        var refused = Assert.Throws<FieldValidationException>(() => builder.AddReviewHealth(configure));

        var error = Assert.Single(refused.Errors);
        Assert.Equal((field, value), (error.Field, error.AttemptedValue));
    }

    [Fact]
    public void Monitor_WithBadOptions_IsRefused()
    {
        var refused = Assert.Throws<FieldValidationException>(() => new ReviewHealthMonitor(new InMemoryReviewStore(), new ReviewHealthOptions { Window = Duration.FromDays(-1) }));

        Assert.Equal("Window", refused.Errors[0].Field);
    }

    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new ReviewHealthOptions();

        Assert.Equal((20, Duration.FromDays(90), 5, 3.0m, 0.40m), (options.RecentReviewCount, options.Window, options.MinimumReviews, options.AverageRatingBelow, options.NegativeShareAbove));
    }
}
