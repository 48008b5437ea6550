using System.Globalization;
using CustomerCare.Policy.Promises;

namespace CustomerCare.Hosting.Jobs;

/// <summary>Runs <see cref="BrokenPromiseDetector.SweepAsync"/>: orders still undelivered past their promise are recovered, once per order.</summary>
internal sealed class BrokenPromiseJob(BrokenPromiseDetector detector) : IHostedJob
{
    public string Name => HostedJobNames.BrokenPromises;

    public async ValueTask<string?> RunAsync(JobContext context, CancellationToken cancellationToken = default)
    {
        var recoveries = await detector.SweepAsync(context.StartedAt, cancellationToken).ConfigureAwait(false);
        return string.Create(CultureInfo.InvariantCulture, $"{recoveries.Count} late orders");
    }
}
