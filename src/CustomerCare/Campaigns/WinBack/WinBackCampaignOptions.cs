using NodaTime;

namespace CustomerCare.Campaigns.WinBack;

/// <summary>Settings of a win-back campaign.</summary>
public sealed class WinBackCampaignOptions
{
    /// <summary>The campaign identifier. Default <c>win-back</c>.</summary>
    public string CampaignId { get; set; } = "win-back";

    /// <summary>The coupon definition codes are issued under; it must exist in the coupon store.</summary>
    public string CouponDefinitionId { get; set; } = "win-back";

    /// <summary>Days without an order, counted in the customer's zone, after which the customer is won back. Default 90.</summary>
    public int InactiveDays { get; set; } = 90;

    /// <summary>How long the coupon is valid. Default 14 days.</summary>
    public Duration ValidFor { get; set; } = Duration.FromDays(14);

    /// <summary>Whether only customers who accept marketing get the coupon. Default <see langword="true"/>.</summary>
    public bool RequireConsent { get; set; } = true;
}
