using System.Text.Json;
using CustomerCare.Sample;
using SampleProgram = CustomerCare.Sample.Program;

namespace CustomerCare.Tests.Sample;

/// <summary>What one command line wrote and returned.</summary>
public sealed record CommandOutput(int ExitCode, string Out, string Error)
{
    public JsonElement Json()
    {
        // The whole of standard output must be one JSON document: nothing before it, nothing after it.
        using var document = JsonDocument.Parse(Out);
        return document.RootElement.Clone();
    }
}

/// <summary>Runs the sample's command lines in-process against one host, capturing standard output and error.</summary>
public sealed class SampleRunner : IAsyncDisposable
{
    public SampleHost Host { get; } = SampleHost.Create();

    public static async Task<CommandOutput> RunOnceAsync(params string[] args)
    {
        await using var runner = new SampleRunner();
        return await runner.RunAsync(args);
    }

    public async Task<CommandOutput> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await SampleProgram.RunAsync(args, Host, new SampleConsole(output, error, isInteractive: false));
        return new CommandOutput(exitCode, output.ToString(), error.ToString());
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
