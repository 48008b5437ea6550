using System.Globalization;
using CustomerCare.Customers;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Policy.Calendar;

/// <summary>Turns <see cref="BusinessCalendarOptions"/> into a calendar, collecting every refused value with its field.</summary>
internal static class BusinessCalendarOptionsReader
{
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalDatePattern Date = LocalDatePattern.CreateWithInvariantCulture("uuuu-MM-dd");
    private static readonly AnnualDatePattern Annual = AnnualDatePattern.CreateWithInvariantCulture("MM-dd");

    public static BusinessCalendar Read(BusinessCalendarOptions options, IDateTimeZoneProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<FieldError>();
        if (!TimeZones.TryResolve(options.TimeZone, out var zone, out var zoneError, provider, "time_zone"))
        {
            errors.Add(zoneError);
        }

        var builder = new BusinessCalendarBuilder(options.Id, zone ?? DateTimeZone.Utc);
        ReadHours(options.Hours ?? [], builder, errors);
        ReadHolidays(options.Holidays ?? [], builder, errors);
        if (options.TurkishNationalHolidays)
        {
            builder.CloseEveryYear(TurkishHolidays.National);
        }

        if (options.TurkishReligiousHolidays)
        {
            builder.Close(TurkishHolidays.Religious);
        }

        // "No opening hours" is noise when the hours were given but refused: those errors already say why.
        var refused = errors.Count > 0;
        errors.AddRange(builder.Check().Where(e => !(refused && e.Field == "hours" && e.Code == FieldErrorCodes.Required)).ToList());
        return errors.Count > 0 ? throw new FieldValidationException(errors) : builder.Build();
    }

    private static void ReadHours(IList<OpeningHoursOptions> hours, BusinessCalendarBuilder builder, List<FieldError> errors)
    {
        for (var i = 0; i < hours.Count; i++)
        {
            var prefix = Field("hours", i);
            var entry = hours[i];
            if (entry is null)
            {
                errors.Add(FieldErrors.Create(prefix, null, FieldErrorCodes.Required, "is required"));
                continue;
            }

            var days = ParseDays(entry.Days, prefix + ".days", errors);
            var slots = entry.Slots ?? [];
            if (slots.Count == 0)
            {
                errors.Add(FieldErrors.Create(prefix + ".slots", null, FieldErrorCodes.Required, "is required: give at least one slot such as 09:00-17:00"));
            }

            for (var j = 0; j < slots.Count; j++)
            {
                var field = Field(prefix + ".slots", j);
                if (ParseSlot(slots[j], field, errors) is not { } slot)
                {
                    continue;
                }

                foreach (var day in days)
                {
                    builder.Open(new OpeningHours(day, slot.Opens, slot.Closes), field);
                }
            }
        }
    }

    private static void ReadHolidays(IList<HolidayOptions> holidays, BusinessCalendarBuilder builder, List<FieldError> errors)
    {
        for (var i = 0; i < holidays.Count; i++)
        {
            var prefix = Field("holidays", i);
            var entry = holidays[i];
            if (entry is null)
            {
                errors.Add(FieldErrors.Create(prefix, null, FieldErrorCodes.Required, "is required"));
                continue;
            }

            LocalTime? closedFrom = null;
            if (!string.IsNullOrWhiteSpace(entry.ClosedFrom))
            {
                var parsed = Time.Parse(entry.ClosedFrom.Trim());
                if (!parsed.Success)
                {
                    errors.Add(FieldErrors.Create(prefix + ".closed_from", entry.ClosedFrom, FieldErrorCodes.Malformed, "is not a local time HH:mm such as 13:00"));
                    continue;
                }

                closedFrom = parsed.Value;
            }

            var name = entry.Name?.Trim() ?? string.Empty;
            var text = entry.Date?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                errors.Add(FieldErrors.Create(prefix + ".date", entry.Date, FieldErrorCodes.Required, "is required: yyyy-MM-dd for one date, MM-dd for every year"));
            }
            else if (Date.Parse(text) is { Success: true } date)
            {
                builder.Close(new Holiday(date.Value, name, closedFrom));
            }
            else if (text.Length == 5 && Annual.Parse(text) is { Success: true } annual)
            {
                builder.CloseEveryYear([new AnnualHoliday(annual.Value, name, closedFrom)]);
            }
            else
            {
                errors.Add(FieldErrors.Create(prefix + ".date", entry.Date, FieldErrorCodes.Malformed, "is not a date: yyyy-MM-dd for one date, MM-dd for every year"));
            }
        }
    }

    private static List<IsoDayOfWeek> ParseDays(string? text, string field, List<FieldError> errors)
    {
        var days = new List<IsoDayOfWeek>();
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(FieldErrors.Create(field, text, FieldErrorCodes.Required, "is required: weekdays such as Mon-Fri or Sat,Sun"));
            return days;
        }

        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-', StringSplitOptions.TrimEntries);
            if (range.Length is 1 or 2
                && Weekdays.TryParse(range[0], out var first)
                && Weekdays.TryParse(range[^1], out var last))
            {
                days.AddRange(Weekdays.Range(first, last).Where(d => !days.Contains(d)));
                continue;
            }

            errors.Add(FieldErrors.Create(field, text, FieldErrorCodes.Malformed, "is not a list of weekdays: use English names or Mon..Sun, with ranges such as Mon-Fri"));
            return [];
        }

        return days;
    }

    private static (LocalTime Opens, LocalTime Closes)? ParseSlot(string? text, string field, List<FieldError> errors)
    {
        var parts = text?.Split('-', StringSplitOptions.TrimEntries);
        if (parts is not [var from, var to] || Time.Parse(from) is not { Success: true } opens)
        {
            errors.Add(FieldErrors.Create(field, text, string.IsNullOrWhiteSpace(text) ? FieldErrorCodes.Required : FieldErrorCodes.Malformed, "is not a slot HH:mm-HH:mm such as 09:00-12:30"));
            return null;
        }

        if (to == "24:00")
        {
            return (opens.Value, LocalTime.Midnight);
        }

        if (Time.Parse(to) is not { Success: true } closes)
        {
            errors.Add(FieldErrors.Create(field, text, FieldErrorCodes.Malformed, "is not a slot HH:mm-HH:mm such as 09:00-12:30"));
            return null;
        }

        if (closes.Value == LocalTime.Midnight)
        {
            errors.Add(FieldErrors.Create(field, text, FieldErrorCodes.OutOfRange, "closes at 00:00: write 24:00 for midnight at the end of the day"));
            return null;
        }

        return (opens.Value, closes.Value);
    }

    private static string Field(string name, int index) => string.Create(CultureInfo.InvariantCulture, $"{name}[{index}]");
}
