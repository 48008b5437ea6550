using CustomerCare.Policy.Calendar;
using CustomerCare.Policy.Sla;
using NodaTime;
using static CustomerCare.Tests.Policy.Calendar.Calendars;

namespace CustomerCare.Tests.Policy.Sla;

public sealed class SlaTimerTests
{
    private const string Zone = "Europe/Istanbul";
    private static readonly BusinessCalendar Hours = Weekdays(Zone, 9, 17);

    // Monday 2026-06-08 09:00, 8 business hours: due Monday 17:00, warning at 80 % (6 h 24 min) at 15:24.
    private static SlaTimer Started() => SlaTimer.Start("complaint-1", SlaMetric.Resolution, Duration.FromHours(8), Hours, Mon(9), 0.8);

    [Fact]
    public void Start_SetsTheDeadlineAndTheWarningAtTheShareOfTheTarget()
    {
        var timer = Started();

        Assert.Equal(Mon(17), timer.Deadline);
        Assert.Equal(Mon(15, 24), timer.WarningAt);
    }

    [Theory]
    [InlineData(0, SlaState.OnTrack)]
    [InlineData(1, SlaState.Warning)]
    [InlineData(2, SlaState.Warning)]
    [InlineData(3, SlaState.Breached)]
    [InlineData(4, SlaState.Breached)]
    public void Evaluate_MovesFromOnTrackToWarningToBreachedAfterTheDeadline(int moment, SlaState expected)
    {
        Instant[] moments = [Mon(15, 23), Mon(15, 24), Mon(17), Mon(17) + Duration.Epsilon, Mon(17) + Duration.FromDays(1)];

        Assert.Equal(expected, Started().Evaluate(moments[moment]).State);
    }

    [Fact]
    public void PausedTime_IsCreditedBack_SoAResumedTimerIsNotBreachedAtOnce()
    {
        var paused = Started().Pause(Mon(13));

        var resumed = paused.Resume(Wed(13));
        var status = resumed.Evaluate(Wed(13));

        Assert.Equal(SlaState.OnTrack, status.State);
        Assert.Equal(Wed(17), status.Deadline);
        Assert.Equal(Wed(15, 24), status.WarningAt);
        Assert.Equal(Duration.FromHours(4), status.Remaining);
        Assert.Equal(SlaState.Breached, Started().Evaluate(Wed(13)).State);
    }

    [Fact]
    public void Evaluate_WhilePaused_FreezesTheUsedTimeAndHasNoDeadline()
    {
        var status = Started().Pause(Mon(13)).Evaluate(Wed(10));

        Assert.Equal(new SlaStatus(SlaState.Paused, null, null, Duration.FromHours(4), Duration.FromHours(4), null), status);
    }

    [Fact]
    public void PauseAfterTheDeadline_KeepsTheBreach_ThroughPauseAndResume()
    {
        var paused = Started().Pause(Tue(10));
        var resumed = paused.Resume(Wed(9));

        Assert.Equal((SlaState.Breached, Mon(17)), (paused.Evaluate(Tue(12)).State, paused.Evaluate(Tue(12)).Deadline));
        Assert.Equal((SlaState.Breached, Mon(17)), (resumed.Evaluate(Wed(9)).State, resumed.Deadline));
    }

    [Fact]
    public void PauseExactlyAtTheDeadline_IsInTime_AndResumingLeavesNoTime()
    {
        var paused = Started().Pause(Mon(17));
        var resumed = paused.Resume(Wed(10));

        Assert.Equal(SlaState.Paused, paused.Evaluate(Tue(10)).State);
        Assert.Equal(Wed(10), resumed.Deadline);
        Assert.Equal(SlaState.Met, resumed.Stop(Wed(10)).Evaluate(Wed(11)).State);
        Assert.Equal(SlaState.Breached, resumed.Evaluate(Wed(10, 1)).State);
    }

    [Theory]
    [InlineData(16, 0, SlaState.Met)]
    [InlineData(17, 0, SlaState.Met)]
    [InlineData(17, 1, SlaState.Breached)]
    public void Stop_AtOrBeforeTheDeadlineMeetsIt_AfterItBreachesIt(int hour, int minute, SlaState expected)
    {
        var stopped = Started().Stop(Mon(hour, minute));

        Assert.Equal(expected, stopped.Evaluate(Tue(12)).State);
    }

    [Fact]
    public void Resume_AfterStop_ReopensWithTheTimeLeft()
    {
        var reopened = Started().Stop(Mon(13)).Resume(Wed(9));

        Assert.Equal(Wed(13), reopened.Deadline);
        Assert.Equal(SlaTimerPhase.Running, reopened.Phase);
    }

    [Fact]
    public void Check_ReportsTheWarningOnceThenTheBreachOnce()
    {
        var first = Started().Check(Mon(16));
        var again = first.Timer.Check(Mon(16, 30));
        var late = again.Timer.Check(Tue(9));
        var after = late.Timer.Check(Wed(9));

        var warning = Assert.IsType<SlaWarning>(Assert.Single(first.Events));
        Assert.Equal((Mon(15, 24), (Instant?)Mon(17)), (warning.OccurredAt, warning.Deadline));
        Assert.Empty(again.Events);
        var breach = Assert.IsType<SlaBreached>(Assert.Single(late.Events));
        Assert.Equal(Mon(17), breach.OccurredAt);
        Assert.Empty(after.Events);
        Assert.Equal(SlaState.Breached, late.Status.State);
    }

    [Fact]
    public void Check_Late_ReportsBothEventsInOrderWithTheirOwnInstants()
    {
        var events = Started().Check(Wed(9)).Events;

        Assert.Equal(["warning", "breached"], events.Select(e => e.Kind));
        Assert.Equal([Mon(15, 24), Mon(17)], events.Select(e => e.OccurredAt));
        Assert.Equal("complaint-1/Resolution/" + Mon(9).ToUnixTimeTicks() + "/breached", events[1].Key);
    }

    [Fact]
    public void Check_StoppedInTime_ReportsNoBreach()
    {
        var result = Started().Stop(Mon(14)).Check(Wed(9));

        Assert.Empty(result.Events);
        Assert.Equal(SlaState.Met, result.Status.State);
        Assert.Null(result.Status.NextCheckAt);
    }

    [Fact]
    public void NextCheckAt_IsTheWarningThenJustAfterTheDeadline()
    {
        var timer = Started();

        Assert.Equal(Mon(15, 24), timer.Evaluate(Mon(10)).NextCheckAt);
        Assert.Equal(Mon(17) + Duration.Epsilon, timer.Check(Mon(16)).Status.NextCheckAt);
    }

    [Fact]
    public void WithoutWarningShare_ThereIsNoWarning()
    {
        var timer = SlaTimer.Start("c", SlaMetric.FirstResponse, Duration.FromHours(1), Hours, Mon(9), warningShare: null);

        Assert.Null(timer.WarningAt);
        Assert.Equal(SlaState.OnTrack, timer.Evaluate(Mon(9, 59)).State);
        Assert.Equal(["breached"], timer.Check(Mon(11)).Events.Select(e => e.Kind));
    }

    [Fact]
    public void RepeatedPauseResumeAndStop_ReturnTheSameTimer()
    {
        var paused = Started().Pause(Mon(10));
        var stopped = Started().Stop(Mon(10));
        var running = Started();

        Assert.Same(paused, paused.Pause(Mon(11)));
        Assert.Same(running, running.Resume(Mon(11)));
        Assert.Same(stopped, stopped.Stop(Mon(11)));
    }

    [Fact]
    public void EventsOutOfOrder_AreRefused()
    {
        var paused = Started().Pause(Mon(12));

        Assert.Equal("at", Assert.Throws<ArgumentOutOfRangeException>(() => paused.Resume(Mon(11))).ParamName);
        Assert.Throws<InvalidOperationException>(() => Started().Stop(Mon(12)).Pause(Mon(13)));
    }

    [Theory]
    [InlineData("complaint-1", 0, 0.8, "target")]
    [InlineData("complaint-1", 60, 1.0, "warningShare")]
    [InlineData("complaint-1", 60, 0.0, "warningShare")]
    public void Start_WithABadTargetOrShare_IsRefused(string subject, int minutes, double share, string parameter)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => SlaTimer.Start(subject, SlaMetric.FirstResponse, Duration.FromMinutes(minutes), Hours, Mon(9), share));

        Assert.Equal(parameter, exception.ParamName);
    }

    [Fact]
    public void Start_WithABlankSubject_IsRefusedNamingTheField()
    {
        var exception = Assert.Throws<FieldValidationException>(() => SlaTimer.Start(" ", SlaMetric.FirstResponse, Duration.FromHours(1), Hours, Mon(9)));

        Assert.Equal("subject_id", exception.Errors[0].Field);
    }

    [Fact]
    public void Recompute_WithANewHoliday_MovesTheDeadlineButNotTheTimeUsed()
    {
        var timer = Started().Pause(Mon(13)).Resume(Mon(14));
        var withHoliday = new BusinessCalendarBuilder("weekdays", Zone)
            .Open(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, new LocalTime(9, 0), new LocalTime(17, 0))
            .CloseFrom(new LocalDate(2026, 6, 8), new LocalTime(15, 0), "Power cut")
            .Build();

        var moved = timer.Recompute(withHoliday);

        Assert.Equal(Tue(10), timer.Deadline);
        Assert.Equal(Tue(12), moved.Deadline);
        Assert.Equal(timer.UsedBefore, moved.UsedBefore);
    }

    private static Instant Mon(int hour, int minute = 0) => At(Zone, 2026, 6, 8, hour, minute);

    private static Instant Tue(int hour, int minute = 0) => At(Zone, 2026, 6, 9, hour, minute);

    private static Instant Wed(int hour, int minute = 0) => At(Zone, 2026, 6, 10, hour, minute);
}
