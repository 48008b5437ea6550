using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CustomerCare.Complaints;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Sample;
using CustomerCare.Sample.Serve;
using CustomerCare.Storage;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CustomerCare.Tests.Sample;

/// <summary>
/// The sample's <c>serve</c> command on real Kestrel on 127.0.0.1 (a port the system picks), a real HttpClient and a
/// real SQLite file: signed posts become stored complaints whose acknowledgement the outbox job writes to the e-mail mailbox.
/// </summary>
public sealed class ServeCommandTests : IDisposable
{
    private const string CustomerEmail = "ayse.yilmaz@example.com.tr";
    private readonly string _folder = Directory.CreateTempSubdirectory("cc-serve-").FullName;

    private SampleHostOptions Options => new(Path.Combine(_folder, "care.db"), null, null, Path.Combine(_folder, "outbox"));

    [Fact]
    public async Task Serve_ASignedContactForm_Is201_StoredInTheSqliteFile_AndAcknowledgedByTheOutboxJob()
    {
        await RegisterCustomerAsync();
        var body = $$"""{"id":"web-1001","email":"{{CustomerEmail}}","message":"Siparişim hâlâ gelmedi, kargo takip numarası çalışmıyor."}""";
        string complaintId;
        await using (var serve = await ServeRun.StartAsync(Options, "--urls", "http://127.0.0.1:0"))
        {
            var secret = serve.PrintedSecret;
            Assert.False(string.IsNullOrEmpty(secret), "serve prints the secret it generated");

            var (status, answer) = await serve.PostAsync("/inbound/form", body, secret);

            Assert.Equal(201, status);
            var complaint = JsonDocument.Parse(answer).RootElement.GetProperty("complaints")[0];
            Assert.True(complaint.GetProperty("new").GetBoolean());
            Assert.Equal("web-1001", complaint.GetProperty("source_reference").GetString());
            complaintId = complaint.GetProperty("id").GetString()!;
            var mailbox = Path.Combine(_folder, "outbox", "email.mbox");
            await serve.WaitForAsync(() => File.Exists(mailbox) && File.ReadAllText(mailbox).Contains(complaintId, StringComparison.Ordinal), "acknowledgement in the mailbox");
            var message = Mailbox(mailbox).Single(m => m.Headers["X-CustomerCare-Message-Id"]?.Contains(complaintId, StringComparison.Ordinal) == true);
            Assert.Equal(CustomerEmail, message.To.Mailboxes.Single().Address);
            Assert.Contains(complaintId, message.TextBody, StringComparison.Ordinal);
            Assert.Equal(0, await serve.StopAsync());
            Assert.Contains("Stopped.", serve.Output.ToString(), StringComparison.Ordinal);
        }

        // A second provider on the same file: the complaint was written to the database, not kept in serve's memory.
        await using var reader = SampleHost.Create(options: Options);
        var stored = await reader.Services.GetRequiredService<IComplaintStore>().FindAsync(ComplaintId.From(complaintId));
        Assert.NotNull(stored);
        Assert.Equal((ComplaintChannel.ContactForm, "web-1001"), (stored.Channel, stored.SourceReference));
        Assert.Equal(CustomerId.From("c-serve-1"), stored.CustomerId);
    }

    [Fact]
    public async Task Serve_ATamperedOrUnsignedPost_Is401_AndNothingIsStored()
    {
        const string Secret = "whsec_serve_test_0123456789";
        var body = """{"id":"web-2002","email":"someone@example.com","message":"Ürün kırık geldi."}""";
        await using (var serve = await ServeRun.StartAsync(Options, "--urls", "http://127.0.0.1:0", "--secret", Secret))
        {
            var tampered = await serve.PostAsync("/inbound/form", body, Secret, tamper: b => b.Replace("kırık", "sağlam", StringComparison.Ordinal));
            var unsigned = await serve.PostAsync("/inbound/form", body, secret: null);
            var otherSecret = await serve.PostAsync("/inbound/form", body, "whsec_someone_else_987654321");

            Assert.Equal((401, "signature_mismatch"), (tampered.Status, Code(tampered.Body)));
            Assert.Equal((401, "signature_missing"), (unsigned.Status, Code(unsigned.Body)));
            Assert.Equal((401, "signature_mismatch"), (otherSecret.Status, Code(otherSecret.Body)));
            Assert.DoesNotContain(Secret, serve.Output.ToString(), StringComparison.Ordinal);
            Assert.Null(serve.PrintedSecret);
            Assert.Equal(0, await serve.StopAsync());
        }

        await using var reader = SampleHost.Create(options: Options);
        Assert.Null(await reader.Services.GetRequiredService<IComplaintStore>().FindBySourceAsync(ComplaintChannel.ContactForm, "web-2002"));
    }

    [Fact]
    public async Task Serve_Health_IsHealthyForTheStoreTheChannelsAndTheJobs_AndTheBannerListsTheRoutes()
    {
        await using var serve = await ServeRun.StartAsync(Options, "--port", "0");

        var (status, body) = await serve.GetAsync(SampleWebApp.HealthRoute);

        Assert.Equal(200, status);
        var health = JsonDocument.Parse(body).RootElement;
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        var checks = health.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal(
            new Dictionary<string, string?> { ["customercare-store"] = "Healthy", ["customercare-channels"] = "Healthy", ["customercare-jobs"] = "Healthy" },
            checks);
        var root = serve.Address.ToString().TrimEnd('/');
        var lines = serve.Output.Lines();
        foreach (var route in new[] { "POST " + root + "/inbound/form", "POST " + root + "/inbound/social/x", "POST " + root + "/inbound/social/facebook", "POST " + root + "/inbound/complaint-site", "GET  " + root + "/health" })
        {
            Assert.Contains("  " + route, lines);
        }

        Assert.Equal(IPAddress.Loopback.ToString(), serve.Address.Host);
        Assert.NotEqual(0, serve.Address.Port);
        Assert.Contains(lines, l => l.StartsWith("  outbox ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  surveys ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_OnAPortThatIsTaken_ExitsWithAnErrorNamingTheAddress()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        var run = await ServeRun.RunToEndAsync(Options, "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"http://127.0.0.1:{port}", run.Error, StringComparison.Ordinal);
        Assert.Contains("address already in use", run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(ServeCommand.ListeningPrefix, run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--port", "0", "--urls", "http://127.0.0.1:0", "'--urls' and '--port'")]
    [InlineData("--port", "70000", "--secret", "whsec_long_enough_123", "--port")]
    [InlineData("--secret", "short", "--port", "0", "option '--secret': value (5 characters) is too short")]
    [InlineData("--urls", " ; ", "--secret", "whsec_long_enough_123", "option '--urls': value ' ; ' names no address")]
    public async Task Serve_BadOptions_AreAUsageErrorNamingTheOption(string a, string b, string c, string d, string named)
    {
        var run = await ServeRun.RunToEndAsync(SampleHostOptions.InMemory, "serve", a, b, c, d);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(named, run.Error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Serve_AsAProcess_StopsCleanlyOnSigterm_WithExitCode0()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "SIGTERM is a POSIX signal.");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "CustomerCare.Sample.dll"), "--in-memory", "--outbox", Path.Combine(_folder, "outbox"), "serve", "--port", "0" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            var banner = new List<string>();
            using var patience = new CancellationTokenSource(ServeRun.Patience);
            while (await process.StandardOutput.ReadLineAsync(patience.Token) is { } line && line != "Press Ctrl+C to stop.")
            {
                banner.Add(line);
            }

            var address = new Uri(banner.Single(l => l.StartsWith(ServeCommand.ListeningPrefix, StringComparison.Ordinal))[ServeCommand.ListeningPrefix.Length..]);
            using var http = new HttpClient { Timeout = ServeRun.Patience };
            using var health = await http.GetAsync(new Uri(address, SampleWebApp.HealthRoute));
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);

            using (var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!)
            {
                await kill.WaitForExitAsync(patience.Token);
            }

            var rest = await process.StandardOutput.ReadToEndAsync(patience.Token);
            await process.WaitForExitAsync(patience.Token);

            Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}\nstdout:\n{rest}\nstderr:\n{await stderr}");
            Assert.EndsWith("Stopped.", rest.TrimEnd(), StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Every message of an mbox mailbox, read by MimeKit.</summary>
    private static List<MimeMessage> Mailbox(string path)
    {
        using var stream = File.OpenRead(path);
        var parser = new MimeParser(stream, MimeFormat.Mbox);
        var messages = new List<MimeMessage>();
        while (!parser.IsEndOfStream)
        {
            messages.Add(parser.ParseMessage());
        }

        return messages;
    }

    private static string? Code(string problem) => JsonDocument.Parse(problem).RootElement.GetProperty("code").GetString();

    /// <summary>Ayşe, known by her e-mail, so that the contact form's complaint matches her and she is acknowledged.</summary>
    private async Task RegisterCustomerAsync()
    {
        await using var host = SampleHost.Create(options: Options);
        var ayse = new Customer(CustomerId.From("c-serve-1"), new PersonName("Ayşe", "Yılmaz"), host.Clock.GetCurrentInstant(), Currency.TRY)
        {
            Email = EmailAddress.Parse(CustomerEmail),
        };
        var result = await host.Services.GetRequiredService<CustomerEventProcessor>().ApplyAsync(new CustomerRegistered(EventId.From("serve-1"), ayse));
        Assert.Equal(EventApplyOutcome.Applied, result.Outcome);
    }
}
