namespace CustomerCare.Hosting;

/// <summary>A job with its schedule, as the scheduler runs it.</summary>
internal sealed record ScheduledJob(IHostedJob Job, JobSchedule Schedule, bool Exclusive);

/// <summary>A job registered with <c>AddHostedJob</c>, resolved when the scheduler is built.</summary>
internal sealed record HostedJobRegistration(Func<IServiceProvider, IHostedJob> Create, JobSchedule Schedule, bool Exclusive);
