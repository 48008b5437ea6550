using System.Globalization;
using CustomerCare.Complaints.Sla;

namespace CustomerCare.Hosting.Jobs;

/// <summary>Runs <see cref="ComplaintSlaSweep"/>: raises each SLA warning and breach once.</summary>
internal sealed class SlaEscalationJob(ComplaintSlaSweep sweep) : IHostedJob
{
    public string Name => HostedJobNames.SlaEscalation;

    public async ValueTask<string?> RunAsync(JobContext context, CancellationToken cancellationToken = default)
    {
        var raised = await sweep.RunAsync(context.StartedAt, cancellationToken).ConfigureAwait(false);
        return string.Create(CultureInfo.InvariantCulture, $"{raised.Count} warnings and breaches raised");
    }
}
