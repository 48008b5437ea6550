namespace CustomerCare.Hosting;

/// <summary>A unit of work the <see cref="JobScheduler"/> runs on a schedule; the built-in jobs and your own (<c>AddHostedJob</c>).</summary>
/// <remarks>
/// A run should be idempotent: a host that dies mid-run leaves the job to be run again, by itself or another host, once
/// its lease ends. Honour the cancellation token: it fires when the host stops and its shutdown time is up.
/// Implementations must be thread-safe if registered in several schedulers.
/// </remarks>
public interface IHostedJob
{
    /// <summary>The job's name: its lease key and its name in logs; unique among a host's jobs.</summary>
    string Name { get; }

    /// <summary>Runs the job once.</summary>
    /// <param name="context">The run: its scheduled and actual instants, and its lease.</param>
    /// <param name="cancellationToken">Fires when the host stops and may no longer wait.</param>
    /// <returns>A short summary of what the run did, for the log, or <see langword="null"/>.</returns>
    ValueTask<string?> RunAsync(JobContext context, CancellationToken cancellationToken = default);
}
