namespace CustomerCare.Campaigns.Recovery;

/// <summary>The compensation coupon of one order and kind.</summary>
/// <param name="Grant">The grant and its code.</param>
/// <param name="IsNew"><see langword="true"/> when this call issued it; <see langword="false"/> when it had been issued before, in which case <paramref name="Grant"/> is that first one.</param>
public sealed record RecoveryIssue(CampaignGrant Grant, bool IsNew);
