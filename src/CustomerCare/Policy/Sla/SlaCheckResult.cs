namespace CustomerCare.Policy.Sla;

/// <summary>What <see cref="SlaTimer.Check"/> found: the timer to store, its status, and the events to publish.</summary>
/// <param name="Timer">The timer with the reported events marked as raised; store it in place of the old one.</param>
/// <param name="Status">The timer's status at the instant checked.</param>
/// <param name="Events">The events not reported before, warning first; empty when there is nothing new.</param>
public sealed record SlaCheckResult(SlaTimer Timer, SlaStatus Status, IReadOnlyList<SlaEvent> Events);
