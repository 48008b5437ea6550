using CustomerCare.Policy.Calendar;
using NodaTime;
using NodaTime.TimeZones;

namespace CustomerCare.Benchmarks.Policy;

/// <summary>
/// The straightforward way: walk the local dates from the start, map each slot of each date to instants with the
/// zone, and subtract until the business time runs out. Same rules as the library (slots cut by half days, a boundary
/// maps to the first instant the clocks reach it), no cache.
/// </summary>
internal sealed class DayByDayDeadlines
{
    private static readonly ZoneLocalMappingResolver FirstReached =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    private readonly DateTimeZone _zone;
    private readonly OpeningHours[][] _slotsByDay = new OpeningHours[8][];
    private readonly Dictionary<LocalDate, LocalTime> _closedFrom = [];

    public DayByDayDeadlines(BusinessCalendar calendar, int firstYear, int lastYear)
    {
        _zone = calendar.Zone;
        for (var day = 0; day < _slotsByDay.Length; day++)
        {
            _slotsByDay[day] = calendar.Hours.Where(h => (int)h.Day == day).ToArray();
        }

        var dated = calendar.Holidays.Concat(Enumerable.Range(firstYear, lastYear - firstYear + 1).SelectMany(y => calendar.AnnualHolidays.Select(h => h.InYear(y)).OfType<Holiday>()));
        foreach (var holiday in dated)
        {
            var from = holiday.ClosedFrom ?? LocalTime.Midnight;
            _closedFrom[holiday.Date] = _closedFrom.TryGetValue(holiday.Date, out var known) && known < from ? known : from;
        }
    }

    public Instant AddBusinessTime(Instant start, Duration businessTime)
    {
        var remaining = businessTime;
        if (remaining == Duration.Zero)
        {
            return start;
        }

        for (var date = start.InZone(_zone).Date.PlusDays(-1); ; date = date.PlusDays(1))
        {
            var holiday = _closedFrom.TryGetValue(date, out var closedFrom);
            foreach (var slot in _slotsByDay[(int)date.DayOfWeek])
            {
                var closes = slot.ClosesAtEndOfDay ? date.PlusDays(1).AtMidnight() : date.At(slot.Closes);
                if (holiday && (closedFrom == LocalTime.Midnight || date.At(closedFrom) < closes))
                {
                    closes = date.At(closedFrom);
                }

                var opens = date.At(slot.Opens);
                if (closes <= opens)
                {
                    continue;
                }

                var end = _zone.ResolveLocal(closes, FirstReached).ToInstant();
                if (end <= start)
                {
                    continue;
                }

                var from = _zone.ResolveLocal(opens, FirstReached).ToInstant();
                if (from < start)
                {
                    from = start;
                }

                var available = end - from;
                if (available >= remaining)
                {
                    return from + remaining;
                }

                remaining -= available;
            }
        }
    }
}
