using NodaTime;

namespace CustomerCare.Campaigns.Loyalty;

/// <summary>Settings of the loyal-customer campaign.</summary>
public sealed class LoyaltyCampaignOptions : CampaignOptions
{
    /// <summary>Creates the settings with their defaults: campaign and coupon definition <c>loyalty</c>, the <c>regular</c> segment, once a quarter, coupons valid 30 days, codes prefixed <c>STAR</c>, and no message (set <see cref="CampaignOptions.Notification"/> to send one).</summary>
    public LoyaltyCampaignOptions()
        : base("loyalty", Duration.FromDays(30))
    {
        CodePrefix = "STAR";
    }

    /// <summary>The segment whose members are rewarded, by name (a built-in one such as <c>regular</c> or <c>vip</c>, or one of yours). Default <c>regular</c>.</summary>
    public string Segment { get; set; } = "regular";

    /// <summary>How often a member earns the coupon. Default <see cref="LoyaltyPeriod.Quarter"/>.</summary>
    public LoyaltyPeriod Every { get; set; } = LoyaltyPeriod.Quarter;

    private protected override void ValidateMore(List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(Segment))
        {
            errors.Add(FieldErrors.Create(nameof(Segment), Segment, FieldErrorCodes.Required, "must name a segment"));
        }

        if (!Enum.IsDefined(Every))
        {
            errors.Add(FieldErrors.Create(nameof(Every), Every.ToString(), FieldErrorCodes.Unknown, "is not a loyalty period"));
        }
    }
}
