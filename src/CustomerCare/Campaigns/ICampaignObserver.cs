using CustomerCare.Templates;

namespace CustomerCare.Campaigns;

/// <summary>A coupon a campaign gave, as its observers see it.</summary>
/// <param name="Grant">The grant: campaign, customer, period and code.</param>
/// <param name="Template">The message the campaign's options ask for, or <see langword="null"/> for none.</param>
/// <param name="IsNew">
/// Whether this call made the grant. <see langword="false"/> when a run or a redelivered event met a grant made before
/// that this process has not seen heard by every observer: one that failed the first time gets another chance.
/// </param>
public sealed record CampaignGrantNotice(CampaignGrant Grant, TemplateKind? Template, bool IsNew);

/// <summary>Hears of every coupon a campaign gives, for example to tell the customer.</summary>
/// <remarks>
/// Called at least once per grant, after the grant is stored. An exception fails the campaign's run or the event's
/// processing, and the next run or redelivery calls again (<see cref="CampaignGrantNotice.IsNew"/> is then
/// <see langword="false"/>). Once every observer has returned for a grant, the same process does not call again for it;
/// another process, or this one after a restart, calls once more when it meets the grant, so make the effect idempotent
/// by (campaign, customer, period). Implementations must be thread-safe.
/// </remarks>
public interface ICampaignObserver
{
    /// <summary>Called for a grant.</summary>
    /// <param name="notice">The grant and what to send.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the observer is done.</returns>
    ValueTask OnGrantedAsync(CampaignGrantNotice notice, CancellationToken cancellationToken = default);
}
