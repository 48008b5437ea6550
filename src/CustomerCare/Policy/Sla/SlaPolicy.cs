using CustomerCare.Complaints;
using CustomerCare.Policy.Calendar;
using NodaTime;

namespace CustomerCare.Policy.Sla;

/// <summary>
/// The SLA part of the satisfaction policy: the target table, the business calendar, and the warning share. Starts
/// the timers for a subject (a complaint) and restores stored ones.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SlaPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="targets">The targets.</param>
    /// <param name="businessCalendar">The calendar of business-hours channels.</param>
    /// <param name="warningShare">The share of a target after which a warning is raised, above 0 and below 1; <see langword="null"/> for no warning.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The business calendar is not <see cref="BusinessCalendar.AlwaysOpen"/> but uses its id <c>always-open</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The share is not between 0 and 1.</exception>
    public SlaPolicy(SlaTargetTable targets, BusinessCalendar businessCalendar, double? warningShare = 0.8)
    {
        Targets = targets ?? throw new ArgumentNullException(nameof(targets));
        BusinessCalendar = businessCalendar ?? throw new ArgumentNullException(nameof(businessCalendar));
        if (!ReferenceEquals(businessCalendar, BusinessCalendar.AlwaysOpen) && businessCalendar.Id == BusinessCalendar.AlwaysOpen.Id)
        {
            throw new ArgumentException($"The id '{businessCalendar.Id}' is reserved for BusinessCalendar.AlwaysOpen.", nameof(businessCalendar));
        }

        if (warningShare is { } share && !(share > 0 && share < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(warningShare), warningShare, "The warning share must be above 0 and below 1.");
        }

        WarningShare = warningShare;
    }

    /// <summary>The targets.</summary>
    public SlaTargetTable Targets { get; }

    /// <summary>The calendar of business-hours channels.</summary>
    public BusinessCalendar BusinessCalendar { get; }

    /// <summary>The share of a target after which a warning is raised; <see langword="null"/> for none.</summary>
    public double? WarningShare { get; }

    /// <summary>Builds a policy from bindable options, on top of <see cref="SlaTargetTable.Default"/>.</summary>
    /// <param name="options">The options.</param>
    /// <param name="businessCalendar">The calendar of business-hours channels.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="FieldValidationException">
    /// A value is refused; every problem is listed, naming the field (<c>channels.Email.first_response</c>,
    /// <c>priority_factors.High</c>, <c>warning_share</c>, ...) and the value.
    /// </exception>
    public static SlaPolicy FromOptions(SlaPolicyOptions options, BusinessCalendar businessCalendar) =>
        SlaPolicyOptionsReader.Read(options, businessCalendar);

    /// <summary>The calendar a channel's timers count on: the business calendar, or <see cref="BusinessCalendar.AlwaysOpen"/> around the clock.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The channel is not defined.</exception>
    public BusinessCalendar CalendarFor(ComplaintChannel channel) =>
        Targets.BasisOf(channel) == SlaTimeBasis.AroundTheClock ? BusinessCalendar.AlwaysOpen : BusinessCalendar;

    /// <summary>Starts the timer of one target.</summary>
    /// <param name="subjectId">The id of what the timer measures, such as a complaint id.</param>
    /// <param name="channel">The channel.</param>
    /// <param name="priority">The priority.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="startedAt">When the clock starts (the complaint's arrival, the customer's message).</param>
    /// <returns>The running timer, or <see langword="null"/> when the table has no target for that cell.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is not defined, or the deadline is outside <see cref="BusinessCalendar.SupportedInstants"/>.</exception>
    /// <exception cref="FieldValidationException">The subject id is blank or malformed.</exception>
    public SlaTimer? StartTimer(string subjectId, ComplaintChannel channel, ComplaintPriority priority, SlaMetric metric, Instant startedAt) =>
        Targets.TargetFor(channel, priority, metric) is { } target
            ? SlaTimer.Start(subjectId, metric, target, CalendarFor(channel), startedAt, WarningShare)
            : null;

    /// <summary>Rebuilds a stored timer on the calendar its state names (this policy's business calendar or <see cref="BusinessCalendar.AlwaysOpen"/>).</summary>
    /// <param name="state">The stored state.</param>
    /// <returns>The timer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is <see langword="null"/>.</exception>
    /// <exception cref="FieldValidationException">The state names another calendar, or is inconsistent.</exception>
    public SlaTimer Restore(SlaTimerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var calendar = state.CalendarId == BusinessCalendar.AlwaysOpen.Id ? BusinessCalendar.AlwaysOpen : BusinessCalendar;
        return SlaTimer.FromState(state, calendar);
    }
}
