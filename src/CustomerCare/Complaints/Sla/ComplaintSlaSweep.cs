using CustomerCare.Policy.Compensation;
using CustomerCare.Policy.Promises;
using CustomerCare.Policy.Sla;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Complaints.Sla;

/// <summary>
/// The escalation sweep: checks every open complaint's response timers, stores each warning and breach once, tells
/// the <see cref="IComplaintObserver"/>s, and treats a missed first-response target as a broken promise
/// (<see cref="BrokenPromiseKind.Unanswered"/>) for service recovery. Run it every few minutes.
/// </summary>
/// <remarks>
/// A warning or breach is raised once: the timer's state records it, and observers hear of it only after that state is
/// stored. A complaint changed by someone else during the sweep is left for the next sweep. Thread-safe.
/// </remarks>
public sealed class ComplaintSlaSweep
{
    private readonly IComplaintStore _store;
    private readonly ComplaintSlaTracker _tracker;
    private readonly ServiceRecovery _recovery;
    private readonly IComplaintObserver[] _observers;

    /// <summary>Creates the sweep.</summary>
    /// <param name="store">The complaint store.</param>
    /// <param name="tracker">The timers' policy.</param>
    /// <param name="recovery">Service recovery, for missed first responses.</param>
    /// <param name="observers">Told about each warning and breach.</param>
    public ComplaintSlaSweep(IComplaintStore store, ComplaintSlaTracker tracker, ServiceRecovery recovery, IEnumerable<IComplaintObserver> observers)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _tracker = tracker ?? throw new ArgumentNullException(nameof(tracker));
        _recovery = recovery ?? throw new ArgumentNullException(nameof(recovery));
        _observers = [.. observers ?? throw new ArgumentNullException(nameof(observers))];
    }

    /// <summary>Checks every open complaint at an instant.</summary>
    /// <param name="now">The instant.</param>
    /// <param name="cancellationToken">Cancels the sweep; what was stored stays stored.</param>
    /// <returns>The warnings and breaches raised by this sweep.</returns>
    public async ValueTask<IReadOnlyList<ComplaintSlaChanged>> RunAsync(Instant now, CancellationToken cancellationToken = default)
    {
        var open = await _store.ListAsync(
            new Specification<Complaint>(q => q.Where(c => c.Status != ComplaintStatus.Resolved && c.Status != ComplaintStatus.Closed)),
            cancellationToken).ConfigureAwait(false);
        var raised = new List<ComplaintSlaChanged>();
        foreach (var complaint in open)
        {
            var checks = _tracker.TimersOf(complaint).Select(t => t.Check(now)).ToList();
            if (checks.All(c => c.Events.Count == 0))
            {
                continue;
            }

            var updated = complaint with { Sla = [.. checks.Select(c => c.Timer.ToState())] };
            if (await _store.UpdateAsync(updated, complaint.Version, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                continue;
            }

            foreach (var slaEvent in checks.SelectMany(c => c.Events))
            {
                var changed = new ComplaintSlaChanged(stored, now, slaEvent);
                raised.Add(changed);
                foreach (var observer in _observers)
                {
                    await observer.OnComplaintEventAsync(changed, cancellationToken).ConfigureAwait(false);
                }

                if (slaEvent is SlaBreached { Metric: SlaMetric.FirstResponse } && stored.CustomerId is { } customer)
                {
                    await _recovery.RecoverAsync(
                        new BrokenPromise(BrokenPromiseKind.Unanswered, customer, "complaint:" + stored.Id.Value, now, $"first response target missed on {stored.Channel}"),
                        cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return raised;
    }
}
