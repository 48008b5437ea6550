using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Campaigns.FirstPurchase;

/// <summary>Settings of the first-purchase campaign.</summary>
public sealed class FirstPurchaseCampaignOptions : CampaignOptions
{
    /// <summary>Creates the settings with their defaults: campaign and coupon definition <c>first-purchase</c>, coupons valid 14 days, codes prefixed <c>START</c>, told with the welcome message.</summary>
    public FirstPurchaseCampaignOptions()
        : base("first-purchase", Duration.FromDays(14))
    {
        CodePrefix = "START";
        Notification = Templates.TemplateKind.Welcome;
    }

    /// <summary>How long after signing up without an order a customer gets the nudge. Default 3 days.</summary>
    public Duration AfterSignUp { get; set; } = Duration.FromDays(3);

    /// <summary>
    /// Accounts older than this when the nudge falls due are left alone, so turning the campaign on does not send a
    /// coupon to every dormant account at once. Default 30 days.
    /// </summary>
    public Duration MaxAccountAge { get; set; } = Duration.FromDays(30);

    private protected override void ValidateMore(List<FieldError> errors)
    {
        if (AfterSignUp < Duration.Zero)
        {
            errors.Add(FieldErrors.Create(nameof(AfterSignUp), DurationPattern.Roundtrip.Format(AfterSignUp), FieldErrorCodes.OutOfRange, "must not be negative"));
        }

        if (MaxAccountAge <= AfterSignUp)
        {
            errors.Add(FieldErrors.Create(nameof(MaxAccountAge), DurationPattern.Roundtrip.Format(MaxAccountAge), FieldErrorCodes.OutOfRange,
                $"must be longer than {nameof(AfterSignUp)} ({DurationPattern.Roundtrip.Format(AfterSignUp)}), or nobody is ever due"));
        }
    }
}
