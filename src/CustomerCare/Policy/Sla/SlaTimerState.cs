using NodaTime;

namespace CustomerCare.Policy.Sla;

/// <summary>
/// Everything a store keeps of an <see cref="SlaTimer"/>: plain values, serializable as they are. Turn it back into
/// a timer with <see cref="SlaTimer.FromState"/> or <see cref="SlaPolicy.Restore"/>.
/// </summary>
/// <remarks>
/// <see cref="Deadline"/> and <see cref="NextCheckAt"/> are worth indexing: "timers due by now" is
/// <c>NextCheckAt &lt;= now</c>.
/// </remarks>
public sealed record SlaTimerState
{
    /// <summary>The id of what the timer measures, such as a complaint id.</summary>
    public string SubjectId { get; init; } = string.Empty;

    /// <summary>The target measured.</summary>
    public SlaMetric Metric { get; init; }

    /// <summary>The id of the <see cref="Calendar.BusinessCalendar"/> the timer counts on.</summary>
    public string CalendarId { get; init; } = string.Empty;

    /// <summary>The business time allowed.</summary>
    public Duration Target { get; init; }

    /// <summary>The business time after which the warning is raised; <see langword="null"/> for none.</summary>
    public Duration? WarningAfter { get; init; }

    /// <summary>When the timer started.</summary>
    public Instant StartedAt { get; init; }

    /// <summary>Whether the timer is running, paused or stopped.</summary>
    public SlaTimerPhase Phase { get; init; }

    /// <summary>When the timer entered its phase (started or resumed, paused, stopped).</summary>
    public Instant PhaseSince { get; init; }

    /// <summary>The business time used up to <see cref="PhaseSince"/>.</summary>
    public Duration UsedBefore { get; init; }

    /// <summary>The deadline (see <see cref="SlaTimer.Deadline"/>).</summary>
    public Instant? Deadline { get; init; }

    /// <summary>The warning instant (see <see cref="SlaTimer.WarningAt"/>).</summary>
    public Instant? WarningAt { get; init; }

    /// <summary>Whether the warning event was reported.</summary>
    public bool WarningRaised { get; init; }

    /// <summary>Whether the breach event was reported.</summary>
    public bool BreachRaised { get; init; }

    /// <summary>When the timer next needs checking (see <see cref="SlaStatus.NextCheckAt"/>); kept for indexing, recomputed on restore.</summary>
    public Instant? NextCheckAt { get; init; }
}
