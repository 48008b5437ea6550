using System.CommandLine;
using CustomerCare.Sample.Reporting;
using CustomerCare.Sample.Simulation;
using CustomerCare.Segments.Rules;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Sample.Commands;

/// <summary>
/// <c>segments [--rule "…"] [--json]</c>: every segment's size and who entered or left it since the previous
/// evaluation, or, with <c>--rule</c>, how many customers an ad-hoc rule selects and the first of them.
/// </summary>
public static class SegmentsCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">The host and console.</param>
    /// <returns>The command.</returns>
    public static Command Create(SampleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rule = new Option<string?>("--rule")
        {
            Description = "Evaluate this rule instead, such as \"orders >= 3 and city in ['İstanbul', 'Ankara']\" (nothing is recorded).",
        };
        var json = CommonOptions.Json();
        var simulation = new EmptyStoreOptions();
        var command = new Command("segments", "List every segment with its size, share and who entered or left since the previous evaluation; or evaluate an ad-hoc rule. An empty store is simulated first.")
        {
            rule,
            json,
        };
        simulation.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            context,
            parseResult.GetValue(rule),
            parseResult.GetValue(json),
            simulation.Settings(parseResult),
            simulation.AnyGiven(parseResult),
            cancellationToken));
        return command;
    }

    /// <summary>Evaluates the segments, or the rule, and writes the result; a bad rule prints every error and exits with <see cref="ExitCodes.Usage"/>.</summary>
    /// <param name="context">The host and console.</param>
    /// <param name="rule">The ad-hoc rule, or <see langword="null"/> for every segment of the catalog.</param>
    /// <param name="json">Whether to write one JSON document instead of tables or text.</param>
    /// <param name="simulation">The simulation to run first when the store is empty.</param>
    /// <param name="simulationGiven">Whether the user typed the simulation options.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(SampleContext context, string? rule, bool json, SimulationSettings simulation, bool simulationGiven, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);

        // A bad rule is refused before anything is simulated.
        if (rule is not null && !await CheckRuleAsync(context.Console, rule))
        {
            return ExitCodes.Usage;
        }

        var data = await EmptyStore.SimulateIfEmptyAsync(context, simulation, simulationGiven, json, cancellationToken);
        if (data.ExitCode != ExitCodes.Ok)
        {
            return data.ExitCode;
        }

        if (rule is null)
        {
            await WriteSegmentsAsync(context, data.Simulated, json, cancellationToken);
        }
        else
        {
            var report = await context.Services.GetRequiredService<SegmentReportBuilder>().EvaluateRuleAsync(rule, data.Simulated, cancellationToken);
            if (json)
            {
                JsonOutput.Write(report, context.Console.Out);
            }
            else
            {
                ISegmentReportWriter.For(context.Console).WriteRule(report);
            }
        }

        return ExitCodes.Ok;
    }

    /// <summary>Evaluates every segment of the catalog and writes the sizes, without looking at whether the store is empty.</summary>
    /// <param name="context">The host and console.</param>
    /// <param name="simulated">The simulation run first, if any.</param>
    /// <param name="json">Whether to write one JSON document.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the output is written.</returns>
    public static async Task WriteSegmentsAsync(SampleContext context, SimulationSettings? simulated, bool json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var report = await context.Services.GetRequiredService<SegmentReportBuilder>().EvaluateAllAsync(simulated, cancellationToken);
        if (json)
        {
            JsonOutput.Write(report, context.Console.Out);
        }
        else
        {
            ISegmentReportWriter.For(context.Console).WriteSegments(report);
        }
    }

    private static async Task<bool> CheckRuleAsync(SampleConsole console, string rule)
    {
        try
        {
            SegmentRule.Parse(rule);
            return true;
        }
        catch (SegmentRuleException refused)
        {
            foreach (var line in refused.Errors.SelectMany(error => RuleErrorText.Lines(rule, error)))
            {
                await console.Error.WriteLineAsync(line);
            }

            return false;
        }
    }
}
