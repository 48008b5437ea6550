using NodaTime;

namespace CustomerCare.Hosting;

/// <summary>The hosted jobs: who this host is, how long its leases last, and each built-in job's schedule.</summary>
/// <remarks>
/// Defaults: campaigns daily at 09:00, segments daily at 03:00 (both in the library's <c>DefaultTimeZone</c>), the SLA
/// escalation sweep every 5 minutes, surveys every 15 minutes, broken delivery promises every hour, and the outbox every
/// minute. Validated when the host starts.
/// </remarks>
public sealed class HostedJobsOptions
{
    /// <summary>This host's name in leases; unique per process. Default the machine name and a random suffix.</summary>
    public string HolderId { get; set; } = Environment.MachineName + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>
    /// How long a running exclusive job holds its lease before it must renew it; a host that dies loses its jobs to
    /// another after it. The long-running jobs (outbox, surveys) renew between batches. Default 10 minutes.
    /// </summary>
    public Duration LeaseDuration { get; set; } = Duration.FromMinutes(10);

    /// <summary>The longest the background loop sleeps before it reads the clock again. Default 1 minute.</summary>
    public Duration MaxIdle { get; set; } = Duration.FromMinutes(1);

    /// <summary>
    /// Whether the host runs a loop that starts jobs when they are due. Default <see langword="true"/>. Turn it off to
    /// trigger the jobs yourself through <see cref="JobScheduler.RunDueAsync"/> (from a cron, a command, or a test that
    /// moves a fake clock); leases, shutdown and health work the same.
    /// </summary>
    public bool RunInBackground { get; set; } = true;

    /// <summary>The daily campaign run (<c>CampaignScheduler</c>); scheduled when a campaign is registered.</summary>
    public HostedJobOptions Campaigns { get; } = new(JobSchedule.DailyAt(new LocalTime(9, 0)));

    /// <summary>The SLA escalation sweep (<c>ComplaintSlaSweep</c>).</summary>
    public HostedJobOptions SlaEscalation { get; } = new(JobSchedule.Every(Duration.FromMinutes(5)));

    /// <summary>The survey sender (<c>SurveyService.SendDueAsync</c>); scheduled when <c>AddSurveys</c> and an <see cref="ISurveyInvitationSender"/> are registered.</summary>
    public HostedJobOptions Surveys { get; } = new(JobSchedule.Every(Duration.FromMinutes(15)));

    /// <summary>Segment re-evaluation (<c>SegmentService.EvaluateAllAsync</c>).</summary>
    public HostedJobOptions Segments { get; } = new(JobSchedule.DailyAt(new LocalTime(3, 0)));

    /// <summary>The sweep for orders still undelivered past their promise (<c>BrokenPromiseDetector.SweepAsync</c>).</summary>
    public HostedJobOptions BrokenPromises { get; } = new(JobSchedule.Every(Duration.FromHours(1)));

    /// <summary>The outbox dispatcher (<c>OutboxDispatcher</c>); not exclusive by default, as every host may dispatch.</summary>
    public HostedJobOptions Outbox { get; } = new(JobSchedule.Every(Duration.FromMinutes(1))) { Exclusive = false };
}
