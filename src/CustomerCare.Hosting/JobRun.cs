using NodaTime;

namespace CustomerCare.Hosting;

/// <summary>One due job as <see cref="JobScheduler.RunDueAsync"/> handled it.</summary>
/// <param name="Job">The job's name.</param>
/// <param name="ScheduledFor">The schedule's instant the run was for.</param>
/// <param name="StartedAt">When the scheduler took it up, by the clock.</param>
/// <param name="Outcome">What became of it.</param>
/// <param name="Detail">The job's summary, the error, or who holds the lease.</param>
/// <param name="FencingToken">The token of the lease it ran under, or <see langword="null"/> when it held none.</param>
public sealed record JobRun(string Job, Instant ScheduledFor, Instant StartedAt, JobOutcome Outcome, string? Detail, long? FencingToken);
