using NodaTime;

namespace CustomerCare.Policy.Calendar;

/// <summary>Answers, for a local date, from which local time the business is closed (a whole day closes from 00:00).</summary>
/// <remarks>Immutable after construction; safe to share between threads.</remarks>
internal sealed class HolidayRules
{
    private readonly Dictionary<LocalDate, long> _dated = [];
    private readonly Dictionary<int, AnnualHoliday[]> _annual;

    public HolidayRules(IEnumerable<Holiday> dated, IEnumerable<AnnualHoliday> annual)
    {
        foreach (var holiday in dated)
        {
            var from = ClosedFromNanos(holiday.ClosedFrom);
            // Lists overlap (a bayram's arife on a national holiday): the earliest closing time wins.
            _dated[holiday.Date] = _dated.TryGetValue(holiday.Date, out var known) ? Math.Min(known, from) : from;
        }

        _annual = annual.GroupBy(h => Key(h.Date.Month, h.Date.Day)).ToDictionary(g => g.Key, g => g.ToArray());
        IsEmpty = _dated.Count == 0 && _annual.Count == 0;
    }

    public bool IsEmpty { get; }

    /// <summary>The nanosecond of the day from which the date is closed; a whole day when there is no holiday.</summary>
    public long ClosedFrom(LocalDate date)
    {
        var closedFrom = NodaConstants.NanosecondsPerDay;
        if (_dated.TryGetValue(date, out var dated))
        {
            closedFrom = dated;
        }

        if (_annual.TryGetValue(Key(date.Month, date.Day), out var rules))
        {
            foreach (var rule in rules)
            {
                if (rule.IsKeptIn(date.Year))
                {
                    closedFrom = Math.Min(closedFrom, ClosedFromNanos(rule.ClosedFrom));
                }
            }
        }

        return closedFrom;
    }

    private static long ClosedFromNanos(LocalTime? closedFrom) => closedFrom?.NanosecondOfDay ?? 0;

    private static int Key(int month, int day) => (month * 32) + day;
}
