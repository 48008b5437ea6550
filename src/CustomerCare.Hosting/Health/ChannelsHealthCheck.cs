using CustomerCare.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerCare.Hosting.Health;

/// <summary>
/// Checks that the outbound channels are configured: each registered channel can be created (its options are valid)
/// and has a name no other channel has. It sends nothing and opens no connection, so it stays cheap; an SMTP server
/// that is down shows as retries and dead letters in the outbox, not here.
/// </summary>
internal sealed class ChannelsHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        IOutboundChannel[] channels;
        try
        {
            channels = [.. services.GetServices<IOutboundChannel>()];
        }
        catch (Exception e)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, $"An outbound channel could not be created: {e.Message}", e));
        }

        var names = channels.Select(c => c.Name).ToArray();
        var data = new Dictionary<string, object> { ["channels"] = string.Join(",", names) };
        if (channels.Length == 0)
        {
            return Task.FromResult(HealthCheckResult.Degraded("No outbound channel is registered: messages wait in the outbox.", data: data));
        }

        var duplicates = names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        return Task.FromResult(duplicates.Length > 0
            ? new HealthCheckResult(context.Registration.FailureStatus, $"Several outbound channels are named {string.Join(", ", duplicates.Select(d => "'" + d + "'"))}; the outbox dispatcher refuses them.", data: data)
            : HealthCheckResult.Healthy($"{channels.Length} outbound channels: {string.Join(", ", names)}", data));
    }
}
