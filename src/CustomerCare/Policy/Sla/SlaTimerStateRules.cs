using CustomerCare.Policy.Calendar;
using NodaTime;

namespace CustomerCare.Policy.Sla;

/// <summary>The consistency rules a stored <see cref="SlaTimerState"/> must meet before it becomes a timer again.</summary>
internal static class SlaTimerStateRules
{
    public static List<FieldError> Check(SlaTimerState state, BusinessCalendar calendar)
    {
        var errors = new List<FieldError>();
        if (Identifiers.Check(state.SubjectId, 256, "subject_id") is { } subjectError)
        {
            errors.Add(subjectError);
        }

        if (!string.Equals(state.CalendarId, calendar.Id, StringComparison.Ordinal))
        {
            errors.Add(FieldErrors.Create("calendar_id", state.CalendarId, FieldErrorCodes.Unknown, "is not the calendar given (" + calendar.Id + ")"));
        }

        if (!Enum.IsDefined(state.Metric))
        {
            errors.Add(FieldErrors.Create("metric", state.Metric.ToString(), FieldErrorCodes.Unknown, "is not an SLA metric"));
        }

        if (!Enum.IsDefined(state.Phase))
        {
            errors.Add(FieldErrors.Create("phase", state.Phase.ToString(), FieldErrorCodes.Unknown, "is not a timer phase"));
        }

        if (state.Target <= Duration.Zero)
        {
            errors.Add(FieldErrors.Create("target", state.Target.ToString(), FieldErrorCodes.OutOfRange, "is not positive"));
        }

        if (state.WarningAfter is { } warningAfter && (warningAfter <= Duration.Zero || warningAfter > state.Target))
        {
            errors.Add(FieldErrors.Create("warning_after", warningAfter.ToString(), FieldErrorCodes.OutOfRange, "is not between zero and the target"));
        }

        if (state.PhaseSince < state.StartedAt)
        {
            errors.Add(FieldErrors.Create("phase_since", state.PhaseSince.ToString(), FieldErrorCodes.OutOfRange, "is before the timer started (" + state.StartedAt + ")"));
        }

        if (state.UsedBefore < Duration.Zero)
        {
            errors.Add(FieldErrors.Create("used_before", state.UsedBefore.ToString(), FieldErrorCodes.OutOfRange, "is negative"));
        }

        if (state.Phase == SlaTimerPhase.Running && state.Deadline is null)
        {
            errors.Add(FieldErrors.Create("deadline", null, FieldErrorCodes.Required, "is required while the timer runs"));
        }

        return errors;
    }
}
