using CustomerCare.Feedback.Reviews;
using CustomerCare.Feedback.Surveys;
using CustomerCare.Orders;
using CustomerCare.Storage;
using CustomerCare.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerCare;

/// <summary>
/// Registers the listening parts: after-delivery satisfaction surveys and product review health. Both react to
/// commerce events through <see cref="CustomerEventProcessor"/>, and default to in-memory stores that a storage plugin
/// replaces by registering its own <see cref="ISurveyStore"/> or <see cref="IReviewStore"/>.
/// </summary>
public static class FeedbackBuilderExtensions
{
    /// <summary>
    /// Adds the satisfaction surveys: <see cref="SurveyService"/> (also as an <see cref="ICommerceEventObserver"/>, so
    /// each delivered order schedules one survey), <see cref="SurveyScores"/>, and the in-memory
    /// <see cref="ISurveyStore"/> unless one is registered. Register <see cref="ISurveyFollowUp"/> handlers to act on
    /// low and high scores.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the survey options; calling this method again replaces them.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="FieldValidationException">A setting is out of range; thrown here, not at the first send.</exception>
    public static ICustomerCareBuilder AddSurveys(this ICustomerCareBuilder builder, Action<SurveyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new SurveyOptions();
        configure?.Invoke(options);
        options.Validate();
        var services = builder.Services;
        services.RemoveAll<SurveyOptions>();
        services.AddSingleton(options);
        services.TryAddSingleton<InMemorySurveyStore>();
        services.TryAddSingleton<ISurveyStore>(sp => sp.GetRequiredService<InMemorySurveyStore>());
        services.TryAddSingleton<SurveyService>();
        services.TryAddSingleton<SurveyScores>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommerceEventObserver, SurveyService>(sp => sp.GetRequiredService<SurveyService>()));
        return builder;
    }

    /// <summary>
    /// Adds product review health: <see cref="ReviewHealthMonitor"/> (also as an <see cref="ICommerceEventObserver"/>,
    /// so each posted review is recorded) and the in-memory <see cref="IReviewStore"/> unless one is registered.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the flagging options; calling this method again replaces them.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="FieldValidationException">A setting is out of range; thrown here, not at the first check.</exception>
    public static ICustomerCareBuilder AddReviewHealth(this ICustomerCareBuilder builder, Action<ReviewHealthOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new ReviewHealthOptions();
        configure?.Invoke(options);
        options.Validate();
        var services = builder.Services;
        services.RemoveAll<ReviewHealthOptions>();
        services.AddSingleton(options);
        services.TryAddSingleton<InMemoryReviewStore>();
        services.TryAddSingleton<IReviewStore>(sp => sp.GetRequiredService<InMemoryReviewStore>());
        services.TryAddSingleton<ReviewHealthMonitor>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommerceEventObserver, ReviewHealthMonitor>(sp => sp.GetRequiredService<ReviewHealthMonitor>()));
        return builder;
    }
}
