using System.Globalization;
using CustomerCare.Segments;

namespace CustomerCare.Hosting.Jobs;

/// <summary>Re-evaluates every segment through <see cref="SegmentService.EvaluateAllAsync"/> and records membership.</summary>
internal sealed class SegmentJob(SegmentService segments) : IHostedJob
{
    public string Name => HostedJobNames.Segments;

    public async ValueTask<string?> RunAsync(JobContext context, CancellationToken cancellationToken = default)
    {
        var run = await segments.EvaluateAllAsync(cancellationToken).ConfigureAwait(false);
        return string.Create(CultureInfo.InvariantCulture, $"{run.Results.Count} segments over {run.Table.Count} customers, {run.Results.Sum(r => r.Changes.Count)} membership changes");
    }
}
