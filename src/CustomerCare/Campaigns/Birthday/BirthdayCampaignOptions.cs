using NodaTime;

namespace CustomerCare.Campaigns.Birthday;

/// <summary>Settings of a birthday campaign.</summary>
public sealed class BirthdayCampaignOptions
{
    /// <summary>The campaign identifier, the first part of the ledger key. Default <c>birthday</c>.</summary>
    public string CampaignId { get; set; } = "birthday";

    /// <summary>The coupon definition the codes are issued under; it must exist in the coupon store.</summary>
    public string CouponDefinitionId { get; set; } = "birthday";

    /// <summary>The local time, in the customer's own zone, at which the coupon is issued on their birthday. Default 09:00.</summary>
    public LocalTime IssueAt { get; set; } = new(9, 0);

    /// <summary>How long the coupon is valid from issue. Default 7 days.</summary>
    public Duration ValidFor { get; set; } = Duration.FromDays(7);

    /// <summary>Which day a 29 February birthday falls on in other years. Default 28 February.</summary>
    public Feb29Policy Feb29 { get; set; } = Feb29Policy.February28;

    /// <summary>A birthday set or changed this shortly before the issue time does not count that year. Default 30 days.</summary>
    public Duration AntiGamingWait { get; set; } = Duration.FromDays(30);

    /// <summary>How far back a run catches up on birthdays it missed (downtime). Default 7 days.</summary>
    public Duration CatchUp { get; set; } = Duration.FromDays(7);

    /// <summary>Whether only customers who accept marketing get the coupon. Default <see langword="true"/>.</summary>
    public bool RequireConsent { get; set; } = true;
}
