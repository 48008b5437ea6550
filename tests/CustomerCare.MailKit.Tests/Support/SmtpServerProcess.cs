using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CustomerCare.MailKit.Tests.Support;

/// <summary>
/// An aiosmtpd server in a process of its own, on a loopback port, writing what it receives to a Maildir. Tests that
/// stop or refuse start their own, so the shared server of <c>test.sh</c> is never disturbed.
/// </summary>
internal sealed class SmtpServerProcess : IDisposable
{
    private const string MailboxHandler = "aiosmtpd.handlers.Mailbox";
    private const string RefusingHandler = "customercare_test_handlers.RefusingMailbox";

    private readonly string _python;
    private readonly string _handler;
    private Process? _process;

    private SmtpServerProcess(string python, int port, string maildir, string handler)
    {
        _python = python;
        Port = port;
        Maildir = maildir;
        _handler = handler;
    }

    public int Port { get; }

    public string Maildir { get; }

    /// <summary>The interpreter that has aiosmtpd, as <c>test.sh</c> exports it; null when the tests run without it.</summary>
    public static string? Python => Environment.GetEnvironmentVariable("CUSTOMERCARE_TEST_AIOSMTPD_PYTHON") is { Length: > 0 } python ? python : null;

    /// <summary>Starts a server that accepts every recipient.</summary>
    public static SmtpServerProcess StartMailbox(string maildir) => Start(MailboxHandler, maildir);

    /// <summary>Starts a server that refuses <c>@reject.test</c> with 550 and <c>@later.test</c> with 451.</summary>
    public static SmtpServerProcess StartRefusing(string maildir) => Start(RefusingHandler, maildir);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the server again on the same port and Maildir.</summary>
    public void Restart()
    {
        Kill();
        Launch();
    }

    /// <summary>Kills the process (SIGKILL: no goodbye to connected clients) and waits until it is gone.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    public void Dispose() => Kill();

    private static SmtpServerProcess Start(string handler, string maildir)
    {
        var python = Python ?? throw new InvalidOperationException("CUSTOMERCARE_TEST_AIOSMTPD_PYTHON is not set.");
        var server = new SmtpServerProcess(python, FreePort(), maildir, handler);
        server.Launch();
        return server;
    }

    private void Launch()
    {
        var start = new ProcessStartInfo(_python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-u", "-l", "127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture), "-c", _handler, Maildir },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PYTHONPATH"] = Path.Combine(AppContext.BaseDirectory, "SmtpServers");
        var process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start.");
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { errors.Enqueue(e.Data); } };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        _process = process;
        WaitUntilListening(process, errors);
    }

    private void WaitUntilListening(Process process, System.Collections.Concurrent.ConcurrentQueue<string> errors)
    {
        // A generous bound on start-up, not a timing assertion: the loop ends as soon as the port answers.
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"aiosmtpd exited with {process.ExitCode}: {string.Join('\n', errors)}");
            }

            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new InvalidOperationException($"aiosmtpd did not listen on 127.0.0.1:{Port}: {string.Join('\n', errors)}");
    }
}
