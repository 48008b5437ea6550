using System.CommandLine;
using System.Globalization;
using CustomerCare.Customers;
using CustomerCare.Sample.Reporting;
using CustomerCare.Sample.Simulation;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace CustomerCare.Sample.Commands;

/// <summary>
/// <c>simulate --customers N --days D --seed S [--json]</c>: runs a simulated Turkish store through the library,
/// then prints the report.
/// </summary>
public static class SimulateCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">The host and console.</param>
    /// <returns>The command.</returns>
    public static Command Create(SampleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var defaults = SimulationSettings.Default;
        var customers = CommonOptions.Range("--customers", "How many customers register.", defaults.Customers, 1, SimulationSettings.MaxCustomers);
        var days = CommonOptions.Range("--days", "How many days to simulate, from 1 January 2026.", defaults.Days, 1, SimulationSettings.MaxDays);
        var seed = CommonOptions.Range("--seed", "The random seed; the same seed gives the same store and report.", defaults.Seed, 0, int.MaxValue);
        var json = CommonOptions.Json();
        var command = new Command("simulate", "Simulate a Turkish online store day by day through the library, then print the report.")
        {
            customers,
            days,
            seed,
            json,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            context,
            new SimulationSettings(parseResult.GetValue(customers), parseResult.GetValue(days), parseResult.GetValue(seed)),
            parseResult.GetValue(json),
            cancellationToken));
        return command;
    }

    /// <summary>Runs the simulation, prints what it did and the report, and lists any rejected event on standard error.</summary>
    /// <param name="context">The host and console.</param>
    /// <param name="settings">The size and seed.</param>
    /// <param name="json">Whether to write one JSON document instead of tables or text.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns><see cref="ExitCodes.Ok"/>, or <see cref="ExitCodes.Error"/> when the library rejected an event.</returns>
    public static async Task<int> RunAsync(SampleContext context, SimulationSettings settings, bool json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var console = context.Console;
        var simulator = context.Services.GetRequiredService<StoreSimulator>();
        var checkpointPath = context.Host.Options.CheckpointPath;
        var resume = await ResumeFromAsync(context, checkpointPath, cancellationToken);
        if (resume?.Mismatch(settings) is { } mismatch)
        {
            await console.Error.WriteLineAsync($"error: {mismatch}");
            return ExitCodes.Usage;
        }

        var result = json
            ? await simulator.RunAsync(settings, progress: null, resume, cancellationToken)
            : console.IsInteractive
                ? await RunWithProgressBarAsync(console.Ansi, simulator, settings, resume, cancellationToken)
                : await simulator.RunAsync(settings, new PlainProgress(console.Out, settings.Days), resume, cancellationToken);
        result = result with { Store = context.Host.Options.StoreName };
        if (checkpointPath is not null)
        {
            new SimulationCheckpoint(settings.Seed, settings.Customers, resume?.RegistrationDays ?? settings.Days, (resume?.DaysDone ?? 0) + settings.Days).Save(checkpointPath);
        }

        var report = await context.Services.GetRequiredService<StoreReportBuilder>().BuildAsync(cancellationToken);
        if (json)
        {
            JsonOutput.Write(new SimulationDocument(SimulationSummary.From(result), report), console.Out);
        }
        else
        {
            var writer = IReportWriter.For(console);
            writer.WriteSimulation(result);
            writer.WriteReport(report);
        }

        return await CheckCleanAsync(console, result);
    }

    /// <summary>Lists every rejected event on standard error and says when the run is not clean.</summary>
    /// <param name="console">The console.</param>
    /// <param name="result">The run.</param>
    /// <returns><see cref="ExitCodes.Ok"/> for a clean run, otherwise <see cref="ExitCodes.Error"/>.</returns>
    public static async Task<int> CheckCleanAsync(SampleConsole console, SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        foreach (var rejection in result.Rejections)
        {
            await console.Error.WriteLineAsync($"rejected {rejection.Kind} event '{rejection.EventId}' ({rejection.Code}): {rejection.Message}");
        }

        if (!result.IsClean)
        {
            await console.Error.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"error: the simulation is not clean: {result.Rejections.Length} rejected, {result.DuplicatesRecognized} of {result.DuplicatesSent} duplicates recognized, {result.EventsApplied} of {result.EventsDelivered - result.DuplicatesSent} first deliveries applied"));
            return ExitCodes.Error;
        }

        return ExitCodes.Ok;
    }

    /// <summary>The checkpoint of a kept store, or <see langword="null"/> for a fresh one (no file, or an empty store beside a stale file).</summary>
    private static async Task<SimulationCheckpoint?> ResumeFromAsync(SampleContext context, string? checkpointPath, CancellationToken cancellationToken)
    {
        if (checkpointPath is null || SimulationCheckpoint.Load(checkpointPath) is not { } checkpoint)
        {
            return null;
        }

        var customers = await context.Services.GetRequiredService<ICustomerStore>().CountAsync(new Specification<Customer>(), cancellationToken);
        return customers == 0 ? null : checkpoint;
    }

    private static async Task<SimulationResult> RunWithProgressBarAsync(IAnsiConsole console, StoreSimulator simulator, SimulationSettings settings, SimulationCheckpoint? resume, CancellationToken cancellationToken) =>
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progressContext =>
            {
                var task = progressContext.AddTask("Simulating", maxValue: settings.Days);
                var progress = new SynchronousProgress(p =>
                {
                    task.Value = p.Day;
                    task.Description = $"{HumanFormat.Date(p.Date)}: {HumanFormat.Count(p.EventsApplied)} events";
                });
                return await simulator.RunAsync(settings, progress, resume, cancellationToken);
            });

    /// <summary>Reports on the simulating thread, so lines come out in order (unlike <see cref="Progress{T}"/>).</summary>
    private sealed class SynchronousProgress(Action<SimulationProgress> report) : IProgress<SimulationProgress>
    {
        public void Report(SimulationProgress value) => report(value);
    }

    /// <summary>About five plain lines per run, readable in a CI log.</summary>
    private sealed class PlainProgress(TextWriter output, int days) : IProgress<SimulationProgress>
    {
        private readonly int _step = Math.Max(1, days / 5);

        public void Report(SimulationProgress value)
        {
            if (value.Day % _step == 0 || value.Day == value.Days)
            {
                output.WriteLine($"simulated day {HumanFormat.Count(value.Day)}/{HumanFormat.Count(value.Days)} ({HumanFormat.Date(value.Date)}): {HumanFormat.Count(value.EventsApplied)} events applied");
            }
        }
    }
}
