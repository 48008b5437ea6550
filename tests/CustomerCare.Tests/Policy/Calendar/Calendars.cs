using CustomerCare.Policy.Calendar;
using NodaTime;

namespace CustomerCare.Tests.Policy.Calendar;

/// <summary>Calendars and local instants for the example tests.</summary>
internal static class Calendars
{
    public static BusinessCalendar Weekdays(string zone, int opens, int closes) =>
        new BusinessCalendarBuilder("weekdays", zone)
            .Open(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, new LocalTime(opens, 0), new LocalTime(closes, 0))
            .Build();

    /// <summary>Monday to Friday 09:00–12:30 and 13:30–18:00.</summary>
    public static BusinessCalendar WithLunchBreak(string zone = "Europe/Istanbul") =>
        new BusinessCalendarBuilder("lunch", zone)
            .Open(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, new LocalTime(9, 0), new LocalTime(12, 30))
            .Open(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, new LocalTime(13, 30), new LocalTime(18, 0))
            .Build();

    public static BusinessCalendar TurkishWeekdays(int opens = 9, int closes = 17) =>
        new BusinessCalendarBuilder("tr", "Europe/Istanbul")
            .Open(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, new LocalTime(opens, 0), new LocalTime(closes, 0))
            .CloseEveryYear(TurkishHolidays.National)
            .Close(TurkishHolidays.Religious)
            .Build();

    /// <summary>The instant a local time occurs in a zone; the test fails on a skipped or repeated time.</summary>
    public static Instant At(string zone, int year, int month, int day, int hour, int minute = 0) =>
        DateTimeZoneProviders.Tzdb[zone].AtStrictly(new LocalDateTime(year, month, day, hour, minute)).ToInstant();

    public static LocalDateTime Local(this Instant instant, string zone) => instant.InZone(DateTimeZoneProviders.Tzdb[zone]).LocalDateTime;
}
