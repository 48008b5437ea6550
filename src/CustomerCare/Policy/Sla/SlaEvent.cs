using System.Globalization;
using NodaTime;

namespace CustomerCare.Policy.Sla;

/// <summary>
/// An escalation raised by an SLA timer, for another component (notifications, assignment, reports) to react to. It
/// names its subject by an opaque id, so it does not depend on what the subject is (a complaint, a conversation).
/// </summary>
/// <param name="SubjectId">The id of what the timer measures, such as a complaint id.</param>
/// <param name="Metric">The target measured.</param>
/// <param name="TimerStartedAt">When the timer started; with the subject and metric it identifies the timer.</param>
/// <param name="OccurredAt">When the condition was reached (not when it was noticed).</param>
public abstract record SlaEvent(string SubjectId, SlaMetric Metric, Instant TimerStartedAt, Instant OccurredAt)
{
    /// <summary>The kind of event: <c>warning</c> or <c>breached</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>
    /// A stable key, the same every time this event is produced for this timer:
    /// <c>{subject}/{metric}/{timer start, Unix ticks}/{kind}</c>. Use it to deduplicate.
    /// </summary>
    public string Key => string.Create(
        CultureInfo.InvariantCulture,
        $"{SubjectId}/{Metric}/{TimerStartedAt.ToUnixTimeTicks()}/{Kind}");
}

/// <summary>The warning share of a target has been used: the deadline is at risk.</summary>
/// <param name="SubjectId">The id of what the timer measures.</param>
/// <param name="Metric">The target measured.</param>
/// <param name="TimerStartedAt">When the timer started.</param>
/// <param name="OccurredAt">When the warning share was used up.</param>
/// <param name="Deadline">The deadline as it stood then; <see langword="null"/> when the timer has since been paused.</param>
public sealed record SlaWarning(string SubjectId, SlaMetric Metric, Instant TimerStartedAt, Instant OccurredAt, Instant? Deadline)
    : SlaEvent(SubjectId, Metric, TimerStartedAt, OccurredAt)
{
    /// <inheritdoc />
    public override string Kind => "warning";
}

/// <summary>The deadline passed while the timer was running: the target was missed.</summary>
/// <param name="SubjectId">The id of what the timer measures.</param>
/// <param name="Metric">The target measured.</param>
/// <param name="TimerStartedAt">When the timer started.</param>
/// <param name="OccurredAt">The deadline that was missed; the breach is any instant after it.</param>
public sealed record SlaBreached(string SubjectId, SlaMetric Metric, Instant TimerStartedAt, Instant OccurredAt)
    : SlaEvent(SubjectId, Metric, TimerStartedAt, OccurredAt)
{
    /// <inheritdoc />
    public override string Kind => "breached";
}
