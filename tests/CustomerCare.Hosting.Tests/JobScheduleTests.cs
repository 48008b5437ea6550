using CustomerCare.Hosting;
using NodaTime;

namespace CustomerCare.Hosting.Tests;

public sealed class JobScheduleTests
{
    private static readonly DateTimeZone Istanbul = DateTimeZoneProviders.Tzdb["Europe/Istanbul"];
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    [Fact]
    public void DailyAt_BeforeTheTime_IsTodayInTheZone_AtTheTime_IsTomorrow()
    {
        var schedule = JobSchedule.DailyAt(new LocalTime(9, 0), "Europe/Istanbul");
        var morning = Istanbul.AtStrictly(new LocalDateTime(2026, 6, 1, 8, 59)).ToInstant();
        var nine = Istanbul.AtStrictly(new LocalDateTime(2026, 6, 1, 9, 0)).ToInstant();

        Assert.Equal(Instant.FromUtc(2026, 6, 1, 6, 0), schedule.NextAfter(morning, Berlin));
        Assert.Equal(Instant.FromUtc(2026, 6, 2, 6, 0), schedule.NextAfter(nine, Berlin));
    }

    [Fact]
    public void DailyAt_WithoutZone_UsesTheDefaultZone()
    {
        var schedule = JobSchedule.DailyAt(new LocalTime(9, 0));

        Assert.Equal(Instant.FromUtc(2026, 6, 1, 7, 0), schedule.NextAfter(Instant.FromUtc(2026, 6, 1, 0, 0), Berlin));
    }

    [Fact]
    public void DailyAt_TimeSkippedBySpringForward_RunsOnceShiftedByTheGap()
    {
        // Berlin, 2027-03-28: 02:00 CET jumps to 03:00 CEST, so 02:30 does not exist that night.
        var schedule = JobSchedule.DailyAt(new LocalTime(2, 30), "Europe/Berlin");
        var before = Instant.FromUtc(2027, 3, 27, 12, 0);

        var springDay = schedule.NextAfter(before, Istanbul);
        var nextDay = schedule.NextAfter(springDay, Istanbul);

        Assert.Equal(new LocalDateTime(2027, 3, 28, 3, 30), springDay.InZone(Berlin).LocalDateTime);
        Assert.Equal(Instant.FromUtc(2027, 3, 28, 1, 30), springDay);
        Assert.Equal(new LocalDateTime(2027, 3, 29, 2, 30), nextDay.InZone(Berlin).LocalDateTime);
        Assert.Equal(Duration.FromHours(23), nextDay - springDay);
    }

    [Fact]
    public void DailyAt_TimeRepeatedByFallBack_RunsOnce_AtTheEarlierOccurrence()
    {
        // Berlin, 2027-10-31: 03:00 CEST goes back to 02:00 CET, so 02:30 happens twice.
        var schedule = JobSchedule.DailyAt(new LocalTime(2, 30), "Europe/Berlin");

        var first = schedule.NextAfter(Instant.FromUtc(2027, 10, 30, 12, 0), Istanbul);
        var second = schedule.NextAfter(first, Istanbul);

        Assert.Equal(Instant.FromUtc(2027, 10, 31, 0, 30), first);
        Assert.Equal(new LocalDateTime(2027, 11, 1, 2, 30), second.InZone(Berlin).LocalDateTime);
        Assert.Equal(Duration.FromHours(25), second - first);
    }

    [Fact]
    public void Every_IsAlignedToTheEpoch_WhateverTheStart()
    {
        var schedule = JobSchedule.Every(Duration.FromMinutes(5));

        Assert.Equal(Instant.FromUtc(2026, 6, 1, 9, 5), schedule.NextAfter(Instant.FromUtc(2026, 6, 1, 9, 0), Istanbul));
        Assert.Equal(Instant.FromUtc(2026, 6, 1, 9, 5), schedule.NextAfter(Instant.FromUtc(2026, 6, 1, 9, 4, 59), Istanbul));
        Assert.Equal(Instant.FromUtc(2026, 6, 1, 9, 10), schedule.NextAfter(Instant.FromUtc(2026, 6, 1, 9, 5), Istanbul));
    }

    [Theory]
    [InlineData("every 0:05:00")]
    [InlineData("daily 09:00 Europe/Istanbul")]
    [InlineData("daily 23:59")]
    public void Parse_ReadsWhatToStringWrites(string text)
    {
        Assert.Equal(text, JobSchedule.Parse(text).ToString());
        Assert.Equal(JobSchedule.Parse(text), JobSchedule.Parse(text.ToUpperInvariant().Replace("EUROPE/ISTANBUL", "Europe/Istanbul", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("hourly", "malformed")]
    [InlineData("every 0:00:00", "out_of_range")]
    [InlineData("daily 25:00", "malformed")]
    [InlineData("daily 09:00 Europe/Istanbull", "unknown")]
    public void Parse_BadText_NamesTheSettingAndTheText(string text, string code)
    {
        var error = Assert.Single(Assert.Throws<FieldValidationException>(() => JobSchedule.Parse(text, "HostedJobs:Campaigns:Schedule")).Errors);

        Assert.Equal(("HostedJobs:Campaigns:Schedule", text, code), (error.Field, error.AttemptedValue, error.Code));
    }
}
