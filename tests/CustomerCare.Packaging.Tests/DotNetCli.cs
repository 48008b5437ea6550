using System.Diagnostics;
using System.Text;

namespace CustomerCare.Packaging.Tests;

/// <summary>Runs the dotnet CLI as a child process with a time limit, capturing what it prints.</summary>
internal static class DotNetCli
{
    // What dotnet test sets for its own build and test host must not steer the child builds (a different SDK or MSBuild).
    private static readonly string[] InheritedPrefixesToDrop = ["MSBUILD", "VSTEST_", "TESTINGPLATFORM_"];

    public static async Task<CliResult> RunAsync(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in start.Environment.Keys.Where(k => InheritedPrefixesToDrop.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en-US";
        // No MSBuild node may outlive the test and keep files of the temporary folders open.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new CliResult(arguments, -1, Snapshot(output) + $"{Environment.NewLine}[killed after {timeout}]");
        }

        // The parameterless wait returns only once the redirected streams are drained.
        await process.WaitForExitAsync();
        return new CliResult(arguments, process.ExitCode, Snapshot(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}

/// <summary>The exit code and the interleaved output of one dotnet command.</summary>
internal sealed record CliResult(IReadOnlyList<string> Arguments, int ExitCode, string Output)
{
    /// <summary>The command, its exit code and its output, for an assertion message.</summary>
    public string Describe() => $"dotnet {string.Join(' ', Arguments)} exited with {ExitCode}:{Environment.NewLine}{Output}";
}
