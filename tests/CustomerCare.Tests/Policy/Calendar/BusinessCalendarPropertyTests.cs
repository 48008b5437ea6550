using CsCheck;
using CustomerCare.Tests.Support;
using NodaTime;

namespace CustomerCare.Tests.Policy.Calendar;

public sealed class BusinessCalendarPropertyTests
{
    private static readonly Duration Horizon = Duration.FromDays(120);

    [Fact]
    public void Deadlines_EqualTheMinuteSteppingOracle_OverRandomCalendarsHolidaysAndDstChanges()
    {
        using var culture = new TurkishCulture();
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var (zone, start) = CalendarSpec.RandomStart(random);
            var spec = CalendarSpec.Random(random, zone, start.InZone(zone).Date);
            var calendar = spec.Build();
            var oracle = new MinuteOracle(spec);
            var minutes = random.Next(0, Math.Min(spec.WeeklyOpenMinutes * 2, 3000) + 1);

            var expected = oracle.Deadline(start, minutes, Horizon);
            var deadline = calendar.AddBusinessTime(start, Duration.FromMinutes(minutes));

            if (expected is null)
            {
                Assert.True(deadline - start > Horizon, $"{spec}: {start} + {minutes} min gave {deadline}, the oracle found none within {Horizon}");
            }
            else
            {
                Assert.True(expected == deadline, $"{spec}: {start} + {minutes} min gave {deadline}, the oracle {expected}");
            }

            Assert.Equal(Duration.FromMinutes(minutes), calendar.BusinessTimeBetween(start, deadline));
        }, iter: 250);
    }

    [Fact]
    public void BusinessTimeBetweenAndIsOpen_EqualTheMinuteSteppingOracle()
    {
        using var culture = new TurkishCulture();
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var (zone, start) = CalendarSpec.RandomStart(random);
            var spec = CalendarSpec.Random(random, zone, start.InZone(zone).Date);
            var calendar = spec.Build();
            var oracle = new MinuteOracle(spec);
            var end = start + Duration.FromMinutes(random.Next(0, 6 * 1440));

            var expected = Duration.FromMinutes(oracle.OpenMinutesBetween(start, end));

            Assert.True(expected == calendar.BusinessTimeBetween(start, end), $"{spec}: [{start}, {end}) gave {calendar.BusinessTimeBetween(start, end)}, the oracle {expected}");
            Assert.Equal(-expected, calendar.BusinessTimeBetween(end, start));
            Assert.Equal(oracle.IsOpen(end), calendar.IsOpen(end));
            Assert.Equal(expected, calendar.OpenIntervals(new Interval(start, end)).Aggregate(Duration.Zero, (sum, i) => sum + i.Duration));
        }, iter: 150);
    }
}
