using CustomerCare.Complaints;
using CustomerCare.Policy.Calendar;
using CustomerCare.Policy.Sla;
using NodaTime;
using static CustomerCare.Tests.Policy.Calendar.Calendars;

namespace CustomerCare.Tests.Policy.Sla;

public sealed class SlaTimerStateTests
{
    private static readonly BusinessCalendar Hours = Weekdays("Europe/Istanbul", 9, 17);
    private static readonly Instant Monday9 = At("Europe/Istanbul", 2026, 6, 8, 9);

    [Fact]
    public void ToStateThenFromState_GivesTheSameTimer_InEveryPhase()
    {
        var running = SlaTimer.Start("complaint-7", SlaMetric.FirstResponse, Duration.FromHours(2), Hours, Monday9).Check(Monday9 + Duration.FromHours(2)).Timer;
        SlaTimer[] timers = [running, running.Pause(Monday9 + Duration.FromHours(3)), running.Stop(Monday9 + Duration.FromHours(1))];

        foreach (var timer in timers)
        {
            Assert.Equal(timer, SlaTimer.FromState(timer.ToState(), Hours));
        }
    }

    [Fact]
    public void ToState_CarriesTheNextCheckInstantForIndexing()
    {
        var state = SlaTimer.Start("complaint-7", SlaMetric.FirstResponse, Duration.FromHours(2), Hours, Monday9, 0.5).ToState();

        Assert.Equal((Monday9 + Duration.FromHours(1), "weekdays"), (state.NextCheckAt, state.CalendarId));
    }

    [Fact]
    public void FromState_Inconsistent_IsRefusedNamingEveryField()
    {
        var state = new SlaTimerState
        {
            SubjectId = "complaint-7",
            CalendarId = "another",
            Target = Duration.Zero,
            StartedAt = Monday9,
            PhaseSince = Monday9 - Duration.FromHours(1),
            Phase = SlaTimerPhase.Running,
        };

        var errors = Assert.Throws<FieldValidationException>(() => SlaTimer.FromState(state, Hours)).Errors;

        Assert.Equal(["calendar_id", "target", "phase_since", "deadline"], errors.Select(e => e.Field));
        Assert.Equal("another", errors[0].AttemptedValue);
    }

    [Fact]
    public void PolicyRestore_PicksTheCalendarTheStateNames()
    {
        var policy = new SlaPolicy(SlaTargetTable.Default, Hours);
        var social = policy.StartTimer("complaint-7", ComplaintChannel.Twitter, ComplaintPriority.Normal, SlaMetric.FirstResponse, Monday9)!;
        var email = policy.StartTimer("complaint-7", ComplaintChannel.Email, ComplaintPriority.Normal, SlaMetric.FirstResponse, Monday9)!;

        Assert.Same(BusinessCalendar.AlwaysOpen, policy.Restore(social.ToState()).Calendar);
        Assert.Same(Hours, policy.Restore(email.ToState()).Calendar);
    }
}
