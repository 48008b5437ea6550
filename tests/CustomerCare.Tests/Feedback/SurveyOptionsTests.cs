using CustomerCare.Feedback.Surveys;
using CustomerCare.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CustomerCare.Tests.Feedback;

public sealed class SurveyOptionsTests
{
    public static TheoryData<string, Action<SurveyOptions>, string> BadSettings => new()
    {
        { "Kind", o => o.Kind = (SurveyKind)7, "7" },
        { "DelayAfterDelivery", o => o.DelayAfterDelivery = Duration.FromHours(-1), "-0:01:00:00" },
        { "FatigueWindow", o => o.FatigueWindow = Duration.FromDays(-1), "-1:00:00:00" },
        { "ExpiresAfter", o => o.ExpiresAfter = Duration.Zero, "0:00:00:00" },
        { "SendBatchSize", o => o.SendBatchSize = 0, "0" },
        { "CsatLowAtMost", o => o.CsatLowAtMost = 0, "0" },
        { "CsatHighAtLeast", o => o.CsatHighAtLeast = 6, "6" },
        { "CsatHighAtLeast", o => (o.CsatLowAtMost, o.CsatHighAtLeast) = (3, 3), "3" },
        { "NpsLowAtMost", o => o.NpsLowAtMost = -1, "-1" },
        { "NpsHighAtLeast", o => o.NpsHighAtLeast = 11, "11" },
        { "NpsHighAtLeast", o => (o.NpsLowAtMost, o.NpsHighAtLeast) = (8, 7), "7" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void AddSurveys_WithABadSetting_FailsAtRegistration_NamingTheFieldAndValue(string field, Action<SurveyOptions> configure, string value)
    {
        var builder = new ServiceCollection().AddCustomerCare();

        var refused = Assert.Throws<FieldValidationException>(() => builder.AddSurveys(configure));

        var error = Assert.Single(refused.Errors);
        Assert.Equal((field, value), (error.Field, error.AttemptedValue));
    }

    [Fact]
    public void SurveyService_WithBadOptions_IsRefusedListingEveryProblem()
    {
        var options = new SurveyOptions { ExpiresAfter = Duration.Zero, SendBatchSize = 0 };

        var refused = Assert.Throws<FieldValidationException>(() => new SurveyService(new InMemorySurveyStore(), new InMemoryCustomerStore(), options));

        Assert.Equal(["ExpiresAfter", "SendBatchSize"], refused.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new SurveyOptions();

        Assert.Equal(
            (SurveyKind.Csat, Duration.FromDays(2), Duration.FromDays(30), Duration.FromDays(14), true, 100),
            (options.Kind, options.DelayAfterDelivery, options.FatigueWindow, options.ExpiresAfter, options.RequireConsent, options.SendBatchSize));
        Assert.Equal((2, 5, 6, 9), (options.CsatLowAtMost, options.CsatHighAtLeast, options.NpsLowAtMost, options.NpsHighAtLeast));
    }
}
