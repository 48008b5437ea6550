using CustomerCare.Campaigns;
using CustomerCare.Campaigns.Birthday;
using CustomerCare.Campaigns.FirstPurchase;
using CustomerCare.Campaigns.Loyalty;
using CustomerCare.Campaigns.ThankYou;
using CustomerCare.Campaigns.Welcome;
using CustomerCare.Campaigns.WinBack;
using CustomerCare.Coupons.Codes;
using CustomerCare.Orders;
using CustomerCare.Segments;
using CustomerCare.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace CustomerCare;

/// <summary>
/// Registers campaigns. Scheduled ones join the <see cref="CampaignScheduler"/>; event-driven ones (welcome,
/// thank-you) react to commerce events through <see cref="CustomerEventProcessor"/>. Each needs its coupon
/// definition in the coupon store before it first issues.
/// </summary>
public static class CampaignBuilderExtensions
{
    /// <summary>Adds the birthday campaign and the <see cref="CampaignScheduler"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the campaign's options.</param>
    /// <returns>The builder.</returns>
    public static ICustomerCareBuilder AddBirthdayCampaign(this ICustomerCareBuilder builder, Action<BirthdayCampaignOptions>? configure = null) =>
        builder.AddScheduled(configure, (sp, options) => new BirthdayCampaign(
            sp.GetRequiredService<ICustomerStore>(), sp.GetRequiredService<ICampaignLedger>(), sp.GetRequiredService<CouponCodeGenerator>(), options, observers: Observers(sp)));

    /// <summary>Adds the win-back campaign and the <see cref="CampaignScheduler"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the campaign's options.</param>
    /// <returns>The builder.</returns>
    public static ICustomerCareBuilder AddWinBackCampaign(this ICustomerCareBuilder builder, Action<WinBackCampaignOptions>? configure = null) =>
        builder.AddScheduled(configure, (sp, options) => new WinBackCampaign(
            sp.GetRequiredService<ICustomerStore>(), sp.GetRequiredService<ICampaignLedger>(), sp.GetRequiredService<IServiceHistoryProvider>(),
            sp.GetRequiredService<CouponCodeGenerator>(), options, observers: Observers(sp)));

    /// <summary>Adds the first-purchase campaign and the <see cref="CampaignScheduler"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the campaign's options.</param>
    /// <returns>The builder.</returns>
    public static ICustomerCareBuilder AddFirstPurchaseCampaign(this ICustomerCareBuilder builder, Action<FirstPurchaseCampaignOptions>? configure = null) =>
        builder.AddScheduled(configure, (sp, options) => new FirstPurchaseCampaign(
            sp.GetRequiredService<ICustomerStore>(), sp.GetRequiredService<ICampaignLedger>(), sp.GetRequiredService<CouponCodeGenerator>(), options, observers: Observers(sp)));

    /// <summary>Adds the loyal-customer campaign and the <see cref="CampaignScheduler"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the campaign's options, such as the segment.</param>
    /// <returns>The builder.</returns>
    public static ICustomerCareBuilder AddLoyaltyCampaign(this ICustomerCareBuilder builder, Action<LoyaltyCampaignOptions>? configure = null) =>
        builder.AddScheduled(configure, (sp, options) => new LoyaltyCampaign(
            sp.GetRequiredService<SegmentService>(), sp.GetRequiredService<ICampaignLedger>(), sp.GetRequiredService<CouponCodeGenerator>(), options, observers: Observers(sp)));

    /// <summary>Adds the welcome campaign, which issues its coupon when a customer registers.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the campaign's options.</param>
    /// <returns>The builder.</returns>
    public static ICustomerCareBuilder AddWelcomeCampaign(this ICustomerCareBuilder builder, Action<WelcomeCampaignOptions>? configure = null) =>
        builder.AddObserver(configure, (sp, options) => new WelcomeCampaign(
            sp.GetRequiredService<ICampaignLedger>(), sp.GetRequiredService<CouponCodeGenerator>(), sp.GetRequiredService<IClock>(), options, Observers(sp)));

    /// <summary>Adds the post-purchase thank-you campaign, which issues a next-order coupon when an order is delivered.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the campaign's options.</param>
    /// <returns>The builder.</returns>
    public static ICustomerCareBuilder AddThankYouCampaign(this ICustomerCareBuilder builder, Action<ThankYouCampaignOptions>? configure = null) =>
        builder.AddObserver(configure, (sp, options) => new ThankYouCampaign(
            sp.GetRequiredService<ICustomerStore>(), sp.GetRequiredService<ICampaignLedger>(), sp.GetRequiredService<CouponCodeGenerator>(), sp.GetRequiredService<IClock>(), options, Observers(sp)));

    private static ICustomerCareBuilder AddScheduled<TOptions>(this ICustomerCareBuilder builder, Action<TOptions>? configure, Func<IServiceProvider, TOptions, ICampaign> create)
        where TOptions : CampaignOptions, new()
    {
        var options = Configure(builder, configure);
        builder.Services.AddSingleton(sp => create(sp, options));
        builder.Services.TryAddSingleton<CampaignScheduler>();
        return builder;
    }

    private static ICustomerCareBuilder AddObserver<TOptions>(this ICustomerCareBuilder builder, Action<TOptions>? configure, Func<IServiceProvider, TOptions, ICommerceEventObserver> create)
        where TOptions : CampaignOptions, new()
    {
        var options = Configure(builder, configure);
        builder.Services.AddSingleton(sp => create(sp, options));
        return builder;
    }

    private static IEnumerable<ICampaignObserver> Observers(IServiceProvider services) => services.GetServices<ICampaignObserver>();

    private static TOptions Configure<TOptions>(ICustomerCareBuilder builder, Action<TOptions>? configure)
        where TOptions : CampaignOptions, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new TOptions();
        configure?.Invoke(options);
        // Fail at registration, not at the first run days later.
        options.Validate();
        return options;
    }
}
