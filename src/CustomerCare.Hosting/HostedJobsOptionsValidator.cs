using CustomerCare.Storage;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Hosting;

/// <summary>Checks <see cref="HostedJobsOptions"/> when the host starts; a failure names the setting and its value.</summary>
internal sealed class HostedJobsOptionsValidator : IValidateOptions<HostedJobsOptions>
{
    public ValidateOptionsResult Validate(string? name, HostedJobsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.HolderId) || options.HolderId.Length > JobLease.MaxNameLength)
        {
            failures.Add($"HostedJobs:HolderId '{options.HolderId}' must be 1 to {JobLease.MaxNameLength} characters.");
        }

        foreach (var (setting, value) in new[] { (nameof(options.LeaseDuration), options.LeaseDuration), (nameof(options.MaxIdle), options.MaxIdle) })
        {
            if (value <= Duration.Zero)
            {
                failures.Add($"HostedJobs:{setting} '{DurationPattern.Roundtrip.Format(value)}' must be positive.");
            }
        }

        foreach (var (job, settings) in HostedJobsRegistration.BuiltIn(options))
        {
            if (settings.Schedule is null)
            {
                failures.Add($"HostedJobs:{job}:Schedule is required.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
