using CustomerCare.Sample.Simulation;

namespace CustomerCare.Sample.Commands;

/// <summary>
/// What the sample does without arguments: the default simulation and its report, then the segment sizes and the
/// RFM summary of the simulated store.
/// </summary>
public static class DefaultRun
{
    /// <summary>Runs the default simulation, prints the report, then the segments and the RFM summary.</summary>
    /// <param name="context">The host and console.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The exit code of the simulation: <see cref="ExitCodes.Error"/> when the library rejected an event.</returns>
    public static async Task<int> RunAsync(SampleContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var exitCode = await SimulateCommand.RunAsync(context, SimulationSettings.Default, json: false, cancellationToken);
        if (exitCode != ExitCodes.Ok)
        {
            return exitCode;
        }

        await SegmentsCommand.WriteSegmentsAsync(context, simulated: null, json: false, cancellationToken);
        await RfmCommand.WriteAsync(context, simulated: null, json: false, cancellationToken);
        return ExitCodes.Ok;
    }
}
