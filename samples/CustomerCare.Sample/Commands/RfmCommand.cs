using System.CommandLine;
using CustomerCare.Sample.Reporting;
using CustomerCare.Sample.Simulation;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Sample.Commands;

/// <summary>
/// <c>rfm [--json]</c>: the RFM quintile cut points over the customers with orders, and the customers per RFM segment
/// and per lifecycle stage.
/// </summary>
public static class RfmCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">The host and console.</param>
    /// <returns>The command.</returns>
    public static Command Create(SampleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var json = CommonOptions.Json();
        var simulation = new EmptyStoreOptions();
        var command = new Command("rfm", "Print the RFM quintile cut points (recency, frequency, monetary) and the customers per RFM segment and lifecycle stage. An empty store is simulated first.")
        {
            json,
        };
        simulation.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            context,
            parseResult.GetValue(json),
            simulation.Settings(parseResult),
            simulation.AnyGiven(parseResult),
            cancellationToken));
        return command;
    }

    /// <summary>Scores the store's customers and writes the summary.</summary>
    /// <param name="context">The host and console.</param>
    /// <param name="json">Whether to write one JSON document instead of tables or text.</param>
    /// <param name="simulation">The simulation to run first when the store is empty.</param>
    /// <param name="simulationGiven">Whether the user typed the simulation options.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(SampleContext context, bool json, SimulationSettings simulation, bool simulationGiven, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = await EmptyStore.SimulateIfEmptyAsync(context, simulation, simulationGiven, json, cancellationToken);
        if (data.ExitCode != ExitCodes.Ok)
        {
            return data.ExitCode;
        }

        await WriteAsync(context, data.Simulated, json, cancellationToken);
        return ExitCodes.Ok;
    }

    /// <summary>Scores the store's customers and writes the summary, without looking at whether the store is empty.</summary>
    /// <param name="context">The host and console.</param>
    /// <param name="simulated">The simulation run first, if any.</param>
    /// <param name="json">Whether to write one JSON document.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the output is written.</returns>
    public static async Task WriteAsync(SampleContext context, SimulationSettings? simulated, bool json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var report = await context.Services.GetRequiredService<SegmentReportBuilder>().RfmAsync(simulated, cancellationToken);
        if (json)
        {
            JsonOutput.Write(report, context.Console.Out);
        }
        else
        {
            ISegmentReportWriter.For(context.Console).WriteRfm(report);
        }
    }
}
