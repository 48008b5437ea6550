using CustomerCare.Sample;
using SampleProgram = CustomerCare.Sample.Program;

namespace CustomerCare.Tests.Sample;

/// <summary>Runs the sample's command lines in-process against one host, capturing standard output and error.</summary>
public sealed class SampleRunner : IAsyncDisposable
{
    public SampleRunner(SampleHost? host = null) => Host = host ?? SampleHost.Create();

    public SampleHost Host { get; }

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
