using System.Globalization;
using CustomerCare.Customers;
using CustomerCare.Sample.Reporting;
using CustomerCare.Sample.Simulation;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Sample.Commands;

/// <summary>
/// Gives commands that read the store something to read: a command run on an empty store (a new SQLite file, or
/// <c>--in-memory</c>) simulates a store first.
/// </summary>
public static class EmptyStore
{
    /// <summary>Runs a simulation when the store holds no customer; otherwise leaves the store as it is.</summary>
    /// <param name="context">The host and console.</param>
    /// <param name="settings">The simulation to run on an empty store.</param>
    /// <param name="settingsGiven">Whether the user typed the settings; on a store with data they are then noted as unused.</param>
    /// <param name="json">Whether standard output carries a JSON document, so no line may be printed there.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>What was simulated, if anything, and the exit code so far (<see cref="ExitCodes.Error"/> when the library rejected an event).</returns>
    public static async Task<EmptyStoreOutcome> SimulateIfEmptyAsync(SampleContext context, SimulationSettings settings, bool settingsGiven, bool json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var console = context.Console;
        var customers = await context.Services.GetRequiredService<ICustomerStore>().CountAsync(new Specification<Customer>(), cancellationToken);
        if (customers > 0)
        {
            if (settingsGiven)
            {
                await console.Error.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"note: the store already holds {customers} customers, so --customers, --days and --seed are not used."));
            }

            return new EmptyStoreOutcome(null, ExitCodes.Ok);
        }

        var result = await context.Services.GetRequiredService<StoreSimulator>().RunAsync(settings, progress: null, resume: null, cancellationToken);
        if (context.Host.Options.CheckpointPath is { } checkpoint)
        {
            // A later `simulate` on the same store continues this shop.
            new SimulationCheckpoint(settings.Seed, settings.Customers, settings.Days, settings.Days).Save(checkpoint);
        }

        if (!json)
        {
            await console.Out.WriteLineAsync(
                $"The store ({context.Host.Options.StoreName}) was empty, so a store was simulated first: {HumanFormat.Count(settings.Customers)} customers over {HumanFormat.Count(settings.Days)} days, seed {settings.Seed.ToString(CultureInfo.InvariantCulture)}.");
            await console.Out.WriteLineAsync();
        }

        return new EmptyStoreOutcome(settings, await SimulateCommand.CheckCleanAsync(console, result));
    }
}

/// <summary>What <see cref="EmptyStore.SimulateIfEmptyAsync"/> did.</summary>
/// <param name="Simulated">The simulation run first, or <see langword="null"/> when the store had data.</param>
/// <param name="ExitCode"><see cref="ExitCodes.Ok"/>, or <see cref="ExitCodes.Error"/> when the simulation was not clean.</param>
public sealed record EmptyStoreOutcome(SimulationSettings? Simulated, int ExitCode);
