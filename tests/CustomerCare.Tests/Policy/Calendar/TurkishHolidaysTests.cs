using System.Globalization;
using CustomerCare.Policy.Calendar;
using NodaTime;
using static CustomerCare.Tests.Policy.Calendar.Calendars;

namespace CustomerCare.Tests.Policy.Calendar;

public sealed class TurkishHolidaysTests
{
    [Fact]
    public void NationalHoliday_23April_IsSkipped()
    {
        var deadline = TurkishWeekdays().AddBusinessTime(At("Europe/Istanbul", 2026, 4, 22, 17), Duration.FromHours(1));

        Assert.Equal(new LocalDateTime(2026, 4, 24, 10, 0), deadline.Local("Europe/Istanbul"));
    }

    [Theory]
    [InlineData(9, 17, 4.0)]
    [InlineData(13, 18, 0.0)]
    public void HalfDay_28October_ClosesAt13(int opens, int closes, double hours)
    {
        var calendar = TurkishWeekdays(opens, closes);

        var open = calendar.BusinessTimeBetween(At("Europe/Istanbul", 2026, 10, 28, 0), At("Europe/Istanbul", 2026, 10, 29, 0));

        Assert.Equal(Duration.FromHours(hours), open);
        Assert.Equal(Duration.Zero, calendar.BusinessTimeBetween(At("Europe/Istanbul", 2026, 10, 29, 0), At("Europe/Istanbul", 2026, 10, 30, 0)));
    }

    [Fact]
    public void HalfDay_WithALunchBreak_KeepsOnlyTheMorning()
    {
        var calendar = new BusinessCalendarBuilder("tr", "Europe/Istanbul")
            .Open(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, new LocalTime(9, 0), new LocalTime(12, 30))
            .Open(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, new LocalTime(13, 30), new LocalTime(18, 0))
            .CloseEveryYear(TurkishHolidays.National)
            .Build();

        var open = calendar.BusinessTimeBetween(At("Europe/Istanbul", 2026, 10, 28, 0), At("Europe/Istanbul", 2026, 10, 29, 0));

        Assert.Equal(Duration.FromHours(3.5), open);
    }

    [Theory]
    [InlineData(2016, 7, 15, true)]
    [InlineData(2026, 7, 15, false)]
    [InlineData(2008, 5, 1, true)]
    [InlineData(2009, 5, 1, false)]
    public void HolidaysIntroducedLater_AreKeptOnlyFromTheirFirstYear(int year, int month, int day, bool open)
    {
        Assert.Equal(open, TurkishWeekdays().IsOpen(At("Europe/Istanbul", year, month, day, 10)));
    }

    [Fact]
    public void KurbanBayrami2026_ClosesTheAfternoonOfTheArifeAndFourDays()
    {
        var calendar = TurkishWeekdays();
        var friday = At("Europe/Istanbul", 2026, 5, 22, 17);

        Assert.Equal(new LocalDateTime(2026, 5, 26, 13, 0), calendar.AddBusinessTime(friday, Duration.FromHours(12)).Local("Europe/Istanbul"));
        Assert.Equal(new LocalDateTime(2026, 6, 1, 10, 0), calendar.AddBusinessTime(friday, Duration.FromHours(13)).Local("Europe/Istanbul"));
    }

    [Fact]
    public void ArifeOnANationalHoliday_KeepsTheWholeDayClosed()
    {
        // The 2029 Kurban arife is 23 April.
        Assert.False(TurkishWeekdays().IsOpen(At("Europe/Istanbul", 2029, 4, 23, 10)));
    }

    [Fact]
    public void Religious_FirstDays_MatchTheUmmAlQuraCalendar()
    {
        var hijri = new UmAlQuraCalendar();
        foreach (var year in Enumerable.Range(TurkishHolidays.FirstReligiousYear, TurkishHolidays.LastReligiousYear - TurkishHolidays.FirstReligiousYear + 1))
        {
            var firstDays = TurkishHolidays.Religious.Where(h => h.Date.Year == year && h.Name.EndsWith(" 1. gün", StringComparison.Ordinal)).ToList();
            var hijriYear = hijri.GetYear(new DateTime(year, 6, 1, 0, 0, 0, DateTimeKind.Unspecified));
            foreach (var holiday in firstDays)
            {
                var (month, day) = holiday.Name.StartsWith("Ramazan", StringComparison.Ordinal) ? (10, 1) : (12, 10);
                var candidates = new[] { hijriYear - 1, hijriYear, hijriYear + 1 }
                    .Select(y => LocalDate.FromDateTime(hijri.ToDateTime(y, month, day, 0, 0, 0, 0)))
                    .Where(d => d.Year == year);

                Assert.Contains(holiday.Date, candidates);
            }

            Assert.Equal(2, firstDays.Count);
        }
    }

    [Fact]
    public void Religious_EachBayramHasAnArifeHalfDayAndItsDays()
    {
        var religious = TurkishHolidays.Religious;

        Assert.Equal(6 * (4 + 5), religious.Count);
        Assert.All(religious.Where(h => h.IsHalfDay), h => Assert.Equal(new LocalTime(13, 0), h.ClosedFrom));
        Assert.Equal(12, religious.Count(h => h.IsHalfDay));
        Assert.Equal(new LocalDate(2025, 3, 29), religious[0].Date);
    }

    [Fact]
    public void Bayram_BuildsTheArifeAndTheDays()
    {
        var bayram = TurkishHolidays.Bayram("Ramazan Bayramı", new LocalDate(2031, 1, 24), 3);

        Assert.Equal(
            ["2031-01-23 from 13:00 Ramazan Bayramı arifesi", "2031-01-24 Ramazan Bayramı 1. gün", "2031-01-25 Ramazan Bayramı 2. gün", "2031-01-26 Ramazan Bayramı 3. gün"],
            bayram.Select(h => h.ToString()));
    }

    [Fact]
    public void AnnualHolidayOn29February_IsKeptOnlyInLeapYears()
    {
        var holiday = new AnnualHoliday(new AnnualDate(2, 29), "Leap day");
        var calendar = new BusinessCalendarBuilder("leap", "Europe/Istanbul").OpenAroundTheClock().CloseEveryYear([holiday]).Build();

        Assert.False(calendar.IsOpen(At("Europe/Istanbul", 2028, 2, 29, 10)));
        Assert.True(calendar.IsOpen(At("Europe/Istanbul", 2027, 2, 28, 10)));
        Assert.True(calendar.IsOpen(At("Europe/Istanbul", 2027, 3, 1, 10)));
        Assert.Null(holiday.InYear(2027));
    }

    [Fact]
    public void National_ListsTheFixedDatesWithTheHalfDay()
    {
        Assert.Equal(
            ["01-01", "04-23", "05-01", "05-19", "07-15", "08-30", "10-28", "10-29"],
            TurkishHolidays.National.Select(h => h.Date.ToString("MM-dd", CultureInfo.InvariantCulture)));
        Assert.Equal("every 10-28 from 13:00 Cumhuriyet Bayramı arifesi", TurkishHolidays.National[6].ToString());
    }
}
