using CustomerCare.Notifications;
using CustomerCare.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerCare.Hosting.Health;

/// <summary>Checks the store with one cheap query: the count of pending outbox messages (an index lookup on every store).</summary>
internal sealed class StoreHealthCheck(IOutboxStore outbox) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var pending = await outbox.CountAsync(OutboxStatus.Pending, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy(
                $"{outbox.GetType().Name} answered",
                new Dictionary<string, object> { ["store"] = outbox.GetType().Name, ["pending_messages"] = pending });
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"{outbox.GetType().Name} failed: {e.Message}", e, new Dictionary<string, object> { ["store"] = outbox.GetType().Name });
        }
    }
}
