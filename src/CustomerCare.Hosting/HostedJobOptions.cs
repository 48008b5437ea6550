namespace CustomerCare.Hosting;

/// <summary>How one built-in hosted job runs: whether, when, and whether one host at a time.</summary>
public sealed class HostedJobOptions
{
    /// <summary>Creates the settings with a schedule.</summary>
    /// <param name="schedule">When the job runs.</param>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is <see langword="null"/>.</exception>
    public HostedJobOptions(JobSchedule schedule)
    {
        Schedule = schedule ?? throw new ArgumentNullException(nameof(schedule));
    }

    /// <summary>Whether the job runs. Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When the job runs.</summary>
    public JobSchedule Schedule { get; set; }

    /// <summary>
    /// Whether only one host runs the job at a time, through an <see cref="Storage.IJobLeaseStore"/> lease. Default
    /// <see langword="true"/>; the outbox dispatcher defaults to <see langword="false"/>, since its claims already
    /// share the messages out between hosts.
    /// </summary>
    public bool Exclusive { get; set; } = true;
}
