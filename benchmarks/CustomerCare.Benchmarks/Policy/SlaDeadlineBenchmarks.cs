using BenchmarkDotNet.Attributes;
using CustomerCare.Policy.Calendar;
using CustomerCare.Policy.Sla;
using NodaTime;

namespace CustomerCare.Benchmarks.Policy;

/// <summary>
/// Recomputing the business-time deadlines of 1M open complaints on an Istanbul calendar (Monday–Friday 09:00–12:30
/// and 13:30–18:00, Saturday 10:00–14:00, Turkish national and religious holidays with their half days). Starts are
/// spread over 2026-04-01 to 2026-06-15, across 23 April, 1 May, 19 May and Kurban Bayramı; targets are 1, 4, 8, 24
/// or 72 business hours. The baseline walks the dates one by one; the library uses its cached open intervals.
/// </summary>
[MemoryDiagnoser]
public class SlaDeadlineBenchmarks
{
    private const int Complaints = 1_000_000;
    private static readonly Duration[] Targets = [Duration.FromHours(1), Duration.FromHours(4), Duration.FromHours(8), Duration.FromHours(24), Duration.FromHours(72)];

    private BusinessCalendar _calendar = null!;
    private DayByDayDeadlines _dayByDay = null!;
    private Instant[] _starts = [];
    private Duration[] _targets = [];
    private SlaTimer[] _timers = [];

    [GlobalSetup]
    public void Setup()
    {
        _calendar = BuildCalendar();
        _dayByDay = new DayByDayDeadlines(_calendar, 2025, 2028);
        var random = new Random(42);
        var from = Instant.FromUtc(2026, 4, 1, 0, 0);
        var span = (long)(Instant.FromUtc(2026, 6, 15, 0, 0) - from).TotalSeconds;
        _starts = new Instant[Complaints];
        _targets = new Duration[Complaints];
        _timers = new SlaTimer[Complaints];
        for (var i = 0; i < Complaints; i++)
        {
            _starts[i] = from + Duration.FromSeconds(random.NextInt64(span));
            _targets[i] = Targets[random.Next(Targets.Length)];
            _timers[i] = SlaTimer.Start("complaint-" + i, SlaMetric.Resolution, _targets[i], _calendar, _starts[i]);
        }

        for (var i = 0; i < Complaints; i++)
        {
            var library = _calendar.AddBusinessTime(_starts[i], _targets[i]);
            var walked = _dayByDay.AddBusinessTime(_starts[i], _targets[i]);
            if (library != walked)
            {
                throw new InvalidOperationException($"Complaint {i}: {_starts[i]} + {_targets[i]} is {library} in the library and {walked} walking day by day.");
            }
        }
    }

    /// <summary>Walk the local dates from each start, mapping each slot with the zone.</summary>
    [Benchmark(Baseline = true)]
    public long DayByDayWalk()
    {
        long sum = 0;
        for (var i = 0; i < Complaints; i++)
        {
            sum += _dayByDay.AddBusinessTime(_starts[i], _targets[i]).ToUnixTimeTicks();
        }

        return sum;
    }

    /// <summary><see cref="BusinessCalendar.AddBusinessTime"/> with the open intervals already cached.</summary>
    [Benchmark]
    public long Library()
    {
        long sum = 0;
        for (var i = 0; i < Complaints; i++)
        {
            sum += _calendar.AddBusinessTime(_starts[i], _targets[i]).ToUnixTimeTicks();
        }

        return sum;
    }

    /// <summary>The same on a calendar built for the run, so the cache is filled as it goes.</summary>
    [Benchmark]
    public long LibraryColdCalendar()
    {
        var calendar = BuildCalendar();
        long sum = 0;
        for (var i = 0; i < Complaints; i++)
        {
            sum += calendar.AddBusinessTime(_starts[i], _targets[i]).ToUnixTimeTicks();
        }

        return sum;
    }

    /// <summary><see cref="SlaTimer.Recompute"/> of 1M running timers: deadline and 80 % warning, a new immutable timer each.</summary>
    [Benchmark]
    public long RecomputeTimers()
    {
        long sum = 0;
        for (var i = 0; i < Complaints; i++)
        {
            sum += _timers[i].Recompute(_calendar).Deadline!.Value.ToUnixTimeTicks();
        }

        return sum;
    }

    private static BusinessCalendar BuildCalendar() =>
        new BusinessCalendarBuilder("support", "Europe/Istanbul")
            .Open(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, new LocalTime(9, 0), new LocalTime(12, 30))
            .Open(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, new LocalTime(13, 30), new LocalTime(18, 0))
            .Open(IsoDayOfWeek.Saturday, new LocalTime(10, 0), new LocalTime(14, 0))
            .CloseEveryYear(TurkishHolidays.National)
            .Close(TurkishHolidays.Religious)
            .Build();
}
