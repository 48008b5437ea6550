using NodaTime;

namespace CustomerCare.Storage;

/// <summary>A holder's claim on a job, from <see cref="IJobLeaseStore"/>: who holds it, until when, and its fencing token.</summary>
/// <param name="Job">The job's name, such as <c>campaigns</c>.</param>
/// <param name="Holder">The holder, unique per process (a host), such as <c>web-1-4f2a9c1e</c>.</param>
/// <param name="Token">
/// The fencing token: it grows every time the lease changes hands (a new holder, or the same one after a release or an
/// expiry), never when a holder renews. Work tagged with a lower token than the store's current one came from a holder
/// that lost the lease.
/// </param>
/// <param name="ExpiresAt">When the lease ends unless renewed; from then on another holder may take it.</param>
public sealed record JobLease(string Job, string Holder, long Token, Instant ExpiresAt)
{
    /// <summary>The longest job or holder name a store must accept.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Checks the arguments of <see cref="IJobLeaseStore.AcquireAsync"/> the way every store must, naming the bad one.</summary>
    /// <param name="job">The job's name.</param>
    /// <param name="holder">The holder.</param>
    /// <param name="duration">The lease's length.</param>
    /// <exception cref="ArgumentException"><paramref name="job"/> or <paramref name="holder"/> is blank, longer than <see cref="MaxNameLength"/>, or has a control character.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is not positive.</exception>
    public static void ThrowIfInvalid(string job, string holder, Duration duration)
    {
        ThrowIfInvalidName(job, nameof(job));
        ThrowIfInvalidName(holder, nameof(holder));
        ThrowIfNotPositive(duration);
    }

    /// <summary>Checks the length of <see cref="IJobLeaseStore.RenewAsync"/> the way every store must.</summary>
    /// <param name="duration">The lease's length.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is not positive.</exception>
    public static void ThrowIfNotPositive(Duration duration)
    {
        if (duration <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A lease must last a positive duration.");
        }
    }

    private static void ThrowIfInvalidName(string value, string field)
    {
        if (Identifiers.Check(value, MaxNameLength, field) is { } error)
        {
            throw new ArgumentException($"{error.Field} '{error.AttemptedValue}' {error.Message}.", field);
        }
    }
}
