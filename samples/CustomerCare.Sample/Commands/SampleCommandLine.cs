using System.CommandLine;
using CustomerCare.Sample.Simulation;

namespace CustomerCare.Sample.Commands;

/// <summary>
/// Builds the root command from the sample's commands and runs a command line, mapping the outcome to
/// <see cref="ExitCodes"/>: 0 ok, 1 error, 2 bad usage. Errors go to standard error.
/// </summary>
public static class SampleCommandLine
{
    /// <summary>Creates the root command; without a subcommand it runs <see cref="DefaultRun"/>.</summary>
    /// <param name="context">The host and console.</param>
    /// <param name="commands">The subcommands.</param>
    /// <returns>The root command.</returns>
    public static RootCommand CreateRoot(SampleContext context, IEnumerable<Command> commands)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(commands);
        var defaults = SimulationSettings.Default;
        var root = new RootCommand(
            "CustomerCare sample: a simulated Turkish online store run through the library. " +
            $"Without a command it simulates {defaults.Customers} customers over {defaults.Days} days (seed {defaults.Seed}) and prints the report, the segments and the RFM summary.");
        foreach (var command in commands)
        {
            root.Subcommands.Add(command);
        }

        // Read by Program.Main before the host is built; declared here so that --help lists them.
        root.Options.Add(new Option<string>("--db") { Description = $"The SQLite file to keep the store in (default {SampleHostOptions.DefaultDatabase}); a second run continues the simulation.", Recursive = true });
        root.Options.Add(new Option<string>("--postgres") { Description = "A PostgreSQL connection string: keep the store there instead.", Recursive = true });
        root.Options.Add(new Option<bool>("--in-memory") { Description = "Keep the store in memory, for a throwaway run.", Recursive = true });
        root.Options.Add(new Option<string>("--smtp") { Description = "Send e-mail to this SMTP server (host:port, plain SMTP) instead of writing it to the mailbox email.mbox.", Recursive = true });
        root.Options.Add(new Option<string>("--outbox") { Description = $"The folder the file channels write e-mail (the mailbox email.mbox) and SMS logs into (default {SampleHostOptions.DefaultOutbox}).", Recursive = true });

        root.SetAction((_, cancellationToken) => DefaultRun.RunAsync(context, cancellationToken));
        return root;
    }

    /// <summary>Parses and runs a command line.</summary>
    /// <param name="root">The root command.</param>
    /// <param name="args">The arguments.</param>
    /// <param name="console">Where help, output and errors go.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> InvokeAsync(RootCommand root, IReadOnlyList<string> args, SampleConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await console.Error.WriteLineAsync($"error: {error.Message}");
            }

            await console.Error.WriteLineAsync("Run with --help to see the commands and their options.");
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
            // Ctrl+C and SIGTERM cancel the command's token; serve then stops its host, whose own shutdown budget is
            // 10 seconds, so the 2-second default would cut a clean stop short.
            ProcessTerminationTimeout = TimeSpan.FromSeconds(15),
        };
        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await console.Error.WriteLineAsync("error: cancelled");
            return ExitCodes.Error;
        }
        catch (Exception exception)
        {
            // The outermost frame of a command-line tool: any failure becomes one line on standard error and exit code 1.
            await console.Error.WriteLineAsync($"error: {exception.Message}");
            return ExitCodes.Error;
        }
    }
}
