using CustomerCare.Policy.Calendar;
using NodaTime;
using static CustomerCare.Tests.Policy.Calendar.Calendars;

namespace CustomerCare.Tests.Policy.Calendar;

public sealed class DaylightSavingTests
{
    [Theory]
    [InlineData("America/New_York", 2026, 3, 8, 23)]
    [InlineData("America/New_York", 2026, 11, 1, 25)]
    [InlineData("Europe/Istanbul", 2016, 3, 27, 23)]
    [InlineData("Europe/Istanbul", 2015, 11, 8, 25)]
    [InlineData("Europe/Istanbul", 2016, 10, 30, 24)]
    [InlineData("Europe/Istanbul", 2026, 10, 25, 24)]
    public void AroundTheClock_ADayLastsWhatTheZonesClocksSay(string zone, int year, int month, int day, int hours)
    {
        var calendar = new BusinessCalendarBuilder("24x7", zone).OpenAroundTheClock().Close(new LocalDate(2099, 1, 1)).Build();
        var date = new LocalDate(year, month, day);
        var tz = DateTimeZoneProviders.Tzdb[zone];

        var length = calendar.BusinessTimeBetween(date.AtStartOfDayInZone(tz).ToInstant(), date.PlusDays(1).AtStartOfDayInZone(tz).ToInstant());

        Assert.Equal(Duration.FromHours(hours), length);
    }

    [Theory]
    [InlineData(3, 8, 1, 0, 3, 0, 60)]
    [InlineData(3, 8, 2, 30, 3, 15, 15)]
    [InlineData(3, 8, 2, 0, 3, 0, 0)]
    [InlineData(11, 1, 0, 0, 2, 0, 180)]
    [InlineData(11, 1, 0, 0, 1, 30, 90)]
    [InlineData(11, 1, 1, 30, 5, 0, 270)]
    public void SlotOnAClockChangeDay_IsOpenWhileTheWallClockIsInsideIt(int month, int day, int openHour, int openMinute, int closeHour, int closeMinute, int minutes)
    {
        var date = new LocalDate(2026, month, day);
        var calendar = new BusinessCalendarBuilder("dst", "America/New_York")
            .Open(date.DayOfWeek, new LocalTime(openHour, openMinute), new LocalTime(closeHour, closeMinute))
            .Build();
        var zone = DateTimeZoneProviders.Tzdb["America/New_York"];

        var open = calendar.BusinessTimeBetween(date.AtStartOfDayInZone(zone).ToInstant(), date.PlusDays(1).AtStartOfDayInZone(zone).ToInstant());

        Assert.Equal(Duration.FromMinutes(minutes), open);
    }

    [Fact]
    public void SlotClosingInTheRepeatedHour_ClosesTheFirstTimeTheClockShowsIt()
    {
        var calendar = new BusinessCalendarBuilder("dst", "America/New_York").Open(IsoDayOfWeek.Sunday, LocalTime.Midnight, new LocalTime(1, 30)).Build();

        var closing = calendar.OpenIntervals(new Interval(Instant.FromUtc(2026, 11, 1, 0, 0), Instant.FromUtc(2026, 11, 2, 0, 0))).Single().End;

        Assert.Equal(Instant.FromUtc(2026, 11, 1, 5, 30), closing);
    }

    [Fact]
    public void DateTheZoneSkipped_IsClosed()
    {
        var calendar = Weekdays("Pacific/Apia", 9, 17);

        var deadline = calendar.AddBusinessTime(At("Pacific/Apia", 2011, 12, 29, 17), Duration.FromHours(1));

        Assert.Equal(new LocalDateTime(2012, 1, 2, 10, 0), deadline.Local("Pacific/Apia"));
    }

    [Fact]
    public void SkippedMidnight_OpensAtTheFirstInstantOfTheDay()
    {
        // São Paulo skipped 00:00–01:00 on 2018-11-04.
        var calendar = new BusinessCalendarBuilder("sp", "America/Sao_Paulo").Open(IsoDayOfWeek.Sunday, LocalTime.Midnight, new LocalTime(2, 0)).Build();

        var open = calendar.OpenIntervals(new Interval(Instant.FromUtc(2018, 11, 3, 0, 0), Instant.FromUtc(2018, 11, 5, 0, 0))).Single();

        Assert.Equal(new LocalDateTime(2018, 11, 4, 1, 0), open.Start.Local("America/Sao_Paulo"));
        Assert.Equal(Duration.FromHours(1), open.Duration);
    }
}
