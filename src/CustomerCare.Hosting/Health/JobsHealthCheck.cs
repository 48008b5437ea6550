using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerCare.Hosting.Health;

/// <summary>Reports the hosted jobs: degraded while a job's last run failed (it retries at its next instant).</summary>
internal sealed class JobsHealthCheck(JobScheduler scheduler) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var failing = new List<string>();
        foreach (var job in scheduler.Jobs)
        {
            var last = scheduler.LastRun(job);
            data[job] = last is null ? "not run yet" : $"{last.Outcome} at {last.StartedAt:g}";
            if (last?.Outcome == JobOutcome.Failed)
            {
                failing.Add($"{job} ({last.Detail})");
            }
        }

        return Task.FromResult(failing.Count > 0
            ? HealthCheckResult.Degraded($"Last run failed: {string.Join("; ", failing)}", data: data)
            : HealthCheckResult.Healthy($"{scheduler.Jobs.Count} jobs scheduled", data));
    }
}
