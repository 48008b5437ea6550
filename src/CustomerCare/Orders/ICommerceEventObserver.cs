namespace CustomerCare.Orders;

/// <summary>
/// Reacts to platform events after <see cref="CustomerEventProcessor"/> has committed them: coupon release on
/// cancellation, campaign triggers. Register implementations in DI; the processor calls every one.
/// </summary>
/// <remarks>
/// Observers are called for an event that was applied and again for a duplicate delivery of it, so an observer that
/// failed the first time gets the event again when the platform redelivers it: implementations must be idempotent.
/// An observer's exception reaches the caller of <see cref="CustomerEventProcessor.ApplyAsync"/>; the event itself
/// stays applied.
/// </remarks>
public interface ICommerceEventObserver
{
    /// <summary>Handles a committed event.</summary>
    /// <param name="commerceEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    ValueTask OnCommittedAsync(CommerceEvent commerceEvent, CancellationToken cancellationToken = default);
}
