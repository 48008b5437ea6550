using System.CommandLine;
using System.CommandLine.Parsing;
using CustomerCare.Sample.Commands;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Hosting;

namespace CustomerCare.Sample.Serve;

/// <summary>
/// <c>serve [--urls URL[;URL…] | --port N] [--secret S]</c>: runs the library as a web application on the system
/// clock, on the store the other commands use: the inbound webhook routes, <c>/health</c>, and the hosted jobs
/// (campaigns, SLA sweep, broken promises, segments, surveys, outbox), until Ctrl+C or SIGTERM.
/// </summary>
/// <remarks>
/// Once listening it prints the bound addresses (with the port the system picked for port 0), the routes, the shared
/// inbound secret when it was generated, and the jobs. Exit codes: 0 after a clean stop, 1 when the address is taken or
/// the host fails to start, 2 for bad options.
/// </remarks>
public static class ServeCommand
{
    /// <summary>The first line <c>serve</c> prints per bound address, followed by the address.</summary>
    public const string ListeningPrefix = "Listening on ";

    /// <summary>The line that carries a generated secret, followed by the secret.</summary>
    public const string SecretPrefix = "Inbound secret: ";

    /// <summary>Creates the command.</summary>
    /// <param name="context">The host and console.</param>
    /// <returns>The command.</returns>
    public static Command Create(SampleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var urls = new Option<string?>("--urls")
        {
            Description = $"Where to listen, such as http://127.0.0.1:0 (0 picks a free port); several separated by ';'. Default {ServeSettings.DefaultUrl}.",
        };
        var port = CommonOptions.Range("--port", "Listen on http://127.0.0.1:PORT; 0 picks a free port.", ServeSettings.DefaultPort, 0, 65535);
        var secret = new Option<string?>("--secret")
        {
            Description = $"The shared secret inbound posts are signed with (at least 16 characters). Else {InboundSecret.Variable}; else one is generated and printed.",
        };
        var command = new Command("serve", "Run the inbound webhook endpoints, /health and the hosted jobs (campaigns, SLA sweep, broken promises, segments, surveys, outbox) on the system clock until Ctrl+C.")
        {
            urls, port, secret,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(urls) is not null && result.GetResult(port) is { Implicit: false })
            {
                result.AddError("options '--urls' and '--port' both choose where to listen; give one of them");
            }

            if (result.GetValue(urls) is { } given && Split(given).Length == 0)
            {
                result.AddError($"option '--urls': value '{given}' names no address, such as {ServeSettings.DefaultUrl}");
            }
        });
        command.SetAction((parseResult, cancellationToken) =>
        {
            var listen = parseResult.GetValue(urls) is { } given ? Split(given) : [ServeSettings.Loopback(parseResult.GetValue(port))];
            return RunAsync(context, new ServeSettings(listen, parseResult.GetValue(secret)), cancellationToken);
        });
        return command;
    }

    /// <summary>Builds and starts the application, prints where it listens, and runs until <paramref name="cancellationToken"/> fires or the host is told to stop.</summary>
    /// <param name="context">The host (whose <see cref="SampleHost.Options"/> choose the store and channels) and console.</param>
    /// <param name="settings">Where to listen and the secret.</param>
    /// <param name="cancellationToken">Stops the server: Ctrl+C or SIGTERM through the command line, or a test.</param>
    /// <returns><see cref="ExitCodes.Ok"/> after a clean stop; <see cref="ExitCodes.Error"/> when the address is taken; <see cref="ExitCodes.Usage"/> for a short secret.</returns>
    public static async Task<int> RunAsync(SampleContext context, ServeSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var console = context.Console;
        WebApplication app;
        InboundSecret secret;
        try
        {
            // The commands share one host, built on a simulated clock; serve needs the real one, so it builds its own
            // container from the same options.
            (app, secret) = SampleWebApp.Build(context.Host.Options, settings, console);
        }
        catch (FormatException refused)
        {
            await console.Error.WriteLineAsync($"error: {refused.Message}");
            return ExitCodes.Usage;
        }

        await using (app)
        {
            await SampleHost.SeedAsync(app.Services, cancellationToken);
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException taken) when (taken.InnerException is AddressInUseException)
            {
                await app.StopAsync(CancellationToken.None);
                await console.Error.WriteLineAsync($"error: cannot listen: {taken.Message} Stop what holds the port, or choose another with --port or --urls.");
                return ExitCodes.Error;
            }

            await ServeBanner.WriteAsync(app, context.Host.Options, secret, console.Out);
            using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, app.Lifetime.ApplicationStopping))
            {
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C, SIGTERM, or the host stopping itself: all end in the same clean stop.
                }
            }

            await console.Out.WriteLineAsync("Stopping: the running jobs finish, leases are released.");
            await app.StopAsync(CancellationToken.None);
            await console.Out.WriteLineAsync("Stopped.");
            await console.Out.FlushAsync(CancellationToken.None);
        }

        return ExitCodes.Ok;
    }

    private static string[] Split(string urls) => urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
