using CustomerCare.Hosting;
using CustomerCare.Hosting.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerCare;

/// <summary>Adds CustomerCare's health checks to <c>services.AddHealthChecks()</c>.</summary>
public static class HealthChecksBuilderExtensions
{
    /// <summary>The name of the store check.</summary>
    public const string StoreCheck = "customercare-store";

    /// <summary>The name of the outbound channels check.</summary>
    public const string ChannelsCheck = "customercare-channels";

    /// <summary>The name of the hosted jobs check, added when <c>AddHostedJobs</c> was called.</summary>
    public const string JobsCheck = "customercare-jobs";

    /// <summary>
    /// Adds the checks: <c>customercare-store</c> (one cheap count on the store; unhealthy when it throws, such as an
    /// unreadable SQLite file or an unreachable PostgreSQL), <c>customercare-channels</c> (every registered
    /// <c>IOutboundChannel</c> can be created and is uniquely named; no connection is opened; degraded when there is
    /// none), and, when <c>AddHostedJobs</c> is registered, <c>customercare-jobs</c> (degraded while a job's last run
    /// failed). Each is tagged <c>customercare</c>; the store check also <c>ready</c>.
    /// </summary>
    /// <param name="builder">The health checks builder from <c>services.AddHealthChecks()</c>.</param>
    /// <param name="failureStatus">The status of a failed store or channel check. Default <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="timeout">How long the store check may take; default 5 seconds.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IHealthChecksBuilder AddCustomerCareHealthChecks(this IHealthChecksBuilder builder, HealthStatus failureStatus = HealthStatus.Unhealthy, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(new HealthCheckRegistration(
            StoreCheck,
            sp => new StoreHealthCheck(sp.GetRequiredService<Storage.IOutboxStore>()),
            failureStatus,
            ["customercare", "ready"],
            timeout ?? TimeSpan.FromSeconds(5)));
        builder.Add(new HealthCheckRegistration(ChannelsCheck, sp => new ChannelsHealthCheck(sp), failureStatus, ["customercare"]));
        builder.Add(new HealthCheckRegistration(
            JobsCheck,
            sp => sp.GetService<JobScheduler>() is { } scheduler ? new JobsHealthCheck(scheduler) : new NoJobsHealthCheck(),
            HealthStatus.Degraded,
            ["customercare"]));
        return builder;
    }

    private sealed class NoJobsHealthCheck : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(HealthCheckResult.Healthy("No hosted jobs in this process."));
    }
}
