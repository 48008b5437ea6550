using CustomerCare.Orders;
using CustomerCare.Segments;
using CustomerCare.Storage;
using CustomerCare.Storage.InMemory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;

namespace CustomerCare;

/// <summary>Registers CustomerCare in a service collection.</summary>
public static class CustomerCareServiceCollectionExtensions
{
    /// <summary>Registers the library with default options.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder for plugins.</returns>
    public static ICustomerCareBuilder AddCustomerCare(this IServiceCollection services) => services.AddCustomerCare(_ => { });

    /// <summary>Registers the library with options bound from configuration, such as the <c>CustomerCare</c> section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section: <c>Currency</c>, <c>DefaultTimeZone</c>, <c>Segments:Definitions:0:Name</c>, …</param>
    /// <returns>A builder for plugins.</returns>
    public static ICustomerCareBuilder AddCustomerCare(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddCustomerCare(_ => { });
        services.Configure<CustomerCareOptions>(configuration);
        return builder;
    }

    /// <summary>
    /// Registers the library: options (validated on start), the clock, the time zone provider, the in-memory stores as
    /// defaults, and the event processor. Calling it again only adds the further configuration.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets options.</param>
    /// <returns>A builder for plugins.</returns>
    /// <remarks>
    /// The clock is NodaTime's <see cref="IClock"/>: bridged from a registered <see cref="TimeProvider"/> when there is
    /// one, otherwise the system clock. Register your own <see cref="IClock"/> first to replace it.
    /// </remarks>
    public static ICustomerCareBuilder AddCustomerCare(this IServiceCollection services, Action<CustomerCareOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        if (services.Any(d => d.ServiceType == typeof(CustomerCareMarker)))
        {
            return new CustomerCareBuilder(services);
        }

        services.AddSingleton<CustomerCareMarker>();
        services.AddOptions<CustomerCareOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CustomerCareOptions>, CustomerCareOptionsValidator>());
        services.TryAddSingleton(CreateClock);
        services.TryAddSingleton(DateTimeZoneProviders.Tzdb);
        services.TryAddSingleton<InMemoryCustomerStore>();
        services.TryAddSingleton<ICustomerStore>(sp => sp.GetRequiredService<InMemoryCustomerStore>());
        services.TryAddSingleton<IProcessedEventLedger>(sp => sp.GetRequiredService<InMemoryCustomerStore>());
        services.TryAddSingleton<CustomerEventProcessor>();
        services.TryAddSingleton<ISegmentMembershipStore, InMemorySegmentMembershipStore>();
        services.TryAddSingleton<IServiceHistoryProvider, EmptyServiceHistoryProvider>();
        services.TryAddSingleton<SegmentCatalog>();
        services.TryAddSingleton<SegmentService>();
        services.TryAddSingleton<Import.CsvImporter>();
        services.TryAddSingleton<IPriceHistoryStore, InMemoryPriceHistoryStore>();
        services.TryAddSingleton<InMemoryCouponStore>();
        services.TryAddSingleton<ICouponStore>(sp => sp.GetRequiredService<InMemoryCouponStore>());
        services.TryAddSingleton<ICampaignLedger>(sp => sp.GetRequiredService<InMemoryCouponStore>());
        services.TryAddSingleton(sp => new Coupons.CouponAttemptLimiter(sp.GetRequiredService<IClock>()));
        services.TryAddSingleton<Coupons.CouponService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommerceEventObserver, Coupons.CouponService>(sp => sp.GetRequiredService<Coupons.CouponService>()));
        services.TryAddSingleton(Coupons.Codes.CouponCodeGenerator.Shared);
        services.TryAddSingleton<Coupons.Pricing.HonestDiscount>();
        AddComplaints(services);
        services.TryAddSingleton<IConsentLedger, InMemoryConsentLedger>();
        services.TryAddSingleton<Privacy.Consent.ConsentService>();
        services.TryAddSingleton<Privacy.Consent.Iys.IysConsentImporter>();
        services.TryAddSingleton<Privacy.Consent.Iys.IysConsentExporter>();
        services.TryAddSingleton<IOutboxStore, InMemoryOutboxStore>();
        services.TryAddSingleton<Storage.Batching.IWriteBatcher, Storage.Batching.NoWriteBatching>();
        services.TryAddSingleton<IJobLeaseStore, InMemoryJobLeaseStore>();
        services.TryAddSingleton(new Notifications.OutboxOptions());
        services.TryAddSingleton<Notifications.OutboxDispatcher>();
        services.TryAddSingleton(new Notifications.NotificationOptions());
        services.TryAddSingleton<Notifications.NotificationService>();
        services.TryAddSingleton(_ =>
        {
            // Parsing and validating the built-in pack once, when first needed; user templates are registered on top.
            var catalog = new Templates.TemplateCatalog();
            catalog.RegisterBuiltInPack();
            return catalog;
        });
        services.TryAddSingleton<Privacy.Redaction.ITextRedactor>(Privacy.Redaction.PersonalDataRedactor.Default);
        services.TryAddSingleton<IAuditLog, InMemoryAuditLog>();
        services.TryAddSingleton<Privacy.Audit.AuditTrail>();
        services.TryAddSingleton<IBreachRegister, InMemoryBreachRegister>();
        services.TryAddSingleton(sp => new Privacy.Breach.BreachNotifier(
            sp.GetRequiredService<IBreachRegister>(),
            sp.GetRequiredService<ICustomerStore>(),
            sp.GetService<Notifications.NotificationComposer>()
                ?? throw new InvalidOperationException("BreachNotifier sends through the NotificationComposer: call AddNotifications() and register an outbound channel."),
            sp.GetRequiredService<IOutboxStore>(),
            sp.GetRequiredService<Privacy.Audit.AuditTrail>(),
            sp.GetRequiredService<IClock>()));
        services.TryAddSingleton(sp => new Templates.TemplateRenderer(sp.GetRequiredService<Templates.TemplateCatalog>(), sp.GetRequiredService<Privacy.Redaction.ITextRedactor>()));
        services.TryAddSingleton(sp => new Campaigns.Recovery.ServiceRecoveryIssuer(
            sp.GetRequiredService<ICampaignLedger>(), sp.GetRequiredService<Coupons.Codes.CouponCodeGenerator>(), sp.GetRequiredService<IClock>()));
        AddPrivacy(services);
        return new CustomerCareBuilder(services);
    }

    /// <summary>
    /// Replaces the customer store and its ledger with <typeparamref name="TStore"/>, registered as one singleton
    /// that serves both contracts. Storage plugins call this from their own <c>Use…</c> method.
    /// </summary>
    /// <typeparam name="TStore">The store type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="factory">Creates the store, or <see langword="null"/> to let the container construct it.</param>
    /// <returns>The builder.</returns>
    public static ICustomerCareBuilder UseCustomerStore<TStore>(this ICustomerCareBuilder builder, Func<IServiceProvider, TStore>? factory = null)
        where TStore : class, ICustomerStore, IProcessedEventLedger
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.RemoveAll<ICustomerStore>();
        services.RemoveAll<IProcessedEventLedger>();
        services.RemoveAll<TStore>();
        if (factory is null)
        {
            services.AddSingleton<TStore>();
        }
        else
        {
            services.AddSingleton(factory);
        }

        services.AddSingleton<ICustomerStore>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IProcessedEventLedger>(sp => sp.GetRequiredService<TStore>());
        return builder;
    }

    private static IClock CreateClock(IServiceProvider services) =>
#pragma warning disable RS0030 // The DI default is the one place allowed to fall back to the system clock.
        services.GetService<TimeProvider>() is { } timeProvider ? timeProvider.ToClock() : SystemClock.Instance;
#pragma warning restore RS0030

    private sealed class CustomerCareMarker;

    private sealed class CustomerCareBuilder(IServiceCollection services) : ICustomerCareBuilder
    {
        public IServiceCollection Services { get; } = services;
    }

    private static void AddComplaints(IServiceCollection services)
    {
        services.TryAddSingleton<IComplaintStore, InMemoryComplaintStore>();
        services.TryAddSingleton<ICompensationLedger, InMemoryCompensationLedger>();
        services.TryAddSingleton<Complaints.Classification.IComplaintClassifier>(_ => new Complaints.Classification.LexiconComplaintClassifier());
        services.TryAddSingleton(sp => Policy(sp).Suspicion);
        services.TryAddSingleton(sp => Policy(sp).Assignment);
        services.TryAddSingleton(sp => Policy(sp).Promises);
        services.TryAddSingleton(sp => Policy(sp).Compensation);
        services.TryAddSingleton(sp => Policy(sp).Returns);
        services.TryAddSingleton<Returns.ReturnService>();
        services.TryAddSingleton(sp => Policy(sp).BuildSla());
        services.TryAddSingleton<Complaints.Sla.ComplaintSlaTracker>();
        services.TryAddSingleton<Complaints.Sla.ComplaintSlaSweep>();
        services.TryAddSingleton<Insights.IResponseClock, Complaints.Sla.SlaResponseClock>();
        // The KPIs read survey answers even when surveys are sent by another system; AddSurveys shares this store.
        services.TryAddSingleton<InMemorySurveyStore>();
        services.TryAddSingleton<ISurveyStore>(sp => sp.GetRequiredService<InMemorySurveyStore>());
        services.TryAddSingleton<Insights.CareKpiService>();
        services.TryAddSingleton<Complaints.Suspicion.SuspicionDetector>();
        services.TryAddSingleton<Complaints.Assignment.ComplaintAssigner>();
        services.TryAddSingleton<Complaints.ComplaintService>();
        services.TryAddSingleton<Complaints.Intake.ComplaintIntake>();
        services.TryAddSingleton<Complaints.Intake.LowScoreComplaints>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Feedback.Surveys.ISurveyFollowUp, Complaints.Intake.LowScoreComplaints>(sp => sp.GetRequiredService<Complaints.Intake.LowScoreComplaints>()));
        services.TryAddSingleton<Policy.Promises.DeliveryPromises>();
        services.TryAddSingleton<Policy.Compensation.ServiceRecovery>();
        services.TryAddSingleton<Policy.Promises.BrokenPromiseDetector>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommerceEventObserver, Policy.Promises.BrokenPromiseDetector>(sp => sp.GetRequiredService<Policy.Promises.BrokenPromiseDetector>()));
    }

    // The holders are found through the store contracts when first resolved, so a plugin registered after this call
    // (UseSqlite, a store of your own) takes part; the consent ledger and audit log join in PersonalDataHolders.
    private static void AddPrivacy(IServiceCollection services)
    {
        services.TryAddSingleton(sp => new Privacy.Export.CustomerDataExporter(
            Privacy.PersonalDataHolders.Discover(sp), sp.GetRequiredService<ICustomerStore>(), sp.GetRequiredService<IClock>(), sp.GetService<Privacy.Audit.AuditTrail>()));
        services.TryAddSingleton(sp => new Privacy.Erasure.CustomerEraser(
            Privacy.PersonalDataHolders.Discover(sp), sp.GetRequiredService<ICustomerStore>(), sp.GetRequiredService<IClock>(), sp.GetService<Privacy.Redaction.ITextRedactor>(), sp.GetService<Privacy.Audit.AuditTrail>()));
    }

    private static Policy.SatisfactionPolicyOptions Policy(IServiceProvider services) => services.GetRequiredService<IOptions<CustomerCareOptions>>().Value.Policy;
}
