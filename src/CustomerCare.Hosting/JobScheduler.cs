using CustomerCare.Storage;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CustomerCare.Hosting;

/// <summary>
/// Runs the hosted jobs that are due by the <see cref="IClock"/>, each under a lease when it is exclusive, and keeps
/// what each run did. The hosted service calls <see cref="RunDueAsync"/> in a loop; a test or a command calls it after
/// moving the clock, and sees exactly which jobs ran.
/// </summary>
/// <remarks>
/// <para><b>Schedule.</b> A job's first run is its schedule's first instant after the scheduler was built; after each run
/// the next is the first instant after the run ended, so a host that was busy or down runs a missed job once, not once
/// per missed instant.</para>
/// <para><b>Leases.</b> An exclusive job runs only under its <see cref="IJobLeaseStore"/> lease. After a successful run
/// the lease is kept until the job's next instant, which tells the other hosts this occurrence is done; a failed or
/// cancelled run releases it, so the next try (here or on another host) may take it at once. A host that finds the lease
/// held tries again at the earlier of its next instant and the lease's end.</para>
/// <para><b>Failures.</b> A job that throws is logged with its exception and runs again at its next instant; the
/// scheduler and the host carry on.</para>
/// <para><b>Shutdown.</b> <see cref="StopAsync"/> starts no new run, lets the running job finish until its token fires,
/// then cancels it, and releases every lease this host holds.</para>
/// <para><b>Thread safety.</b> Thread-safe; concurrent calls to <see cref="RunDueAsync"/> run one after the other.</para>
/// </remarks>
public sealed class JobScheduler : IDisposable
{
    private readonly JobState[] _jobs;
    private readonly IJobLeaseStore _leases;
    private readonly IClock _clock;
    private readonly DateTimeZone _defaultZone;
    private readonly HostedJobsOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _abort = new();
    private volatile bool _stopping;

    internal JobScheduler(IEnumerable<ScheduledJob> jobs, IJobLeaseStore leases, IClock clock, DateTimeZone defaultZone, HostedJobsOptions options, ILogger logger)
    {
        _leases = leases;
        _clock = clock;
        _defaultZone = defaultZone;
        _options = options;
        _logger = logger;
        var now = clock.GetCurrentInstant();
        _jobs = [.. jobs.Select(j => new JobState(j, j.Schedule.NextAfter(now, defaultZone)))];
        var duplicate = _jobs.GroupBy(j => j.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two hosted jobs are named '{duplicate.Key}'.", nameof(jobs));
        }

        Log.Scheduled(logger, options.HolderId, _jobs.Length == 0 ? "none" : string.Join(", ", _jobs.Select(j => $"{j.Name} ({j.Scheduled.Schedule}, next {j.NextDue})")));
    }

    /// <summary>This host's name in leases.</summary>
    public string HolderId => _options.HolderId;

    /// <summary>The names of the scheduled jobs, in the order they run when due together.</summary>
    public IReadOnlyList<string> Jobs => [.. _jobs.Select(j => j.Name)];

    /// <summary>When a job is next due.</summary>
    /// <param name="job">The job's name.</param>
    /// <returns>The instant.</returns>
    /// <exception cref="KeyNotFoundException">No job has that name.</exception>
    public Instant NextDueAt(string job) => Find(job).NextDue;

    /// <summary>When the first job is next due, or <see langword="null"/> when no job is scheduled.</summary>
    public Instant? NextDueAt() => _jobs.Length == 0 ? null : _jobs.Min(j => j.NextDue);

    /// <summary>The last run of a job, or <see langword="null"/> before its first.</summary>
    /// <param name="job">The job's name.</param>
    /// <returns>The run.</returns>
    /// <exception cref="KeyNotFoundException">No job has that name.</exception>
    public JobRun? LastRun(string job) => Find(job).Last;

    /// <summary>Runs, one after the other, every job due at the clock's instant.</summary>
    /// <param name="cancellationToken">Cancels the running job (its lease is released) and skips the rest.</param>
    /// <returns>One entry per due job, in job order; empty when nothing was due or the scheduler is stopping.</returns>
    public async ValueTask<IReadOnlyList<JobRun>> RunDueAsync(CancellationToken cancellationToken = default)
    {
        if (_stopping)
        {
            return [];
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _abort.Token);
            var runs = new List<JobRun>();
            var now = _clock.GetCurrentInstant();
            foreach (var job in _jobs.Where(j => j.NextDue <= now))
            {
                if (_stopping || linked.IsCancellationRequested)
                {
                    break;
                }

                var run = await RunOneAsync(job, linked.Token).ConfigureAwait(false);
                job.Last = run;
                runs.Add(run);
            }

            return runs;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops: starts no new run, cancels the running one when <paramref name="cancellationToken"/> fires, and releases this host's leases.</summary>
    /// <param name="cancellationToken">How long the running job may still finish; an already cancelled token cancels it at once.</param>
    /// <returns>A task that completes when no job runs and the leases are released.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        _stopping = true;
        using (cancellationToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), _abort))
        {
            // Waits for the running job to finish or unwind after the cancellation above.
            await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        try
        {
            foreach (var job in _jobs)
            {
                if (job.Lease is { } lease)
                {
                    await ReleaseAsync(job, lease).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _abort.Dispose();
        _gate.Dispose();
    }

    private async ValueTask<JobRun> RunOneAsync(JobState job, CancellationToken cancellationToken)
    {
        var scheduledFor = job.NextDue;
        var startedAt = _clock.GetCurrentInstant();
        JobLease? lease = null;
        try
        {
            if (job.Scheduled.Exclusive)
            {
                lease = await _leases.AcquireAsync(job.Name, _options.HolderId, _options.LeaseDuration, startedAt, cancellationToken).ConfigureAwait(false);
                if (lease is null)
                {
                    return await SkipAsync(job, scheduledFor, startedAt, cancellationToken).ConfigureAwait(false);
                }

                job.Lease = lease;
            }

            var context = new JobContext(job.Name, scheduledFor, startedAt, lease, lease is null ? null : RenewAsync);
            var detail = await job.Scheduled.Job.RunAsync(context, cancellationToken).ConfigureAwait(false);
            lease = context.Lease;
            var endedAt = _clock.GetCurrentInstant();
            job.NextDue = job.Scheduled.Schedule.NextAfter(endedAt, _defaultZone);
            if (job.Scheduled.Exclusive && lease is null)
            {
                job.Lease = null;
                Log.LeaseLost(_logger, job.Name);
                return new JobRun(job.Name, scheduledFor, startedAt, JobOutcome.LeaseLost, detail, null);
            }

            if (lease is not null)
            {
                // Held until the next instant: the other hosts see this occurrence as done.
                job.Lease = await _leases.RenewAsync(lease, job.NextDue - endedAt, endedAt, CancellationToken.None).ConfigureAwait(false);
            }

            Log.JobSucceeded(_logger, job.Name, scheduledFor, lease?.Token, detail, job.NextDue);
            return new JobRun(job.Name, scheduledFor, startedAt, JobOutcome.Succeeded, detail, lease?.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await ReleaseAsync(job, lease).ConfigureAwait(false);
            Log.JobCancelled(_logger, job.Name, scheduledFor);
            return new JobRun(job.Name, scheduledFor, startedAt, JobOutcome.Cancelled, null, lease?.Token);
        }
        catch (Exception e)
        {
            job.NextDue = job.Scheduled.Schedule.NextAfter(_clock.GetCurrentInstant(), _defaultZone);
            await ReleaseAsync(job, lease).ConfigureAwait(false);
            Log.JobFailed(_logger, e, job.Name, scheduledFor, job.NextDue);
            return new JobRun(job.Name, scheduledFor, startedAt, JobOutcome.Failed, $"{e.GetType().Name}: {e.Message}", lease?.Token);
        }
    }

    private async ValueTask<JobRun> SkipAsync(JobState job, Instant scheduledFor, Instant now, CancellationToken cancellationToken)
    {
        var next = job.Scheduled.Schedule.NextAfter(now, _defaultZone);
        var holder = await _leases.FindAsync(job.Name, cancellationToken).ConfigureAwait(false);
        if (holder is not null && holder.ExpiresAt > now && holder.ExpiresAt < next)
        {
            // The holder may die mid-run: try again when its lease would end rather than wait a whole period.
            next = holder.ExpiresAt;
        }

        job.NextDue = next;
        Log.LeaseHeld(_logger, job.Name, holder?.Holder ?? "another host", holder?.ExpiresAt, next);
        return new JobRun(job.Name, scheduledFor, now, JobOutcome.LeaseHeld, holder is null ? null : $"held by {holder.Holder}", holder?.Token);
    }

    private ValueTask<JobLease?> RenewAsync(JobLease lease, CancellationToken cancellationToken) =>
        _leases.RenewAsync(lease, _options.LeaseDuration, _clock.GetCurrentInstant(), cancellationToken);

    private async ValueTask ReleaseAsync(JobState job, JobLease? lease)
    {
        job.Lease = null;
        if (lease is null)
        {
            return;
        }

        try
        {
            await _leases.ReleaseAsync(lease, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The store is unreachable: the lease ends by itself, and shutting down must not fail over it.
            Log.ReleaseFailed(_logger, e, job.Name, lease.ExpiresAt);
        }
    }

    private JobState Find(string job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return _jobs.FirstOrDefault(j => string.Equals(j.Name, job, StringComparison.Ordinal))
            ?? throw new KeyNotFoundException($"No hosted job is named '{job}'; the jobs are: {string.Join(", ", _jobs.Select(j => j.Name))}.");
    }

    private sealed class JobState(ScheduledJob scheduled, Instant nextDue)
    {
        // Written by the one running RunDueAsync, read by anyone: an Instant is too wide to be read without a lock.
        private readonly Lock _lock = new();
        private Instant _nextDue = nextDue;

        public ScheduledJob Scheduled { get; } = scheduled;

        public string Name { get; } = scheduled.Job.Name;

        public Instant NextDue
        {
            get
            {
                lock (_lock)
                {
                    return _nextDue;
                }
            }

            set
            {
                lock (_lock)
                {
                    _nextDue = value;
                }
            }
        }

        public JobRun? Last { get; set; }

        public JobLease? Lease { get; set; }
    }
}
