using System.Globalization;
using CustomerCare.Policy.Calendar;
using NodaTime;

namespace CustomerCare.Tests.Policy.Calendar;

/// <summary>
/// A random calendar definition kept as plain minutes, so the oracle reads it without going through the library; it
/// builds the library's calendar from the same numbers.
/// </summary>
internal sealed class CalendarSpec
{
    /// <summary>Zones with history: Istanbul (DST until 2016, then permanent +03), New York, São Paulo (DST at midnight), Lord Howe (30-minute DST), Apia (skipped 2011-12-30), UTC.</summary>
    public static readonly string[] ZoneIds = ["Europe/Istanbul", "America/New_York", "America/Sao_Paulo", "Australia/Lord_Howe", "Pacific/Apia", "UTC"];

    private static readonly int[] Cuts = [0, 30, 60, 90, 120, 150, 180, 210, 240, 270, 300, 540, 750, 810, 1020, 1380, 1410, 1440];

    public required DateTimeZone Zone { get; init; }

    /// <summary>By ISO weekday 1–7: (open, close) in minutes since midnight, close up to 1440, sorted and disjoint.</summary>
    public required List<(int Open, int Close)>[] Slots { get; init; }

    /// <summary>Dated holidays: the minute of the day from which the date is closed (0 for the whole day).</summary>
    public required Dictionary<LocalDate, int> Dated { get; init; }

    /// <summary>Annual holidays by (month, day): the minute from which the date is closed.</summary>
    public required Dictionary<(int Month, int Day), int> Annual { get; init; }

    public static CalendarSpec Random(Random random, DateTimeZone zone, LocalDate around)
    {
        var slots = new List<(int, int)>[8];
        slots[0] = [];
        var alwaysOpen = random.Next(10) == 0;
        for (var day = 1; day <= 7; day++)
        {
            slots[day] = alwaysOpen ? [(0, 1440)] : RandomSlots(random);
        }

        if (slots.Skip(1).All(s => s.Count == 0))
        {
            slots[random.Next(1, 8)] = [(540, 1020)];
        }

        var dated = new Dictionary<LocalDate, int>();
        for (var i = random.Next(0, 8); i > 0; i--)
        {
            var date = around.PlusDays(random.Next(-10, 40));
            var from = random.Next(3) == 0 ? Cuts[random.Next(Cuts.Length - 1)] : 0;
            dated[date] = dated.TryGetValue(date, out var known) ? Math.Min(known, from) : from;
        }

        var annual = new Dictionary<(int, int), int>();
        if (random.Next(3) == 0)
        {
            var date = around.PlusDays(random.Next(0, 30));
            annual[(date.Month, date.Day)] = random.Next(2) == 0 ? 0 : 780;
        }

        if (random.Next(10) == 0)
        {
            annual[(2, 29)] = 0;
        }

        return new CalendarSpec
        {
            Zone = zone,
            Slots = slots,
            Dated = dated,
            Annual = annual,
        };
    }

    /// <summary>A random zone, and a start instant on a whole minute: near one of the zone's transitions (1975–2030) more often than not.</summary>
    public static (DateTimeZone Zone, Instant Start) RandomStart(Random random)
    {
        var zone = DateTimeZoneProviders.Tzdb[ZoneIds[random.Next(ZoneIds.Length)]];
        var from = Instant.FromUtc(1975, 1, 1, 0, 0);
        var to = Instant.FromUtc(2030, 12, 31, 0, 0);
        var transitions = zone.GetZoneIntervals(from, to).Where(i => i.HasStart && i.Start > from).Select(i => i.Start).ToArray();
        var start = transitions.Length > 0 && random.Next(5) < 3
            ? transitions[random.Next(transitions.Length)] - Duration.FromMinutes(random.Next(0, 4 * 1440))
            : from + Duration.FromMinutes(random.NextInt64(0, (long)(to - from).TotalMinutes));
        return (zone, start);
    }

    public int WeeklyOpenMinutes => Slots.Skip(1).Sum(day => day.Sum(s => s.Close - s.Open));

    public BusinessCalendar Build()
    {
        var builder = new BusinessCalendarBuilder("random", Zone);
        for (var day = 1; day <= 7; day++)
        {
            foreach (var (open, close) in Slots[day])
            {
                builder.Open((IsoDayOfWeek)day, Time(open), Time(close));
            }
        }

        foreach (var (date, from) in Dated)
        {
            builder.Close(new Holiday(date, "random", from == 0 ? null : Time(from)));
        }

        builder.CloseEveryYear(Annual.Select(a => new AnnualHoliday(new AnnualDate(a.Key.Month, a.Key.Day), "annual", a.Value == 0 ? null : Time(a.Value))));
        return builder.Build();
    }

    /// <summary>The minutes of a date during which the business is open: its weekday's slots, cut at a holiday's closing time.</summary>
    public List<(int Open, int Close)> OpenRanges(LocalDate date)
    {
        var closedFrom = 1440;
        if (Dated.TryGetValue(date, out var dated))
        {
            closedFrom = dated;
        }

        if (Annual.TryGetValue((date.Month, date.Day), out var annual) && (date.Month != 2 || date.Day != 29 || CalendarSystem.Iso.IsLeapYear(date.Year)))
        {
            closedFrom = Math.Min(closedFrom, annual);
        }

        return Slots[(int)date.DayOfWeek].Select(s => (s.Open, Math.Min(s.Close, closedFrom))).Where(s => s.Item2 > s.Open).ToList();
    }

    public override string ToString() =>
        Zone.Id + " " + string.Join(" ", Enumerable.Range(1, 7).Select(d => (IsoDayOfWeek)d + "[" + string.Join(",", Slots[d].Select(s => s.Open + "-" + s.Close)) + "]"))
        + " holidays " + string.Join(",", Dated.Select(h => h.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "@" + h.Value))
        + " annual " + string.Join(",", Annual.Select(h => h.Key.Month + "-" + h.Key.Day + "@" + h.Value));

    private static LocalTime Time(int minute) => minute >= 1440 ? LocalTime.Midnight : LocalTime.FromMinutesSinceMidnight(minute);

    private static List<(int, int)> RandomSlots(Random random)
    {
        var count = random.Next(0, 4);
        var points = new List<int>();
        for (var i = 0; i < count * 2; i++)
        {
            points.Add(random.Next(2) == 0 ? Cuts[random.Next(Cuts.Length)] : random.Next(0, 1441));
        }

        points.Sort();
        var slots = new List<(int, int)>();
        for (var i = 0; i + 1 < points.Count; i += 2)
        {
            if (points[i + 1] > points[i])
            {
                slots.Add((points[i], points[i + 1]));
            }
        }

        return slots;
    }
}
