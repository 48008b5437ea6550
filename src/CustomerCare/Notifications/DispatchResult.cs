namespace CustomerCare.Notifications;

/// <summary>What one dispatch round did.</summary>
/// <param name="Claimed">Messages claimed.</param>
/// <param name="Sent">Handed to their channel.</param>
/// <param name="Retrying">Failed for now, queued again with a backoff.</param>
/// <param name="Failed">Refused for good by the channel, or for a channel nobody registered.</param>
/// <param name="DeadLettered">Out of attempts.</param>
/// <param name="Lost">Completed by another dispatcher after this one's lease ran out; its outcome was not written.</param>
public sealed record DispatchResult(int Claimed, int Sent, int Retrying, int Failed, int DeadLettered, int Lost)
{
    /// <summary>Commercial messages cancelled instead of sent because the ledger no longer held their consent.</summary>
    public int Cancelled { get; init; }
}
