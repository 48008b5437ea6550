using System.Globalization;
using CustomerCare.Customers;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Testing;

/// <summary>Creates and moves NodaTime <see cref="FakeClock"/> instances by local time in a zone, as tests think of time.</summary>
/// <remarks>
/// Local times map to instants strictly: a local time skipped by a daylight-saving gap throws
/// <see cref="NodaTime.SkippedTimeException"/> and one that occurs twice throws <see cref="NodaTime.AmbiguousTimeException"/>,
/// so a test never runs at an hour it did not mean. The methods are thread-safe; a <see cref="FakeClock"/> itself is
/// not meant to be moved by two threads at once.
/// </remarks>
public static class TestClocks
{
    /// <summary>A clock stopped at a local time in a zone.</summary>
    /// <param name="year">The year.</param>
    /// <param name="month">The month.</param>
    /// <param name="day">The day.</param>
    /// <param name="hour">The hour, 0–23.</param>
    /// <param name="minute">The minute.</param>
    /// <param name="zoneId">An IANA zone such as <c>Europe/Istanbul</c>.</param>
    /// <returns>The clock; set <see cref="FakeClock.AutoAdvance"/> to make it tick on each read.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The date or time does not exist.</exception>
    /// <exception cref="FieldValidationException">The zone is unknown.</exception>
    /// <exception cref="NodaTime.SkippedTimeException">The local time falls in a daylight-saving gap.</exception>
    /// <exception cref="NodaTime.AmbiguousTimeException">The local time occurs twice.</exception>
    public static FakeClock At(int year, int month, int day, int hour, int minute, string zoneId)
    {
        var zone = TimeZones.Resolve(zoneId);
        return new FakeClock(zone.AtStrictly(new LocalDateTime(year, month, day, hour, minute)).ToInstant());
    }

    /// <summary>A clock stopped at a UTC time.</summary>
    /// <param name="year">The year.</param>
    /// <param name="month">The month.</param>
    /// <param name="day">The day.</param>
    /// <param name="hour">The hour, 0–23.</param>
    /// <param name="minute">The minute.</param>
    /// <param name="second">The second.</param>
    /// <returns>The clock.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The date or time does not exist.</exception>
    public static FakeClock AtUtc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(Instant.FromUtc(year, month, day, hour, minute, second));

    /// <summary>Moves a clock forward to a local time in a zone, without ticking its auto-advance.</summary>
    /// <param name="clock">The clock.</param>
    /// <param name="localDateTime">The local time to reach.</param>
    /// <param name="zone">The zone the local time is in.</param>
    /// <returns>The instant the clock now shows.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> or <paramref name="zone"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The local time is earlier than the clock's current time.</exception>
    /// <exception cref="NodaTime.SkippedTimeException">The local time falls in a daylight-saving gap.</exception>
    /// <exception cref="NodaTime.AmbiguousTimeException">The local time occurs twice.</exception>
    public static Instant AdvanceToLocal(this FakeClock clock, LocalDateTime localDateTime, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(zone);
        var target = zone.AtStrictly(localDateTime).ToInstant();
        var autoAdvance = clock.AutoAdvance;
        clock.AutoAdvance = Duration.Zero;
        var now = clock.GetCurrentInstant();
        clock.AutoAdvance = autoAdvance;
        if (target < now)
        {
            throw new ArgumentOutOfRangeException(
                nameof(localDateTime),
                localDateTime,
                "The clock already shows " + now.InZone(zone).LocalDateTime.ToString("uuuu-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
                + " in " + zone.Id + "; a fake clock only moves forward here (use FakeClock.Reset to go back).");
        }

        clock.Reset(target);
        return target;
    }
}
