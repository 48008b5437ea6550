using System.Collections.Immutable;
using CustomerCare.Policy.Sla;
using NodaTime;

namespace CustomerCare.Complaints.Sla;

/// <summary>
/// Keeps a complaint's response timers in step with its lifecycle: first response and resolution start when it
/// arrives; waiting for the customer pauses them and the paused time is credited back (Zammad stops its clock without
/// crediting, so its reopened tickets escalate at once); the first answer stops the first-response timer, a resolution
/// stops both, and a reopening resumes the resolution timer where it stopped.
/// </summary>
/// <remarks>Pure: it changes complaint values, never a store. Thread-safe.</remarks>
public sealed class ComplaintSlaTracker
{
    private readonly SlaPolicy _policy;

    /// <summary>Creates the tracker.</summary>
    /// <param name="policy">The response targets and calendars.</param>
    public ComplaintSlaTracker(SlaPolicy policy)
    {
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
    }

    /// <summary>The policy the timers count by.</summary>
    public SlaPolicy Policy => _policy;

    /// <summary>Starts a new complaint's timers at its arrival.</summary>
    /// <param name="complaint">The complaint, not yet stored.</param>
    /// <returns>The complaint with its first-response and resolution timers (those the policy has targets for).</returns>
    public Complaint Start(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var timers = ImmutableArray.CreateBuilder<SlaTimerState>(2);
        foreach (var metric in new[] { SlaMetric.FirstResponse, SlaMetric.Resolution })
        {
            if (_policy.StartTimer(complaint.Id.Value, complaint.Channel, complaint.Priority, metric, complaint.ReceivedAt) is { } timer)
            {
                timers.Add(timer.ToState());
            }
        }

        return complaint with { Sla = timers.ToImmutable() };
    }

    /// <summary>Moves the timers for a change of the complaint.</summary>
    /// <param name="before">The complaint before the change.</param>
    /// <param name="after">The complaint after it.</param>
    /// <param name="at">When the change happened.</param>
    /// <returns><paramref name="after"/> with its timers paused, resumed or stopped as the change calls for.</returns>
    public Complaint Apply(Complaint before, Complaint after, Instant at)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (after.Sla.IsDefaultOrEmpty)
        {
            return after;
        }

        var timers = after.Sla.Select(state => Move(_policy.Restore(state), before, after, at).ToState()).ToImmutableArray();
        return after with { Sla = timers };
    }

    /// <summary>The complaint's timers, rebuilt on their calendars.</summary>
    /// <param name="complaint">The complaint.</param>
    /// <returns>The timers.</returns>
    public IReadOnlyList<SlaTimer> TimersOf(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return complaint.Sla.IsDefaultOrEmpty ? [] : [.. complaint.Sla.Select(_policy.Restore)];
    }

    private static SlaTimer Move(SlaTimer timer, Complaint before, Complaint after, Instant at)
    {
        // A source's timestamp may run a few minutes ahead of our clock; a timer never moves back in time.
        var when = at < timer.PhaseSince ? timer.PhaseSince : at;
        var answered = before.FirstRespondedAt is null && after.FirstRespondedAt is not null;
        if (timer.Metric == SlaMetric.FirstResponse && (answered || after.Status is ComplaintStatus.Resolved or ComplaintStatus.Closed))
        {
            return timer.Phase == SlaTimerPhase.Stopped ? timer : timer.Stop(when);
        }

        if (timer.Metric == SlaMetric.FirstResponse && timer.Phase == SlaTimerPhase.Stopped)
        {
            return timer;
        }

        return after.Status switch
        {
            ComplaintStatus.Resolved or ComplaintStatus.Closed => timer.Phase == SlaTimerPhase.Stopped ? timer : timer.Stop(when),
            ComplaintStatus.WaitingForCustomer => timer.Phase == SlaTimerPhase.Running ? timer.Pause(when) : timer,
            _ => timer.Phase == SlaTimerPhase.Running ? timer : timer.Resume(when),
        };
    }
}
