using System.Globalization;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace CustomerCare.Hosting;

/// <summary>When a hosted job runs: every fixed interval, or daily at a local time in a time zone.</summary>
/// <remarks>
/// <para>An interval schedule is aligned to the Unix epoch, so every host computes the same instants (every 5 minutes
/// means :00, :05, :10 … UTC) whatever time it started.</para>
/// <para>A daily schedule maps its local time into the zone with NodaTime's lenient resolver: a time skipped by a
/// daylight-saving gap (02:30 on a spring-forward night) runs when the clocks have moved on, shifted by the gap
/// (03:30); a time that occurs twice (01:30 on a fall-back night) runs once, at its earlier occurrence.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class JobSchedule : IEquatable<JobSchedule>
{
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly DurationPattern IntervalPattern = DurationPattern.CreateWithInvariantCulture("H:mm:ss");

    private JobSchedule(Duration? interval, LocalTime? timeOfDay, string? zoneId)
    {
        Interval = interval;
        TimeOfDay = timeOfDay;
        ZoneId = zoneId;
    }

    /// <summary>The interval of an interval schedule; <see langword="null"/> for a daily one.</summary>
    public Duration? Interval { get; }

    /// <summary>The local time of a daily schedule; <see langword="null"/> for an interval one.</summary>
    public LocalTime? TimeOfDay { get; }

    /// <summary>The IANA zone of a daily schedule; <see langword="null"/> means the library's <c>DefaultTimeZone</c>.</summary>
    public string? ZoneId { get; }

    /// <summary>Runs every <paramref name="interval"/>, at the multiples of it since the Unix epoch.</summary>
    /// <param name="interval">Between 1 second and 1 day, in whole seconds.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="FieldValidationException">The interval is out of range or not whole seconds.</exception>
    public static JobSchedule Every(Duration interval)
    {
        if (interval < Duration.FromSeconds(1) || interval > Duration.FromDays(1) || interval.SubsecondNanoseconds != 0)
        {
            throw FieldValidationException.For(nameof(Interval), IntervalPattern.Format(interval), FieldErrorCodes.OutOfRange, "must be whole seconds between 1 second and 1 day");
        }

        return new JobSchedule(interval, null, null);
    }

    /// <summary>Runs once a day at <paramref name="timeOfDay"/> in a zone.</summary>
    /// <param name="timeOfDay">The local time, such as 09:00; minutes precision.</param>
    /// <param name="zoneId">An IANA zone such as <c>Europe/Istanbul</c>, or <see langword="null"/> for the library's default zone.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="FieldValidationException">The time has seconds, or the zone is unknown.</exception>
    public static JobSchedule DailyAt(LocalTime timeOfDay, string? zoneId = null)
    {
        if (timeOfDay.Second != 0 || timeOfDay.TickOfSecond != 0)
        {
            throw FieldValidationException.For(nameof(TimeOfDay), timeOfDay.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture), FieldErrorCodes.Malformed, "must be whole minutes");
        }

        if (zoneId is not null)
        {
            // Checked here so a typo fails at registration, not at the first run.
            _ = CustomerCare.Customers.TimeZones.Resolve(zoneId);
        }

        return new JobSchedule(null, timeOfDay, zoneId);
    }

    /// <summary>Reads a schedule from configuration text: <c>every 0:05:00</c> or <c>daily 09:00 Europe/Istanbul</c> (zone optional).</summary>
    /// <param name="text">The text.</param>
    /// <param name="field">The setting's name, for the error.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="FieldValidationException">The text is not a schedule; the error names <paramref name="field"/> and the text.</exception>
    public static JobSchedule Parse(string text, string field = "Schedule")
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && string.Equals(parts[0], "every", StringComparison.OrdinalIgnoreCase) && IntervalPattern.Parse(parts[1]) is { Success: true } interval)
        {
            return Wrap(field, text, () => Every(interval.Value));
        }

        if (parts.Length is 2 or 3 && string.Equals(parts[0], "daily", StringComparison.OrdinalIgnoreCase) && TimePattern.Parse(parts[1]) is { Success: true } time)
        {
            return Wrap(field, text, () => DailyAt(time.Value, parts.Length == 3 ? parts[2] : null));
        }

        throw FieldValidationException.For(field, text, FieldErrorCodes.Malformed, "is not a schedule: write 'every H:mm:ss' or 'daily HH:mm [IANA zone]'");
    }

    /// <summary>The first instant of the schedule strictly after <paramref name="after"/>.</summary>
    /// <param name="after">The instant to start from, usually the clock's.</param>
    /// <param name="defaultZone">The zone of a daily schedule whose <see cref="ZoneId"/> is <see langword="null"/>.</param>
    /// <returns>The next run.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="defaultZone"/> is <see langword="null"/>.</exception>
    public Instant NextAfter(Instant after, DateTimeZone defaultZone)
    {
        ArgumentNullException.ThrowIfNull(defaultZone);
        if (Interval is { } interval)
        {
            var ticks = interval.BclCompatibleTicks;
            var since = after.ToUnixTimeTicks();
            var floor = since >= 0 ? since / ticks : -((-since + ticks - 1) / ticks);
            return Instant.FromUnixTimeTicks((floor + 1) * ticks);
        }

        var zone = ZoneId is null ? defaultZone : CustomerCare.Customers.TimeZones.Resolve(ZoneId);
        var date = after.InZone(zone).Date;
        while (true)
        {
            var candidate = zone.ResolveLocal(date.At(TimeOfDay!.Value), Resolvers.LenientResolver).ToInstant();
            if (candidate > after)
            {
                return candidate;
            }

            date = date.PlusDays(1);
        }
    }

    /// <summary>The schedule as <see cref="Parse"/> reads it.</summary>
    /// <returns>Such as <c>every 0:05:00</c> or <c>daily 09:00 Europe/Istanbul</c>.</returns>
    public override string ToString() => Interval is { } interval
        ? "every " + IntervalPattern.Format(interval)
        : "daily " + TimePattern.Format(TimeOfDay!.Value) + (ZoneId is null ? string.Empty : " " + ZoneId);

    /// <inheritdoc />
    public bool Equals(JobSchedule? other) =>
        other is not null && Interval == other.Interval && TimeOfDay == other.TimeOfDay && string.Equals(ZoneId, other.ZoneId, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as JobSchedule);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Interval, TimeOfDay, ZoneId);

    private static JobSchedule Wrap(string field, string text, Func<JobSchedule> create)
    {
        try
        {
            return create();
        }
        catch (FieldValidationException e)
        {
            throw FieldValidationException.For(field, text, e.Errors[0].Code, e.Errors[0].Message);
        }
    }
}
