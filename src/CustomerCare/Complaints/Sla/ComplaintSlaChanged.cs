using CustomerCare.Policy.Sla;
using NodaTime;

namespace CustomerCare.Complaints.Sla;

/// <summary>A complaint's response target is at risk (<see cref="SlaWarning"/>) or missed (<see cref="SlaBreached"/>): reassign it, tell a lead.</summary>
/// <param name="Complaint">The complaint, with the timer's new state stored.</param>
/// <param name="At">When the sweep saw it.</param>
/// <param name="Sla">The warning or the breach, with the instant the condition was reached.</param>
public sealed record ComplaintSlaChanged(Complaint Complaint, Instant At, SlaEvent Sla) : ComplaintEvent(Complaint, At);
