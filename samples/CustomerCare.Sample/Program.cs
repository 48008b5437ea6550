using System.CommandLine;
using System.Text;
using CustomerCare.Sample.Commands;
using CustomerCare.Sample.Serve;

namespace CustomerCare.Sample;

/// <summary>The sample's entry point and its list of commands.</summary>
public static class Program
{
    /// <summary>
    /// Runs the sample: <c>dotnet run --project samples/CustomerCare.Sample -- [--db file | --postgres "conn" | --in-memory]
    /// [--smtp host:port] [--outbox folder] [command] [options]</c>. The store defaults to the SQLite file
    /// <c>customercare.db</c>, and messages to files in <c>customercare-outbox/</c>.
    /// </summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code: 0 ok, 1 error, 2 bad usage.</returns>
    public static async Task<int> Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        var console = SampleConsole.FromSystemConsole();
        SampleHostOptions options;
        IReadOnlyList<string> rest;
        try
        {
            options = SampleHostOptions.Parse(args, out rest);
        }
        catch (FormatException e)
        {
            await console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Usage;
        }

        await using var host = SampleHost.Create(options: options);
        return await RunAsync(rest, host, console);
    }

    /// <summary>Runs a command line against a host; the tests call this in-process.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="host">The host whose services the commands use.</param>
    /// <param name="console">Where output and errors go.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The exit code.</returns>
    public static Task<int> RunAsync(IReadOnlyList<string> args, SampleHost host, SampleConsole console, CancellationToken cancellationToken = default)
    {
        var context = new SampleContext(host, console);
        return SampleCommandLine.InvokeAsync(SampleCommandLine.CreateRoot(context, Commands(context)), args, console, cancellationToken);
    }

    /// <summary>Every command of the sample, in the order <c>--help</c> lists them. A new feature adds its command here.</summary>
    /// <param name="context">The host and console.</param>
    /// <returns>The commands.</returns>
    public static IReadOnlyList<Command> Commands(SampleContext context) =>
    [
        SimulateCommand.Create(context),
        ReportCommand.Create(context),
        ImportCommand.Create(context),
        SegmentsCommand.Create(context),
        RfmCommand.Create(context),
        CouponsCommand.Create(context),
        TemplatesCommand.Create(context),
        CampaignsCommand.Create(context),
        CustomerCommand.Create(context),
        BreachCommand.Create(context),
        ServeCommand.Create(context),
    ];
}
