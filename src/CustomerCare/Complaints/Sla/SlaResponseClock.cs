using CustomerCare.Insights;
using CustomerCare.Policy.Sla;
using NodaTime;

namespace CustomerCare.Complaints.Sla;

/// <summary>
/// Measures response times from the complaints' own timers: the business time a stopped timer used, which leaves out
/// the time spent waiting for the customer; a complaint without a timer is measured on its channel's calendar.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class SlaResponseClock : IResponseClock
{
    private readonly ComplaintSlaTracker _tracker;

    /// <summary>Creates the clock.</summary>
    /// <param name="tracker">The timers' policy.</param>
    public SlaResponseClock(ComplaintSlaTracker tracker)
    {
        _tracker = tracker ?? throw new ArgumentNullException(nameof(tracker));
    }

    /// <inheritdoc />
    public Duration? Took(Complaint complaint, ResponseMetric metric)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var reachedAt = metric == ResponseMetric.FirstResponse ? complaint.FirstRespondedAt : complaint.ResolvedAt;
        if (reachedAt is not { } at)
        {
            return null;
        }

        var timer = _tracker.TimersOf(complaint).FirstOrDefault(t => t.Metric == MetricOf(metric));
        if (timer is { Phase: SlaTimerPhase.Stopped })
        {
            return timer.UsedBefore;
        }

        var calendar = _tracker.Policy.CalendarFor(complaint.Channel);
        return at > complaint.ReceivedAt ? calendar.BusinessTimeBetween(complaint.ReceivedAt, at) : Duration.Zero;
    }

    /// <inheritdoc />
    public Duration? TargetOf(Complaint complaint, ResponseMetric metric)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return _tracker.Policy.Targets.TargetFor(complaint.Channel, complaint.Priority, MetricOf(metric));
    }

    private static SlaMetric MetricOf(ResponseMetric metric) => metric == ResponseMetric.FirstResponse ? SlaMetric.FirstResponse : SlaMetric.Resolution;
}
