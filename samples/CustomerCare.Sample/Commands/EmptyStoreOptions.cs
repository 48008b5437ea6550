using System.CommandLine;
using CustomerCare.Sample.Simulation;

namespace CustomerCare.Sample.Commands;

/// <summary>
/// <c>--customers</c>, <c>--days</c> and <c>--seed</c> for commands that read the store (<c>segments</c>,
/// <c>rfm</c>): the simulation they run first when the store is empty. They have no effect on a store with data.
/// </summary>
public sealed class EmptyStoreOptions
{
    /// <summary>Creates the options with the default simulation's values as defaults.</summary>
    public EmptyStoreOptions()
    {
        var defaults = SimulationSettings.Default;
        Customers = CommonOptions.Range("--customers", "When the store is empty: how many customers to simulate first.", defaults.Customers, 1, SimulationSettings.MaxCustomers);
        Days = CommonOptions.Range("--days", "When the store is empty: how many days to simulate first.", defaults.Days, 1, SimulationSettings.MaxDays);
        Seed = CommonOptions.Range("--seed", "When the store is empty: the seed of the simulation run first.", defaults.Seed, 0, int.MaxValue);
    }

    /// <summary>The <c>--customers</c> option.</summary>
    public Option<int> Customers { get; }

    /// <summary>The <c>--days</c> option.</summary>
    public Option<int> Days { get; }

    /// <summary>The <c>--seed</c> option.</summary>
    public Option<int> Seed { get; }

    /// <summary>Adds the three options to a command.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Customers);
        command.Options.Add(Days);
        command.Options.Add(Seed);
    }

    /// <summary>The simulation asked for on a command line.</summary>
    /// <param name="parseResult">The parsed command line.</param>
    /// <returns>The settings, with defaults for options not given.</returns>
    public SimulationSettings Settings(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return new SimulationSettings(parseResult.GetValue(Customers), parseResult.GetValue(Days), parseResult.GetValue(Seed));
    }

    /// <summary>Whether any of the three was typed on the command line (rather than defaulted).</summary>
    /// <param name="parseResult">The parsed command line.</param>
    /// <returns><see langword="true"/> when at least one was given.</returns>
    public bool AnyGiven(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return new Option[] { Customers, Days, Seed }.Any(o => parseResult.GetResult(o) is { Implicit: false });
    }
}
