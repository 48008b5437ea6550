using NodaTime;

namespace CustomerCare.Campaigns.Birthday;

/// <summary>Settings of a birthday campaign.</summary>
public sealed class BirthdayCampaignOptions : CampaignOptions
{
    /// <summary>Creates the settings with their defaults: campaign and coupon definition <c>birthday</c>, coupons valid 7 days, codes prefixed <c>BDAY</c>, told with the birthday greeting.</summary>
    public BirthdayCampaignOptions()
        : base("birthday", Duration.FromDays(7))
    {
        CodePrefix = "BDAY";
        Notification = Templates.TemplateKind.BirthdayGreeting;
    }

    /// <summary>The local time, in the customer's own zone, at which the coupon is issued on their birthday. Default 09:00.</summary>
    public LocalTime IssueAt { get; set; } = new(9, 0);

    /// <summary>Which day a 29 February birthday falls on in other years. Default 28 February.</summary>
    public Feb29Policy Feb29 { get; set; } = Feb29Policy.February28;

    /// <summary>A birthday set or changed this shortly before the issue time does not count that year. Default 30 days.</summary>
    public Duration AntiGamingWait { get; set; } = Duration.FromDays(30);

    /// <summary>How far back a run catches up on birthdays it missed (downtime). Default 7 days.</summary>
    public Duration CatchUp { get; set; } = Duration.FromDays(7);

    private protected override void ValidateMore(List<FieldError> errors)
    {
        if (CatchUp < Duration.Zero || CatchUp > Duration.FromDays(366))
        {
            errors.Add(FieldErrors.Create(nameof(CatchUp), NodaTime.Text.DurationPattern.Roundtrip.Format(CatchUp), FieldErrorCodes.OutOfRange, "must be between 0 and 366 days"));
        }

        if (AntiGamingWait < Duration.Zero)
        {
            errors.Add(FieldErrors.Create(nameof(AntiGamingWait), NodaTime.Text.DurationPattern.Roundtrip.Format(AntiGamingWait), FieldErrorCodes.OutOfRange, "must not be negative"));
        }
    }
}
