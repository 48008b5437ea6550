using NodaTime;

namespace CustomerCare.Campaigns.ThankYou;

/// <summary>Settings of the post-purchase thank-you campaign.</summary>
public sealed class ThankYouCampaignOptions : CampaignOptions
{
    /// <summary>Creates the settings with their defaults: campaign and coupon definition <c>thank-you</c>, coupons valid 30 days, codes prefixed <c>THX</c>, told with the post-purchase coupon message.</summary>
    public ThankYouCampaignOptions()
        : base("thank-you", Duration.FromDays(30))
    {
        CodePrefix = "THX";
        Notification = Templates.TemplateKind.PostPurchaseCoupon;
    }
}
