using NodaTime;

namespace CustomerCare.Policy.Sla;

/// <summary>Where an SLA timer stands at an instant.</summary>
/// <param name="State">On track, warning, breached, met or paused.</param>
/// <param name="Deadline">
/// When the target is due: the current deadline while running, the deadline that was met or missed once stopped, the
/// missed deadline when breached; <see langword="null"/> while paused before the deadline, because the deadline moves
/// by the time the timer stays paused.
/// </param>
/// <param name="WarningAt">When the warning share of the target is used up; <see langword="null"/> when there is no warning or it has not been reached before a pause or stop.</param>
/// <param name="Used">The business time counted so far (paused time excluded).</param>
/// <param name="Remaining">The target minus <paramref name="Used"/>; negative when the timer ran past the deadline during business hours.</param>
/// <param name="NextCheckAt">
/// The first instant at which <see cref="SlaTimer.Check"/> reports an event it has not reported yet (at or before now
/// when one is pending), or <see langword="null"/> when nothing more can happen until the timer is resumed or stopped.
/// A scheduler can sort timers by it.
/// </param>
public sealed record SlaStatus(SlaState State, Instant? Deadline, Instant? WarningAt, Duration Used, Duration Remaining, Instant? NextCheckAt);
