using NodaTime;

namespace CustomerCare.Campaigns.Welcome;

/// <summary>Settings of the welcome campaign.</summary>
public sealed class WelcomeCampaignOptions : CampaignOptions
{
    /// <summary>Creates the settings with their defaults: campaign and coupon definition <c>welcome</c>, coupons valid 30 days, codes prefixed <c>NEW</c>, told with the welcome message.</summary>
    public WelcomeCampaignOptions()
        : base("welcome", Duration.FromDays(30))
    {
        CodePrefix = "NEW";
        Notification = Templates.TemplateKind.Welcome;
    }
}
