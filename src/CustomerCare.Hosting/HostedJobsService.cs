using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CustomerCare.Hosting;

/// <summary>
/// The generic host's side of the jobs: a loop that runs what is due, then sleeps until the next job is due (at most
/// <see cref="HostedJobsOptions.MaxIdle"/>, since a clock may be moved); and on stop, the scheduler's graceful stop.
/// </summary>
internal sealed class HostedJobsService(JobScheduler scheduler, IClock clock, HostedJobsOptions options, ILogger logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.RunInBackground)
        {
            _loop = Task.Run(() => LoopAsync(_stopping.Token), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await scheduler.StopAsync(cancellationToken).ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task LoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var wait = options.MaxIdle;
            try
            {
                // Not the stopping token: a running job is given the host's shutdown time, through the scheduler's stop.
                await scheduler.RunDueAsync(CancellationToken.None).ConfigureAwait(false);
                if (scheduler.NextDueAt() is { } next)
                {
                    var untilNext = next - clock.GetCurrentInstant();
                    wait = untilNext < Duration.Zero ? Duration.Zero : untilNext < wait ? untilNext : wait;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.LoopFailed(logger, e, wait);
            }

            try
            {
                await Task.Delay(wait.ToTimeSpan(), stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
