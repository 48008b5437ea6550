using NodaTime;

namespace CustomerCare.Returns;

/// <summary>The answer to a return, exchange or warranty request, with everything the customer should be told.</summary>
/// <param name="Request">The request.</param>
/// <param name="Refusal">Why it was refused, or <see cref="ReturnRefusal.None"/> when accepted.</param>
/// <param name="Fee">What the customer pays for it; <see langword="null"/> when free or refused.</param>
/// <param name="LastDay">The last day of the request's window in the customer's zone, when the order was delivered.</param>
/// <param name="DecidedAt">When it was decided.</param>
public sealed record ReturnDecision(ReturnRequest Request, ReturnRefusal Refusal, Money? Fee, LocalDate? LastDay, Instant DecidedAt)
{
    /// <summary>Whether the request was accepted.</summary>
    public bool Accepted => Refusal == ReturnRefusal.None;
}

/// <summary>Reacts to return decisions: the notifications part tells the customer "return approved" or "return refused".</summary>
public interface IReturnObserver
{
    /// <summary>Handles a decision.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when handled.</returns>
    ValueTask OnDecidedAsync(ReturnDecision decision, CancellationToken cancellationToken = default);
}
