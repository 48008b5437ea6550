using NodaTime;

namespace CustomerCare.Benchmarks.Sqlite;

/// <summary>A clock stopped at one instant: the SQLite database only reads it to stamp applied migrations.</summary>
/// <param name="now">The instant it always returns.</param>
public sealed class FixedClock(Instant now) : IClock
{
    /// <summary>A clock at 2027-05-17 12:00 UTC, the instant the storage benchmarks run "at".</summary>
    public static FixedClock Benchmark { get; } = new(Instant.FromUtc(2027, 5, 17, 12, 0));

    /// <inheritdoc />
    public Instant GetCurrentInstant() => now;
}
