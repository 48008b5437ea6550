using CsCheck;
using CustomerCare.Policy.Sla;
using CustomerCare.Tests.Policy.Calendar;
using CustomerCare.Tests.Support;
using NodaTime;

namespace CustomerCare.Tests.Policy.Sla;

public sealed class SlaTimerPropertyTests
{
    private static readonly Duration Minute = Duration.FromMinutes(1);

    [Fact]
    public void DeadlineUsedTimeStateAndEvents_EqualTheMinuteSteppingOracle_WithPausesCreditedBack()
    {
        using var culture = new TurkishCulture();
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var (zone, start) = CalendarSpec.RandomStart(random);
            var spec = CalendarSpec.Random(random, zone, start.InZone(zone).Date);
            var calendar = spec.Build();
            var targetMinutes = 5 * random.Next(1, (Math.Min(spec.WeeklyOpenMinutes, 1500) / 5) + 2);
            var timer = SlaTimer.Start("complaint-" + seed, SlaMetric.Resolution, Duration.FromMinutes(targetMinutes), calendar, start, 0.8);
            var toggles = new List<Instant>();
            var at = start;
            for (var i = random.Next(0, 5); i > 0; i--)
            {
                // Now and then pause exactly on the deadline or the warning, the edges of "in time".
                var edge = timer.Phase == SlaTimerPhase.Running && random.Next(4) == 0 ? (random.Next(2) == 0 ? timer.Deadline : timer.WarningAt) : null;
                at = edge > at ? edge.Value : at + Duration.FromMinutes(random.Next(3) == 0 ? random.Next(0, 3) : random.Next(0, 3 * 1440));
                toggles.Add(at);
                timer = timer.Phase == SlaTimerPhase.Running ? timer.Pause(at) : timer.Resume(at);
            }

            var now = at + Duration.FromMinutes(random.Next(4) == 0 ? 0 : random.Next(0, 4 * 1440));

            var expected = Replay(new MinuteOracle(spec), start, toggles, now, targetMinutes);
            var status = timer.Evaluate(now);
            var context = $"{spec}: start {start}, target {targetMinutes} min, toggles [{string.Join(", ", toggles)}], now {now}";

            Assert.True(expected.Used == status.Used, $"{context}: used {status.Used}, the oracle {expected.Used}");
            Assert.True(expected.Deadline == status.Deadline, $"{context}: deadline {status.Deadline}, the oracle {expected.Deadline}");
            Assert.True(expected.State == status.State, $"{context}: state {status.State}, the oracle {expected.State}");
            var events = timer.Check(now).Events;
            Assert.Equal(expected.WarningRaised ? expected.WarningAt : null, events.OfType<SlaWarning>().SingleOrDefault()?.OccurredAt);
            Assert.Equal(expected.BreachRaised ? expected.Deadline : null, events.OfType<SlaBreached>().SingleOrDefault()?.OccurredAt);
        }, iter: 200);
    }

    /// <summary>
    /// Counts open minutes only while running. The deadline is the first running instant at which the count reaches
    /// the target, a pause instant excluded (pausing exactly at the deadline is in time); the warning is the first
    /// instant, a pause instant included, at which it reaches 80 %.
    /// </summary>
    private static Expected Replay(MinuteOracle oracle, Instant start, List<Instant> toggles, Instant now, int targetMinutes)
    {
        var warningMinutes = targetMinutes * 4 / 5;
        var segments = new List<(Instant From, Instant? To)>();
        var points = new List<Instant> { start };
        points.AddRange(toggles);
        for (var i = 0; i < points.Count; i += 2)
        {
            segments.Add((points[i], i + 1 < points.Count ? points[i + 1] : null));
        }

        var running = toggles.Count % 2 == 0;
        int used = 0, usedNow = 0;
        Instant? deadline = null, warningAt = null;
        foreach (var (from, to) in segments)
        {
            var end = to ?? now + Duration.FromDays(200);
            foreach (var (minute, open) in oracle.Minutes(from))
            {
                if (minute == now)
                {
                    usedNow = used;
                }

                warningAt ??= used >= warningMinutes ? minute : null;
                if (minute >= end)
                {
                    break;
                }

                deadline ??= used >= targetMinutes ? minute : null;
                if (to is null && deadline is not null && minute >= now)
                {
                    break;
                }

                used += open ? 1 : 0;
            }

            if (to is { } pausedAt && pausedAt <= now)
            {
                usedNow = used;
            }
        }

        var pause = running ? (Instant?)null : points[^1];
        // A pause keeps the deadline only when it had already passed, and the warning only when it had been reached.
        if (pause is { } p)
        {
            deadline = deadline < p ? deadline : null;
            warningAt = warningAt <= p ? warningAt : null;
        }

        var breached = deadline is { } d && (running ? now > d : d < pause);
        var state = breached ? SlaState.Breached : !running ? SlaState.Paused : warningAt <= now ? SlaState.Warning : SlaState.OnTrack;
        return new Expected(Duration.FromMinutes(usedNow), deadline, warningAt, state, warningAt <= now, breached);
    }

    private sealed record Expected(Duration Used, Instant? Deadline, Instant? WarningAt, SlaState State, bool WarningRaised, bool BreachRaised);
}
