using System.Diagnostics;

namespace CustomerCare.Sqlite.Tests.Faults;

/// <summary>A helper process the test starts and ends itself: Debian's Python with its sqlite3 module, or this assembly run by dotnet.</summary>
internal sealed class ChildProcess : IDisposable
{
    // A guard against a hung helper, never a measurement: the tests wait for lines, not for time.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly Process _process;

    private ChildProcess(string fileName, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
    }

    /// <summary>Python holding an exclusive lock on a database until told to let go (a line on its input).</summary>
    public static ChildProcess LockHolder(string path) => new("/usr/bin/python3", ["-c", """
        import sqlite3, sys
        connection = sqlite3.connect(sys.argv[1], isolation_level=None)
        connection.execute("BEGIN EXCLUSIVE")
        print("LOCKED", flush=True)
        sys.stdin.readline()
        connection.execute("COMMIT")
        print("RELEASED", flush=True)
        """, path]);

    /// <summary>This test assembly's own entry point, run by the dotnet host.</summary>
    public static ChildProcess ThisAssembly(params string[] arguments)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } fromSdk && File.Exists(fromSdk) ? fromSdk
            : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
            : "dotnet";
        return new(host, ["exec", typeof(Program).Assembly.Location, .. arguments]);
    }

    /// <summary>Reads output lines until one equals <paramref name="expected"/>; fails with what the helper said otherwise.</summary>
    public async Task WaitForLineAsync(string expected)
    {
        using var patience = new CancellationTokenSource(Patience);
        var seen = new List<string>();
        while (await _process.StandardOutput.ReadLineAsync(patience.Token) is { } line)
        {
            if (line == expected)
            {
                return;
            }

            seen.Add(line);
        }

        var errors = await _process.StandardError.ReadToEndAsync(patience.Token);
        Assert.Fail($"The helper ended without printing '{expected}'. Output: {string.Join(" | ", seen)}. Errors: {errors}");
    }

    public async Task SendLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        using var patience = new CancellationTokenSource(Patience);
        await _process.WaitForExitAsync(patience.Token);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
