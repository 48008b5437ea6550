using CustomerCare.Feedback.Reviews;
using CustomerCare.Feedback.Surveys;
using CustomerCare.Orders;
using CustomerCare.Storage;
using CustomerCare.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Tests.Feedback;

public sealed class FeedbackRegistrationTests
{
    [Fact]
    public async Task AddSurveysAndReviewHealth_RegisterTheServicesAsObservers_OnceEach_EvenWhenCalledTwice()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(new FakeClock(FeedbackHarness.Start));
        services.AddCustomerCare().AddSurveys().AddReviewHealth().AddSurveys(o => o.Kind = SurveyKind.Nps).AddReviewHealth();
        await using var provider = services.BuildServiceProvider();

        var observers = provider.GetServices<ICommerceEventObserver>().ToArray();

        Assert.Single(observers.OfType<SurveyService>());
        Assert.Single(observers.OfType<ReviewHealthMonitor>());
        Assert.Same(provider.GetRequiredService<SurveyService>(), observers.OfType<SurveyService>().Single());
        Assert.Same(provider.GetRequiredService<InMemorySurveyStore>(), provider.GetRequiredService<ISurveyStore>());
        Assert.IsType<InMemoryReviewStore>(provider.GetRequiredService<IReviewStore>());
        Assert.Equal(SurveyKind.Nps, provider.GetRequiredService<SurveyOptions>().Kind);
        Assert.NotNull(provider.GetRequiredService<SurveyScores>());
    }

    [Fact]
    public async Task StoresRegisteredBefore_AreKept()
    {
        var surveys = new InMemorySurveyStore();
        var reviews = new InMemoryReviewStore();
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(new FakeClock(FeedbackHarness.Start));
        services.AddSingleton<ISurveyStore>(surveys);
        services.AddSingleton<IReviewStore>(reviews);
        services.AddCustomerCare().AddSurveys().AddReviewHealth();
        await using var provider = services.BuildServiceProvider();

        Assert.Same(surveys, provider.GetRequiredService<ISurveyStore>());
        Assert.Same(reviews, provider.GetRequiredService<IReviewStore>());
    }

    [Fact]
    public async Task WithoutAddSurveys_DeliveriesScheduleNothing()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(new FakeClock(FeedbackHarness.Start));
        services.AddCustomerCare();
        await using var provider = services.BuildServiceProvider();

        Assert.Empty(provider.GetServices<ICommerceEventObserver>().OfType<SurveyService>());
        Assert.Null(provider.GetService<SurveyService>());
        // The store is there for the KPIs, and stays empty.
        Assert.Empty(await provider.GetRequiredService<ISurveyStore>().AnswersAsync(Instant.MinValue, Instant.MaxValue));
    }
}
