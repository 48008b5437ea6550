using CustomerCare.Campaigns;
using CustomerCare.Policy.Promises;

namespace CustomerCare.Policy.Compensation;

/// <summary>What service recovery did for one broken promise.</summary>
/// <param name="Promise">The broken promise.</param>
/// <param name="Entry">The compensation ledger's entry (the earlier one for a repeated detection).</param>
/// <param name="Outcome">Whether the entry was recorded now or before.</param>
/// <param name="Coupon">The compensation coupon, when the rule has one and the cap allowed it.</param>
public sealed record RecoveryResult(BrokenPromise Promise, CompensationEntry Entry, CompensationOutcome Outcome, CampaignGrant? Coupon)
{
    /// <summary>Whether this call recorded the compensation (and so the apology is due now).</summary>
    public bool IsNew => Outcome == CompensationOutcome.Recorded;
}

/// <summary>Reacts to a new service recovery: the notifications part sends the apology with the coupon.</summary>
/// <remarks>Called once per (subject, kind), when the compensation is first recorded, after the coupon is issued.</remarks>
public interface IServiceRecoveryObserver
{
    /// <summary>Handles a new recovery.</summary>
    /// <param name="recovery">What was recorded and issued.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when handled.</returns>
    ValueTask OnRecoveredAsync(RecoveryResult recovery, CancellationToken cancellationToken = default);
}
