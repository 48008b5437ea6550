using CustomerCare.Campaigns.Birthday;
using CustomerCare.Campaigns.WinBack;
using CustomerCare.Coupons.Codes;
using CustomerCare.Segments;
using CustomerCare.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerCare;

/// <summary>Registers campaigns. Each needs its coupon definition in the coupon store before it first runs.</summary>
public static class CampaignBuilderExtensions
{
    /// <summary>Adds the birthday campaign and the <see cref="Campaigns.CampaignScheduler"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the campaign's options.</param>
    /// <returns>The builder.</returns>
    public static ICustomerCareBuilder AddBirthdayCampaign(this ICustomerCareBuilder builder, Action<BirthdayCampaignOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new BirthdayCampaignOptions();
        configure?.Invoke(options);
        builder.Services.AddSingleton<Campaigns.ICampaign>(sp => new BirthdayCampaign(
            sp.GetRequiredService<ICustomerStore>(), sp.GetRequiredService<ICampaignLedger>(), sp.GetRequiredService<CouponCodeGenerator>(), options));
        builder.Services.TryAddSingleton<Campaigns.CampaignScheduler>();
        return builder;
    }

    /// <summary>Adds the win-back campaign and the <see cref="Campaigns.CampaignScheduler"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the campaign's options.</param>
    /// <returns>The builder.</returns>
    public static ICustomerCareBuilder AddWinBackCampaign(this ICustomerCareBuilder builder, Action<WinBackCampaignOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new WinBackCampaignOptions();
        configure?.Invoke(options);
        builder.Services.AddSingleton<Campaigns.ICampaign>(sp => new WinBackCampaign(
            sp.GetRequiredService<ICustomerStore>(), sp.GetRequiredService<ICampaignLedger>(), sp.GetRequiredService<IServiceHistoryProvider>(),
            sp.GetRequiredService<CouponCodeGenerator>(), options));
        builder.Services.TryAddSingleton<Campaigns.CampaignScheduler>();
        return builder;
    }
}
