using System.Text;
using CustomerCare.Policy.Calendar;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.Configuration;
using NodaTime;
using static CustomerCare.Tests.Policy.Calendar.Calendars;

namespace CustomerCare.Tests.Policy.Calendar;

public sealed class BusinessCalendarValidationTests
{
    [Fact]
    public void FromOptions_OverlappingSlots_AreRefusedNamingTheSlotAndTheOneItOverlaps()
    {
        var options = Options(new OpeningHoursOptions { Days = "Mon-Fri", Slots = ["09:00-17:00"] }, new OpeningHoursOptions { Days = "Mon", Slots = ["16:00-18:00"] });

        var error = Assert.Single(Assert.Throws<FieldValidationException>(() => BusinessCalendar.FromOptions(options)).Errors);

        Assert.Equal("hours[1].slots[0]", error.Field);
        Assert.Equal("Monday 16:00-18:00", error.AttemptedValue);
        Assert.Equal(FieldErrorCodes.OutOfRange, error.Code);
        Assert.Contains("overlaps Monday 09:00-17:00", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("17:00-09:00", FieldErrorCodes.OutOfRange, "closes at or before it opens")]
    [InlineData("09:00-09:00", FieldErrorCodes.OutOfRange, "closes at or before it opens")]
    [InlineData("09:00-00:00", FieldErrorCodes.OutOfRange, "write 24:00")]
    [InlineData("9-17", FieldErrorCodes.Malformed, "HH:mm-HH:mm")]
    [InlineData("", FieldErrorCodes.Required, "HH:mm-HH:mm")]
    public void FromOptions_BadSlot_IsRefusedWithFieldAndValue(string slot, string code, string reason)
    {
        var error = Assert.Single(Assert.Throws<FieldValidationException>(() => BusinessCalendar.FromOptions(Options(new OpeningHoursOptions { Days = "Mon", Slots = [slot] }))).Errors);

        Assert.Equal("hours[0].slots[0]", error.Field);
        Assert.Equal(code, error.Code);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromOptions_UnknownZone_IsRefusedNamingTimeZone()
    {
        var options = Options(new OpeningHoursOptions { Days = "Mon", Slots = ["09:00-17:00"] });
        options.TimeZone = "Europe/Istanbu";

        var error = Assert.Single(Assert.Throws<FieldValidationException>(() => BusinessCalendar.FromOptions(options)).Errors);

        Assert.Equal(("time_zone", "Europe/Istanbu", FieldErrorCodes.Unknown), (error.Field, error.AttemptedValue, error.Code));
    }

    [Fact]
    public void FromOptions_EveryProblem_IsListedAtOnce()
    {
        var options = new BusinessCalendarOptions
        {
            Id = " padded",
            TimeZone = "Mars/Olympus",
            Hours = [new OpeningHoursOptions { Days = "Mon-Fry", Slots = ["09:00-17:00"] }, new OpeningHoursOptions { Days = "Sat", Slots = [] }],
            Holidays = [new HolidayOptions { Date = "2026-02-30" }, new HolidayOptions { Date = "2026-12-31", ClosedFrom = "1pm" }, new HolidayOptions()],
        };

        var errors = Assert.Throws<FieldValidationException>(() => BusinessCalendar.FromOptions(options)).Errors;

        Assert.Equal(
            ["time_zone", "hours[0].days", "hours[1].slots", "holidays[0].date", "holidays[1].closed_from", "holidays[2].date", "id"],
            errors.Select(e => e.Field));
        Assert.Equal("2026-02-30", errors[3].AttemptedValue);
        Assert.Equal("1pm", errors[4].AttemptedValue);
    }

    [Fact]
    public void FromOptions_NoHours_IsRefusedAsNeverOpen()
    {
        var error = Assert.Single(Assert.Throws<FieldValidationException>(() => BusinessCalendar.FromOptions(new BusinessCalendarOptions())).Errors);

        Assert.Equal(("hours", FieldErrorCodes.Required), (error.Field, error.Code));
    }

    [Fact]
    public void Builder_SlotClosingBeforeItOpens_IsRefusedNamingTheSlot()
    {
        var builder = new BusinessCalendarBuilder("x", "Europe/Istanbul").Open(IsoDayOfWeek.Tuesday, new LocalTime(17, 0), new LocalTime(9, 0));

        var error = Assert.Single(Assert.Throws<FieldValidationException>(builder.Build).Errors);

        Assert.Equal(("hours", "Tuesday 17:00-09:00"), (error.Field, error.AttemptedValue));
    }

    [Fact]
    public void Builder_UnknownZoneId_IsRefusedNamingTimeZone()
    {
        var exception = Assert.Throws<FieldValidationException>(() => new BusinessCalendarBuilder("x", "Asia/Ankara"));

        Assert.Equal("time_zone", exception.Errors[0].Field);
    }

    [Fact]
    public void Builder_TouchingSlots_AreAllowedAndCountAsOne()
    {
        var calendar = new BusinessCalendarBuilder("x", "Europe/Istanbul")
            .Open(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(12, 0))
            .Open(IsoDayOfWeek.Monday, new LocalTime(12, 0), new LocalTime(17, 0))
            .Build();

        var intervals = calendar.OpenIntervals(new Interval(At("Europe/Istanbul", 2026, 6, 8, 0), At("Europe/Istanbul", 2026, 6, 9, 0)));

        Assert.Equal(Duration.FromHours(8), Assert.Single(intervals).Duration);
    }

    [Fact]
    public void FromOptions_BoundFromJsonUnderTurkishCulture_GivesTheDeadlinesOfTheDefinition()
    {
        using var culture = new TurkishCulture();
        const string json = """
            {
              "Calendar": {
                "Id": "support",
                "TimeZone": "Europe/Istanbul",
                "Hours": [ { "Days": "MON-FRI", "Slots": [ "09:00-12:30", "13:30-18:00" ] }, { "Days": "saturday", "Slots": [ "10:00-14:00" ] } ],
                "TurkishNationalHolidays": true,
                "TurkishReligiousHolidays": true,
                "Holidays": [ { "Date": "2026-12-31", "ClosedFrom": "13:00", "Name": "Sayım" }, { "Date": "06-15", "Name": "Şirket günü" } ]
              }
            }
            """;
        var options = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build()
            .GetSection("Calendar").Get<BusinessCalendarOptions>()!;

        var calendar = BusinessCalendar.FromOptions(options);

        Assert.Equal(("support", 11, 9, 55), (calendar.Id, calendar.Hours.Count, calendar.AnnualHolidays.Count, calendar.Holidays.Count));
        Assert.Equal(new LocalDateTime(2026, 6, 13, 10, 30), calendar.AddBusinessTime(At("Europe/Istanbul", 2026, 6, 12, 17, 30), Duration.FromHours(1)).Local("Europe/Istanbul"));
        Assert.False(calendar.IsOpen(At("Europe/Istanbul", 2026, 6, 15, 10)));
        Assert.False(calendar.IsOpen(At("Europe/Istanbul", 2026, 12, 31, 13)));
        Assert.False(calendar.IsOpen(At("Europe/Istanbul", 2026, 5, 27, 10)));
    }

    private static BusinessCalendarOptions Options(params OpeningHoursOptions[] hours) => new() { Hours = hours.ToList() };
}
