using CustomerCare.Policy.Calendar;
using NodaTime;

namespace CustomerCare.Policy.Sla;

/// <summary>
/// The clock of one SLA target for one subject (the first response to a complaint, its resolution): started at an
/// instant, paused while waiting on the customer, resumed, stopped when the target is achieved. Paused time is credited
/// back: on resume the deadline moves by the business time that passed while paused, so a reopened complaint gets the
/// time it had left instead of escalating at once.
/// </summary>
/// <remarks>
/// <para>
/// An immutable value: <see cref="Pause"/>, <see cref="Resume"/>, <see cref="Stop"/> and <see cref="Check"/> return a
/// new timer; <see cref="ToState"/> gives what to persist. The timer never reads a clock: every method takes the
/// instant. Pausing a paused timer, resuming a running one or stopping a stopped one returns it unchanged, so replayed
/// status changes are harmless.
/// </para>
/// <para>
/// The deadline is the first instant at which the business time counted while running reaches the target. The target
/// is missed (<see cref="SlaState.Breached"/>) when the timer runs past it; answering exactly at the deadline meets it.
/// A breach stands: pausing, resuming or stopping afterwards does not undo it. Thread-safe, as immutable.
/// </para>
/// </remarks>
public sealed record SlaTimer
{
    private SlaTimer(BusinessCalendar calendar, string subjectId, SlaMetric metric, Duration target, Duration? warningAfter, Instant startedAt)
    {
        Calendar = calendar;
        SubjectId = subjectId;
        Metric = metric;
        Target = target;
        WarningAfter = warningAfter;
        StartedAt = startedAt;
        PhaseSince = startedAt;
    }

    /// <summary>The calendar business time is counted on (<see cref="BusinessCalendar.AlwaysOpen"/> for elapsed time).</summary>
    public BusinessCalendar Calendar { get; private init; }

    /// <summary>The id of what the timer measures, such as a complaint id.</summary>
    public string SubjectId { get; }

    /// <summary>The target measured.</summary>
    public SlaMetric Metric { get; }

    /// <summary>The business time allowed.</summary>
    public Duration Target { get; }

    /// <summary>The business time after which the warning is raised; <see langword="null"/> for none.</summary>
    public Duration? WarningAfter { get; }

    /// <summary>When the timer started.</summary>
    public Instant StartedAt { get; }

    /// <summary>Whether the timer is running, paused or stopped.</summary>
    public SlaTimerPhase Phase { get; private init; }

    /// <summary>When the timer entered its phase.</summary>
    public Instant PhaseSince { get; private init; }

    /// <summary>The business time used up to <see cref="PhaseSince"/>.</summary>
    public Duration UsedBefore { get; private init; }

    /// <summary>
    /// While running, the current deadline. While paused or stopped, the deadline that was missed when the timer ran
    /// past it; once stopped in time, the deadline that was met; <see langword="null"/> while paused in time.
    /// </summary>
    public Instant? Deadline { get; private init; }

    /// <summary>
    /// While running, when the warning share is used up. While paused or stopped, when it was used up, or
    /// <see langword="null"/> if it was not reached.
    /// </summary>
    public Instant? WarningAt { get; private init; }

    /// <summary>Whether <see cref="Check"/> has reported the warning.</summary>
    public bool WarningRaised { get; private init; }

    /// <summary>Whether <see cref="Check"/> has reported the breach.</summary>
    public bool BreachRaised { get; private init; }

    /// <summary>Starts a timer.</summary>
    /// <param name="subjectId">The id of what the timer measures, such as a complaint id (up to 256 characters).</param>
    /// <param name="metric">The target measured.</param>
    /// <param name="target">The business time allowed; positive.</param>
    /// <param name="calendar">The calendar to count on; <see cref="BusinessCalendar.AlwaysOpen"/> for elapsed time.</param>
    /// <param name="startedAt">When the clock starts; outside business hours it starts counting at the next opening.</param>
    /// <param name="warningShare">The share of the target after which the warning is raised, above 0 and below 1; <see langword="null"/> for no warning.</param>
    /// <returns>The running timer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is <see langword="null"/>.</exception>
    /// <exception cref="FieldValidationException">The subject id is blank or malformed (field <c>subject_id</c>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The target is not positive, the share is not between 0 and 1, or the deadline is outside <see cref="BusinessCalendar.SupportedInstants"/>.</exception>
    public static SlaTimer Start(string subjectId, SlaMetric metric, Duration target, BusinessCalendar calendar, Instant startedAt, double? warningShare = 0.8)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (Identifiers.Check(subjectId, 256, "subject_id") is { } error)
        {
            throw new FieldValidationException(error);
        }

        if (target <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "The target must be positive.");
        }

        if (warningShare is { } share && !(share > 0 && share < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(warningShare), warningShare, "The warning share must be above 0 and below 1.");
        }

        Duration? warningAfter = warningShare is { } s ? Max(target * s, Duration.Epsilon) : null;
        var timer = new SlaTimer(calendar, subjectId, metric, target, warningAfter, startedAt);
        return timer with { Deadline = calendar.AddBusinessTime(startedAt, target), WarningAt = timer.NextWarning(startedAt) };
    }

    /// <summary>Rebuilds a timer from what a store kept.</summary>
    /// <param name="state">The stored state.</param>
    /// <param name="calendar">The calendar whose <see cref="BusinessCalendar.Id"/> the state names.</param>
    /// <returns>The timer.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="FieldValidationException">The state is inconsistent; the error names the field and the value.</exception>
    public static SlaTimer FromState(SlaTimerState state, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(calendar);
        var errors = SlaTimerStateRules.Check(state, calendar);
        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }

        return new SlaTimer(calendar, state.SubjectId, state.Metric, state.Target, state.WarningAfter, state.StartedAt)
        {
            Phase = state.Phase,
            PhaseSince = state.PhaseSince,
            UsedBefore = state.UsedBefore,
            Deadline = state.Deadline,
            WarningAt = state.WarningAt,
            WarningRaised = state.WarningRaised,
            BreachRaised = state.BreachRaised,
        };
    }

    /// <summary>What to persist.</summary>
    /// <returns>The state, with <see cref="SlaTimerState.NextCheckAt"/> filled in for indexing.</returns>
    public SlaTimerState ToState() => new()
    {
        SubjectId = SubjectId,
        Metric = Metric,
        CalendarId = Calendar.Id,
        Target = Target,
        WarningAfter = WarningAfter,
        StartedAt = StartedAt,
        Phase = Phase,
        PhaseSince = PhaseSince,
        UsedBefore = UsedBefore,
        Deadline = Deadline,
        WarningAt = WarningAt,
        WarningRaised = WarningRaised,
        BreachRaised = BreachRaised,
        NextCheckAt = NextCheckAt(),
    };

    /// <summary>Pauses the timer (waiting on the customer): business time stops counting.</summary>
    /// <param name="at">When it pauses; not before <see cref="PhaseSince"/>.</param>
    /// <returns>The paused timer; this one when already paused.</returns>
    /// <exception cref="InvalidOperationException">The timer is stopped: resume it first.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before <see cref="PhaseSince"/>.</exception>
    public SlaTimer Pause(Instant at)
    {
        if (Phase == SlaTimerPhase.Paused)
        {
            return this;
        }

        if (Phase == SlaTimerPhase.Stopped)
        {
            throw new InvalidOperationException($"The {Metric} timer of '{SubjectId}' is stopped; resume it before pausing it.");
        }

        CheckNotBefore(at);
        return this with
        {
            Phase = SlaTimerPhase.Paused,
            PhaseSince = at,
            UsedBefore = UsedBefore + Calendar.BusinessTimeBetween(PhaseSince, at),
            Deadline = Deadline < at ? Deadline : null,
            WarningAt = WarningAt <= at ? WarningAt : null,
        };
    }

    /// <summary>
    /// Resumes a paused timer, or reopens a stopped one: the deadline becomes the instant at which the business time
    /// left runs out, counted from <paramref name="at"/>; the paused time is credited back. A target already missed
    /// stays missed.
    /// </summary>
    /// <param name="at">When it resumes; not before <see cref="PhaseSince"/>.</param>
    /// <returns>The running timer; this one when already running.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before <see cref="PhaseSince"/>, or the deadline is outside <see cref="BusinessCalendar.SupportedInstants"/>.</exception>
    public SlaTimer Resume(Instant at)
    {
        if (Phase == SlaTimerPhase.Running)
        {
            return this;
        }

        CheckNotBefore(at);
        var resumed = this with { Phase = SlaTimerPhase.Running, PhaseSince = at };
        return resumed with
        {
            Deadline = Deadline < PhaseSince ? Deadline : resumed.NextDeadline(at),
            WarningAt = WarningAt <= PhaseSince ? WarningAt : resumed.NextWarning(at),
        };
    }

    /// <summary>Stops the timer: the target was achieved (answered, resolved).</summary>
    /// <param name="at">When it was achieved; not before <see cref="PhaseSince"/>.</param>
    /// <returns>The stopped timer; this one when already stopped.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before <see cref="PhaseSince"/>.</exception>
    public SlaTimer Stop(Instant at)
    {
        if (Phase == SlaTimerPhase.Stopped)
        {
            return this;
        }

        CheckNotBefore(at);
        return this with
        {
            Phase = SlaTimerPhase.Stopped,
            PhaseSince = at,
            UsedBefore = UsedAt(at),
            WarningAt = WarningAt <= at ? WarningAt : null,
        };
    }

    /// <summary>
    /// Counts on another calendar from now on (or the same calendar rebuilt with new holidays): a running timer's
    /// deadline and warning are recomputed from <see cref="PhaseSince"/> with the business time left; the time already
    /// used, and a deadline already missed, stay as they are.
    /// </summary>
    /// <param name="calendar">The calendar.</param>
    /// <returns>The timer on the new calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The deadline is outside <see cref="BusinessCalendar.SupportedInstants"/>.</exception>
    public SlaTimer Recompute(BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var moved = this with { Calendar = calendar };
        if (Phase != SlaTimerPhase.Running)
        {
            return moved;
        }

        return moved with
        {
            Deadline = Deadline < PhaseSince ? Deadline : moved.NextDeadline(PhaseSince),
            WarningAt = WarningAt < PhaseSince ? WarningAt : moved.NextWarning(PhaseSince),
        };
    }

    /// <summary>The business time counted up to an instant (paused time excluded).</summary>
    /// <param name="now">The instant.</param>
    /// <returns>The business time used.</returns>
    public Duration UsedAt(Instant now) =>
        Phase == SlaTimerPhase.Running && now > PhaseSince ? UsedBefore + Calendar.BusinessTimeBetween(PhaseSince, now) : UsedBefore;

    /// <summary>Where the timer stands at an instant. Pure: reports nothing and changes nothing.</summary>
    /// <param name="now">The instant.</param>
    /// <returns>The status.</returns>
    public SlaStatus Evaluate(Instant now)
    {
        var missed = Deadline is { } deadline && (Phase == SlaTimerPhase.Running ? now > deadline : deadline < PhaseSince);
        var state = (missed, Phase) switch
        {
            (true, _) => SlaState.Breached,
            (false, SlaTimerPhase.Paused) => SlaState.Paused,
            (false, SlaTimerPhase.Stopped) => SlaState.Met,
            _ => WarningAt <= now ? SlaState.Warning : SlaState.OnTrack,
        };
        var used = UsedAt(now);
        return new SlaStatus(state, Deadline, WarningAt, used, Target - used, NextCheckAt());
    }

    /// <summary>
    /// Evaluates the timer and reports the escalations reached by <paramref name="now"/> that were not reported
    /// before: each condition is reported exactly once, even when checked late, with the instant it was reached.
    /// </summary>
    /// <param name="now">The instant.</param>
    /// <returns>The timer to store (events marked as raised), its status, and the new events.</returns>
    public SlaCheckResult Check(Instant now)
    {
        var timer = this;
        var events = new List<SlaEvent>(2);
        if (!WarningRaised && WarningAt is { } warningAt && warningAt <= now)
        {
            events.Add(new SlaWarning(SubjectId, Metric, StartedAt, warningAt, Deadline));
            timer = timer with { WarningRaised = true };
        }

        if (!BreachRaised && Deadline is { } deadline && deadline < now && (Phase == SlaTimerPhase.Running || deadline < PhaseSince))
        {
            events.Add(new SlaBreached(SubjectId, Metric, StartedAt, deadline));
            timer = timer with { BreachRaised = true };
        }

        return new SlaCheckResult(timer, timer.Evaluate(now), events);
    }

    private Instant? NextCheckAt()
    {
        Instant? next = !WarningRaised ? WarningAt : null;
        if (!BreachRaised && Deadline is { } deadline && (Phase == SlaTimerPhase.Running || deadline < PhaseSince))
        {
            var breachAt = deadline + Duration.Epsilon;
            next = next is { } warning && warning < breachAt ? warning : breachAt;
        }

        return next;
    }

    private Instant NextDeadline(Instant from) => Calendar.AddBusinessTime(from, Max(Target - UsedBefore, Duration.Zero));

    private Instant? NextWarning(Instant from) =>
        WarningAfter is { } after ? Calendar.AddBusinessTime(from, Max(after - UsedBefore, Duration.Zero)) : null;

    private void CheckNotBefore(Instant at)
    {
        if (at < PhaseSince)
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, $"The {Metric} timer of '{SubjectId}' has been {Phase.ToString().ToLowerInvariant()} since {PhaseSince}; events must come in order.");
        }
    }

    private static Duration Max(Duration a, Duration b) => a > b ? a : b;
}
