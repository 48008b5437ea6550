using NodaTime;

namespace CustomerCare.Campaigns.WinBack;

/// <summary>Settings of a win-back campaign.</summary>
public sealed class WinBackCampaignOptions : CampaignOptions
{
    /// <summary>Creates the settings with their defaults: campaign and coupon definition <c>win-back</c>, coupons valid 14 days, codes prefixed <c>WB</c>, told with the win-back message.</summary>
    public WinBackCampaignOptions()
        : base("win-back", Duration.FromDays(14))
    {
        CodePrefix = "WB";
        Notification = Templates.TemplateKind.WinBack;
    }

    /// <summary>Days without an order, counted in the customer's zone, after which the customer is won back. Default 90.</summary>
    public int InactiveDays { get; set; } = 90;

    private protected override void ValidateMore(List<FieldError> errors)
    {
        if (InactiveDays < 1)
        {
            errors.Add(FieldErrors.Create(nameof(InactiveDays), InactiveDays.ToString(System.Globalization.CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, "must be at least 1"));
        }
    }
}
