using CustomerCare.Testing;
using NodaTime;

namespace CustomerCare.Tests.Conformance;

public sealed class TestClocksTests
{
    private static readonly DateTimeZone Istanbul = DateTimeZoneProviders.Tzdb["Europe/Istanbul"];
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    [Fact]
    public void At_LocalTimeInIstanbul_IsThreeHoursBeforeInUtc()
    {
        var clock = TestClocks.At(2026, 11, 22, 9, 0, "Europe/Istanbul");

        Assert.Equal(Instant.FromUtc(2026, 11, 22, 6, 0), clock.GetCurrentInstant());
    }

    [Fact]
    public void At_LocalTimeInNewYork_FollowsDaylightSaving()
    {
        Assert.Equal(Instant.FromUtc(2026, 7, 1, 13, 0), TestClocks.At(2026, 7, 1, 9, 0, "America/New_York").GetCurrentInstant());
        Assert.Equal(Instant.FromUtc(2026, 12, 1, 14, 0), TestClocks.At(2026, 12, 1, 9, 0, "America/New_York").GetCurrentInstant());
    }

    [Fact]
    public void At_LocalTimeSkippedBySpringForward_Throws()
    {
        Assert.Throws<SkippedTimeException>(() => TestClocks.At(2026, 3, 8, 2, 30, "America/New_York"));
    }

    [Fact]
    public void At_LocalTimeRepeatedByFallBack_Throws()
    {
        Assert.Throws<AmbiguousTimeException>(() => TestClocks.At(2026, 11, 1, 1, 30, "America/New_York"));
    }

    [Fact]
    public void At_UnknownZone_IsRefusedNamingIt()
    {
        var error = Assert.Throws<FieldValidationException>(() => TestClocks.At(2026, 11, 22, 9, 0, "Mars/Olympus"));

        Assert.Contains("Mars/Olympus", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AtUtc_IsThatInstant()
    {
        Assert.Equal(Instant.FromUtc(2028, 2, 29, 23, 59, 58), TestClocks.AtUtc(2028, 2, 29, 23, 59, 58).GetCurrentInstant());
        Assert.Equal(Instant.FromUtc(2028, 2, 29, 0, 0), TestClocks.AtUtc(2028, 2, 29).GetCurrentInstant());
    }

    [Fact]
    public void AdvanceToLocal_LaterLocalTime_MovesTheClockThere()
    {
        var clock = TestClocks.At(2026, 11, 22, 9, 0, "Europe/Istanbul");

        var now = clock.AdvanceToLocal(new LocalDateTime(2026, 11, 23, 0, 0), NewYork);

        Assert.Equal(Instant.FromUtc(2026, 11, 23, 5, 0), now);
        Assert.Equal(now, clock.GetCurrentInstant());
    }

    [Fact]
    public void AdvanceToLocal_WithAutoAdvance_DoesNotTickAndKeepsTheSetting()
    {
        var clock = TestClocks.AtUtc(2026, 11, 22);
        clock.AutoAdvance = Duration.FromSeconds(1);

        var now = clock.AdvanceToLocal(new LocalDateTime(2026, 11, 22, 12, 0), Istanbul);

        Assert.Equal(Instant.FromUtc(2026, 11, 22, 9, 0), clock.GetCurrentInstant());
        Assert.Equal(Instant.FromUtc(2026, 11, 22, 9, 0, 1), clock.GetCurrentInstant());
        Assert.Equal(Instant.FromUtc(2026, 11, 22, 9, 0), now);
    }

    [Fact]
    public void AdvanceToLocal_EarlierLocalTime_IsRefusedAndLeavesTheClock()
    {
        var clock = TestClocks.At(2026, 11, 22, 9, 0, "Europe/Istanbul");

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => clock.AdvanceToLocal(new LocalDateTime(2026, 11, 22, 8, 59), Istanbul));

        Assert.Equal("localDateTime", error.ParamName);
        Assert.Contains("2026-11-22T09:00:00 in Europe/Istanbul", error.Message, StringComparison.Ordinal);
        Assert.Equal(Instant.FromUtc(2026, 11, 22, 6, 0), clock.GetCurrentInstant());
    }

    [Fact]
    public void AdvanceToLocal_SameInstant_IsAllowed()
    {
        var clock = TestClocks.At(2026, 11, 22, 9, 0, "Europe/Istanbul");

        Assert.Equal(Instant.FromUtc(2026, 11, 22, 6, 0), clock.AdvanceToLocal(new LocalDateTime(2026, 11, 22, 9, 0), Istanbul));
    }
}
