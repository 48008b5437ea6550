using CustomerCare.Policy.Calendar;
using NodaTime;
using static CustomerCare.Tests.Policy.Calendar.Calendars;

namespace CustomerCare.Tests.Policy.Calendar;

public sealed class BusinessCalendarTests
{
    [Theory]
    [InlineData("Europe/Istanbul")]
    [InlineData("America/New_York")]
    public void AddBusinessTime_Friday17Plus8Hours_OnWeekdays9To17_IsMonday17(string zone)
    {
        var deadline = Weekdays(zone, 9, 17).AddBusinessTime(At(zone, 2026, 6, 5, 17), Duration.FromHours(8));

        Assert.Equal(new LocalDateTime(2026, 6, 8, 17, 0), deadline.Local(zone));
    }

    [Fact]
    public void AddBusinessTime_Friday16Plus4Hours_OnWeekdays8To17_IsMonday11()
    {
        var deadline = Weekdays("Europe/Istanbul", 8, 17).AddBusinessTime(At("Europe/Istanbul", 2026, 6, 5, 16), Duration.FromHours(4));

        Assert.Equal(new LocalDateTime(2026, 6, 8, 11, 0), deadline.Local("Europe/Istanbul"));
    }

    [Fact]
    public void AddBusinessTime_AcrossTheSpringForwardWeekend_IsStillMonday17LocalTime()
    {
        var deadline = Weekdays("America/New_York", 9, 17).AddBusinessTime(At("America/New_York", 2026, 3, 6, 17), Duration.FromHours(8));

        Assert.Equal(Instant.FromUtc(2026, 3, 9, 21, 0), deadline);
    }

    [Theory]
    [InlineData(6, 10, 0, 60, 8, 10, 0)]
    [InlineData(8, 7, 0, 30, 8, 9, 30)]
    [InlineData(8, 17, 30, 30, 9, 9, 30)]
    public void AddBusinessTime_StartingOutsideHours_StartsCountingAtTheNextOpening(int day, int hour, int minute, int minutes, int dueDay, int dueHour, int dueMinute)
    {
        var start = At("Europe/Istanbul", 2026, 6, day, hour, minute);

        var deadline = Weekdays("Europe/Istanbul", 9, 17).AddBusinessTime(start, Duration.FromMinutes(minutes));

        Assert.Equal(new LocalDateTime(2026, 6, dueDay, dueHour, dueMinute), deadline.Local("Europe/Istanbul"));
    }

    [Fact]
    public void AddBusinessTime_RunningOutExactlyAtClosing_IsTheClosingTimeNotTheNextOpening()
    {
        var deadline = Weekdays("Europe/Istanbul", 9, 17).AddBusinessTime(At("Europe/Istanbul", 2026, 6, 8, 9), Duration.FromHours(8));

        Assert.Equal(new LocalDateTime(2026, 6, 8, 17, 0), deadline.Local("Europe/Istanbul"));
    }

    [Fact]
    public void AddBusinessTime_OverTheLunchBreak_SkipsTheBreak()
    {
        var deadline = WithLunchBreak().AddBusinessTime(At("Europe/Istanbul", 2026, 6, 8, 12), Duration.FromHours(1));

        Assert.Equal(new LocalDateTime(2026, 6, 8, 14, 0), deadline.Local("Europe/Istanbul"));
    }

    [Fact]
    public void AddBusinessTime_Zero_IsTheStartEvenOutsideHours()
    {
        var saturday = At("Europe/Istanbul", 2026, 6, 6, 10);

        Assert.Equal(saturday, Weekdays("Europe/Istanbul", 9, 17).AddBusinessTime(saturday, Duration.Zero));
    }

    [Fact]
    public void AddBusinessTime_ManyWeeks_CountsEveryWeek()
    {
        var deadline = WithLunchBreak().AddBusinessTime(At("Europe/Istanbul", 2026, 1, 5, 9), Duration.FromHours(8 * 5 * 52));

        Assert.Equal(new LocalDateTime(2027, 1, 1, 18, 0), deadline.Local("Europe/Istanbul"));
    }

    [Fact]
    public void AddBusinessTime_NegativeTime_IsRefused()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => WithLunchBreak().AddBusinessTime(Instant.FromUtc(2026, 1, 1, 0, 0), Duration.FromMinutes(-1)));

        Assert.Equal("businessTime", exception.ParamName);
    }

    [Fact]
    public void AddBusinessTime_OutsideTheSupportedYears_IsRefused()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => WithLunchBreak().AddBusinessTime(Instant.FromUtc(2300, 1, 1, 0, 0), Duration.FromHours(1)));

        Assert.Equal("start", exception.ParamName);
    }

    [Fact]
    public void BusinessTimeBetween_FridayEveningToTuesdayMorning_IsMondayOnly()
    {
        var calendar = WithLunchBreak();

        var time = calendar.BusinessTimeBetween(At("Europe/Istanbul", 2026, 6, 5, 17), At("Europe/Istanbul", 2026, 6, 9, 10));

        Assert.Equal(Duration.FromHours(1) + Duration.FromHours(8) + Duration.FromHours(1), time);
    }

    [Fact]
    public void BusinessTimeBetween_Backwards_IsNegative()
    {
        var calendar = WithLunchBreak();
        var a = At("Europe/Istanbul", 2026, 6, 8, 10);
        var b = At("Europe/Istanbul", 2026, 6, 8, 15);

        Assert.Equal(-calendar.BusinessTimeBetween(a, b), calendar.BusinessTimeBetween(b, a));
        Assert.Equal(Duration.FromHours(4), calendar.BusinessTimeBetween(a, b));
    }

    [Fact]
    public void IsOpen_AtLunchAndOnSunday_IsFalse()
    {
        var calendar = WithLunchBreak();

        Assert.True(calendar.IsOpen(At("Europe/Istanbul", 2026, 6, 8, 12, 29)));
        Assert.False(calendar.IsOpen(At("Europe/Istanbul", 2026, 6, 8, 12, 30)));
        Assert.False(calendar.IsOpen(At("Europe/Istanbul", 2026, 6, 7, 10)));
    }

    [Fact]
    public void AroundTheClock_HasNoGapAtMidnight()
    {
        // A far-away holiday keeps the interval path in use rather than the always-open shortcut.
        var calendar = new BusinessCalendarBuilder("24x7", "Europe/Istanbul").OpenAroundTheClock().Close(new LocalDate(2099, 1, 1)).Build();
        var week = new Interval(At("Europe/Istanbul", 2026, 6, 1, 0), At("Europe/Istanbul", 2026, 6, 8, 0));

        Assert.False(calendar.IsAlwaysOpen);
        Assert.Equal(Duration.FromMinutes(2), calendar.BusinessTimeBetween(At("Europe/Istanbul", 2026, 6, 1, 23, 59), At("Europe/Istanbul", 2026, 6, 2, 0, 1)));
        Assert.Equal([week], calendar.OpenIntervals(week));
    }

    [Fact]
    public void AlwaysOpen_CountsElapsedTime()
    {
        var start = Instant.FromUtc(2026, 6, 5, 17, 0);

        Assert.True(BusinessCalendar.AlwaysOpen.IsAlwaysOpen);
        Assert.Equal(start + Duration.FromHours(1), BusinessCalendar.AlwaysOpen.AddBusinessTime(start, Duration.FromHours(1)));
        Assert.Equal(Duration.FromDays(3), BusinessCalendar.AlwaysOpen.BusinessTimeBetween(start, start + Duration.FromDays(3)));
    }

    [Fact]
    public void OpenIntervals_OfAWeekWithLunchBreaks_AreTwoPerWeekday()
    {
        var intervals = WithLunchBreak().OpenIntervals(new Interval(At("Europe/Istanbul", 2026, 6, 8, 0), At("Europe/Istanbul", 2026, 6, 15, 0))).ToList();

        Assert.Equal(10, intervals.Count);
        Assert.Equal(new LocalDateTime(2026, 6, 8, 13, 30), intervals[1].Start.Local("Europe/Istanbul"));
    }

    [Fact]
    public void Calendar_UsedFromManyThreads_GivesTheSameDeadlines()
    {
        var calendar = Calendars.TurkishWeekdays();
        var starts = Enumerable.Range(0, 2000).Select(i => Instant.FromUtc(2025, 1, 1, 0, 0) + Duration.FromHours(i * 13)).ToArray();
        var fresh = TurkishWeekdays();
        var sequential = starts.Select(s => fresh.AddBusinessTime(s, Duration.FromHours(20))).ToArray();

        var parallel = starts.AsParallel().AsOrdered().Select(s => calendar.AddBusinessTime(s, Duration.FromHours(20))).ToArray();

        Assert.Equal(sequential, parallel);
    }
}
