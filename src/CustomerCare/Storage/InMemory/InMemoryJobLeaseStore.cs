using NodaTime;

namespace CustomerCare.Storage.InMemory;

/// <summary>The default <see cref="IJobLeaseStore"/>: leases in process memory, so they guard one process only.</summary>
/// <remarks>Thread-safe: one lock per store makes each acquisition, renewal and release one step.</remarks>
public sealed class InMemoryJobLeaseStore : IJobLeaseStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (JobLease? Lease, long Token)> _jobs = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<JobLease?> AcquireAsync(string job, string holder, Duration duration, Instant now, CancellationToken cancellationToken = default)
    {
        JobLease.ThrowIfInvalid(job, holder, duration);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var (current, token) = _jobs.GetValueOrDefault(job);
            if (current is not null && current.ExpiresAt > now && !string.Equals(current.Holder, holder, StringComparison.Ordinal))
            {
                return ValueTask.FromResult<JobLease?>(null);
            }

            var keeps = current is not null && current.ExpiresAt > now;
            var lease = new JobLease(job, holder, keeps ? token : token + 1, now + duration);
            _jobs[job] = (lease, lease.Token);
            return ValueTask.FromResult<JobLease?>(lease);
        }
    }

    /// <inheritdoc />
    public ValueTask<JobLease?> RenewAsync(JobLease lease, Duration duration, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        JobLease.ThrowIfNotPositive(duration);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!Holds(lease, out var current) || current.ExpiresAt <= now)
            {
                return ValueTask.FromResult<JobLease?>(null);
            }

            var renewed = current with { ExpiresAt = now + duration };
            _jobs[lease.Job] = (renewed, renewed.Token);
            return ValueTask.FromResult<JobLease?>(renewed);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> ReleaseAsync(JobLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!Holds(lease, out var current))
            {
                return ValueTask.FromResult(false);
            }

            _jobs[lease.Job] = (null, current.Token);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<JobLease?> FindAsync(string job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return ValueTask.FromResult(_jobs.GetValueOrDefault(job).Lease);
        }
    }

    private bool Holds(JobLease lease, out JobLease current)
    {
        current = _jobs.GetValueOrDefault(lease.Job).Lease!;
        return current is not null && current.Token == lease.Token && string.Equals(current.Holder, lease.Holder, StringComparison.Ordinal);
    }
}
