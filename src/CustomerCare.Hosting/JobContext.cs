using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Hosting;

/// <summary>One run of a hosted job: when it was due, when it started, and the lease it runs under.</summary>
/// <remarks>Used by the one run it was made for; not thread-safe.</remarks>
public sealed class JobContext
{
    private readonly Func<JobLease, CancellationToken, ValueTask<JobLease?>>? _renew;

    internal JobContext(string job, Instant scheduledFor, Instant startedAt, JobLease? lease, Func<JobLease, CancellationToken, ValueTask<JobLease?>>? renew)
    {
        Job = job;
        ScheduledFor = scheduledFor;
        StartedAt = startedAt;
        Lease = lease;
        _renew = renew;
    }

    /// <summary>The job's name.</summary>
    public string Job { get; }

    /// <summary>The schedule's instant this run is for.</summary>
    public Instant ScheduledFor { get; }

    /// <summary>When the run started, by the clock; pass it as the job's <c>now</c>.</summary>
    public Instant StartedAt { get; }

    /// <summary>The lease the run holds, or <see langword="null"/> for a job that is not exclusive.</summary>
    public JobLease? Lease { get; private set; }

    /// <summary>Extends the lease by the configured duration from now; call it between batches of a long run.</summary>
    /// <param name="cancellationToken">Cancels the renewal.</param>
    /// <returns>
    /// <see langword="true"/> when the lease is extended, or the job is not exclusive; <see langword="false"/> when it was
    /// lost to another host, and the run must stop.
    /// </returns>
    public async ValueTask<bool> RenewLeaseAsync(CancellationToken cancellationToken = default)
    {
        if (Lease is null || _renew is null)
        {
            return true;
        }

        Lease = await _renew(Lease, cancellationToken).ConfigureAwait(false);
        return Lease is not null;
    }
}
