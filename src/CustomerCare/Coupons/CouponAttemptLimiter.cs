using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using NodaTime;

namespace CustomerCare.Coupons;

/// <summary>
/// Limits failed code checks per customer and per caller key (an IP address, a session), against guessing codes by
/// brute force: each key may fail <see cref="PermitLimit"/> times per <see cref="Window"/>.
/// </summary>
/// <remarks>
/// Built on System.Threading.RateLimiting token buckets, replenished from the injected <see cref="IClock"/> rather than
/// a timer, so tests and replays see the same decisions. Thread-safe.
/// </remarks>
public sealed class CouponAttemptLimiter : IDisposable
{
    private readonly IClock _clock;
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>Creates the limiter.</summary>
    /// <param name="clock">The clock that drives replenishment.</param>
    /// <param name="permitLimit">Failures allowed per window; default 10.</param>
    /// <param name="window">The window; default 15 minutes.</param>
    public CouponAttemptLimiter(IClock clock, int permitLimit = 10, Duration? window = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permitLimit);
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        PermitLimit = permitLimit;
        Window = window ?? Duration.FromMinutes(15);
        if (Window <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(window), Window, "The window must be positive.");
        }
    }

    /// <summary>Failures allowed per window and key.</summary>
    public int PermitLimit { get; }

    /// <summary>The window.</summary>
    public Duration Window { get; }

    /// <summary>Whether a key may check another code now.</summary>
    /// <param name="key">The customer or caller key.</param>
    /// <returns><see langword="true"/> while the key has failures left in its window.</returns>
    public bool IsAllowed(string key)
    {
        var bucket = BucketFor(key);
        return bucket.Limiter.GetStatistics()?.CurrentAvailablePermits > 0;
    }

    /// <summary>Records a failed check, using up one of the key's permits.</summary>
    /// <param name="key">The customer or caller key.</param>
    public void RecordFailure(string key)
    {
        using var lease = BucketFor(key).Limiter.AttemptAcquire(1);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var bucket in _buckets.Values)
        {
            bucket.Limiter.Dispose();
        }
    }

    private Bucket BucketFor(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var now = _clock.GetCurrentInstant();
        var bucket = _buckets.GetOrAdd(key, _ => new Bucket(new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = PermitLimit,
            TokensPerPeriod = PermitLimit,
            // Refills are driven by the IClock in BucketFor; the limiter measures its period on the real clock, so the
            // smallest period makes each manual TryReplenish refill the bucket in full.
            ReplenishmentPeriod = TimeSpan.FromTicks(1),
            AutoReplenishment = false,
            QueueLimit = 0,
        }), now));
        lock (bucket)
        {
            // A whole window after the last refill, the bucket is full again.
            if (now - bucket.RefilledAt >= Window)
            {
                bucket.Limiter.TryReplenish();
                bucket.RefilledAt = now;
            }
        }

        return bucket;
    }

    private sealed class Bucket(TokenBucketRateLimiter limiter, Instant refilledAt)
    {
        public TokenBucketRateLimiter Limiter { get; } = limiter;

        public Instant RefilledAt { get; set; } = refilledAt;
    }
}
