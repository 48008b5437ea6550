using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using CustomerCare.Sample;
using CustomerCare.Sample.Serve;
using SampleProgram = CustomerCare.Sample.Program;

namespace CustomerCare.Tests.Sample;

/// <summary>
/// The sample's <c>serve</c> command started in-process through <see cref="SampleProgram.RunAsync"/> on a port the
/// system picks, with a real HttpClient to talk to it; disposing stops it the way Ctrl+C does.
/// </summary>
public sealed class ServeRun : IAsyncDisposable
{
    /// <summary>How long serve may take to start or a message to arrive: a bound on a hung test, not a timing assertion.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly SampleHost _host;
    private readonly CancellationTokenSource _stop;
    private readonly Task<int> _run;
    private int? _exitCode;

    private ServeRun(SampleHost host, LineWriter output, LineWriter error, CancellationTokenSource stop, Task<int> run)
    {
        _host = host;
        _stop = stop;
        Output = output;
        Error = error;
        _run = run;
    }

    public LineWriter Output { get; }

    public LineWriter Error { get; }

    public Uri Address { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = Patience };

    /// <summary>The secret the banner printed, when serve generated one.</summary>
    public string? PrintedSecret => Output.Lines().FirstOrDefault(l => l.StartsWith(ServeCommand.SecretPrefix, StringComparison.Ordinal))?[ServeCommand.SecretPrefix.Length..];

    /// <summary>Starts serve and waits for its banner.</summary>
    public static async Task<ServeRun> StartAsync(SampleHostOptions options, params string[] serveArgs)
    {
        var host = SampleHost.Create(options: options);
        var output = new LineWriter();
        var error = new LineWriter();
        var stop = new CancellationTokenSource();
        var run = Task.Run(() => SampleProgram.RunAsync(["serve", .. serveArgs], host, new SampleConsole(output, error, isInteractive: false), stop.Token));
        var serve = new ServeRun(host, output, error, stop, run);
        try
        {
            await serve.WaitForAsync(() => output.Lines().Contains("Press Ctrl+C to stop."), "the banner");
            serve.Address = new Uri(output.Lines().First(l => l.StartsWith(ServeCommand.ListeningPrefix, StringComparison.Ordinal))[ServeCommand.ListeningPrefix.Length..]);
            return serve;
        }
        catch
        {
            await serve.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs a command line to its end: for the runs that fail before they listen.</summary>
    public static async Task<CommandOutput> RunToEndAsync(SampleHostOptions options, params string[] args)
    {
        await using var host = SampleHost.Create(options: options);
        var output = new LineWriter();
        var error = new LineWriter();
        var exitCode = await SampleProgram.RunAsync(args, host, new SampleConsole(output, error, isInteractive: false)).WaitAsync(Patience);
        return new CommandOutput(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails when serve ends first or <see cref="Patience"/> runs out.</summary>
    public async Task WaitForAsync(Func<bool> condition, string what)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (!condition())
        {
            if (_run.IsCompleted)
            {
                Assert.Fail($"serve ended (exit code {await _run}) before {what}.\nstdout:\n{Output}\nstderr:\n{Error}");
            }

            if (deadline.IsCancellationRequested)
            {
                Assert.Fail($"no {what} within {Patience.TotalSeconds} s.\nstdout:\n{Output}\nstderr:\n{Error}");
            }

            await Task.Delay(100, CancellationToken.None);
        }
    }

    /// <summary>
    /// Posts a body to a route, signed (unless <paramref name="secret"/> is null) with the documented scheme computed here,
    /// independently of the library's signer; <paramref name="tamper"/> changes the body after it was signed.
    /// </summary>
    public async Task<(int Status, string Body)> PostAsync(string route, string body, string? secret, Func<string, string>? tamper = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Address, route))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(tamper?.Invoke(body) ?? body)),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (secret is not null)
        {
            var timestamp = await ServerTimeAsync();
            request.Headers.Add("X-CustomerCare-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-CustomerCare-Signature", "v1=" + Hmac(secret, timestamp, Encoding.UTF8.GetBytes(body)));
        }

        using var response = await Http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Gets a route.</summary>
    public async Task<(int Status, string Body)> GetAsync(string route)
    {
        using var response = await Http.GetAsync(new Uri(Address, route));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Stops serve as Ctrl+C does and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (_exitCode is { } done)
        {
            return done;
        }

        await _stop.CancelAsync();
        _exitCode = await _run.WaitAsync(Patience);
        return _exitCode.Value;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Http.Dispose();
        _stop.Dispose();
        await _host.DisposeAsync();
    }

    /// <summary>The server's time from its Date header: serve runs on the system clock, and the test reads no clock of its own.</summary>
    private async Task<long> ServerTimeAsync()
    {
        using var response = await Http.GetAsync(new Uri(Address, SampleWebApp.HealthRoute));
        return response.Headers.Date!.Value.ToUnixTimeSeconds();
    }

    /// <summary>The documented scheme by hand: lowercase hex HMAC-SHA256 of the ASCII timestamp, a dot and the body, keyed by the secret's UTF-8.</summary>
    private static string Hmac(string secret, long timestamp, byte[] body)
    {
        byte[] message = [.. Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "."), .. body];
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }
}
