using System.Text.Json;
using CustomerCare.Sample;
using MimeKit;

namespace CustomerCare.Tests.Sample;

/// <summary>The sample on a real SQLite file and a real SMTP server: what a user of its two README commands gets.</summary>
public sealed class SampleStorageTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("customercare-sample-").FullName;

    [Fact]
    public async Task Simulate_TwiceOnOneSqliteFile_ContinuesTheShop_AndRefusesAnotherSeed()
    {
        var options = new SampleHostOptions(Path.Combine(_folder, "care.db"), null, null, Path.Combine(_folder, "outbox"));

        var first = await RunAsync(options, "simulate", "--customers", "40", "--days", "20", "--seed", "3");
        var second = await RunAsync(options, "simulate", "--customers", "40", "--days", "10", "--seed", "3");
        var other = await RunAsync(options, "simulate", "--customers", "40", "--days", "10", "--seed", "4");

        Assert.Equal((0, 0, 2), (first.ExitCode, second.ExitCode, other.ExitCode));
        Assert.Matches(@"\n  Days +10 after 20\n", second.Out);
        Assert.Matches(@"\n  Rejected events +0\n", second.Out);
        Assert.Contains("the store holds a simulation with seed 3 and 40 customers (30 days so far)", other.Error, StringComparison.Ordinal);
        using var checkpoint = JsonDocument.Parse(await File.ReadAllTextAsync(options.CheckpointPath!));
        Assert.Equal(30, checkpoint.RootElement.GetProperty("days_done").GetInt32());
        Assert.StartsWith("From MAILER-DAEMON ", await File.ReadAllTextAsync(Path.Combine(_folder, "outbox", "email.mbox")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_OnAKeptStore_ReadsWhatTheSimulationLeft()
    {
        var options = new SampleHostOptions(Path.Combine(_folder, "care.db"), null, null, Path.Combine(_folder, "outbox"));
        var simulated = await RunAsync(options, "simulate", "--customers", "30", "--days", "15", "--seed", "9", "--json");

        var report = await RunAsync(options, "report", "--json");

        Assert.Equal((0, 0), (simulated.ExitCode, report.ExitCode));
        using var json = JsonDocument.Parse(report.Out);
        Assert.Equal(30, json.RootElement.GetProperty("customers").GetProperty("total").GetInt32());
    }

    [SkippableFact]
    public async Task Simulate_OnPostgreSql_KeepsTheShopInTheDatabase()
    {
        var connectionString = Environment.GetEnvironmentVariable("CUSTOMERCARE_TEST_POSTGRES");
        Skip.If(connectionString is null, "No PostgreSQL server: run the tests through test.sh, which starts one.");
        var options = new SampleHostOptions(null, connectionString, null, Path.Combine(_folder, "outbox"));
        try
        {
            var run = await RunAsync(options, "simulate", "--customers", "25", "--days", "10", "--seed", "5");
            var report = await RunAsync(options, "report", "--json");

            Assert.Equal((0, 0), (run.ExitCode, report.ExitCode));
            Assert.Matches(@"\n  Store +PostgreSQL\n", run.Out);
            using var json = JsonDocument.Parse(report.Out);
            Assert.Equal(25, json.RootElement.GetProperty("customers").GetProperty("total").GetInt32());
        }
        finally
        {
            // The sample keeps its tables in the plugin's default schema; this test is the only one that uses it.
            await using var connection = new Npgsql.NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand("DROP SCHEMA IF EXISTS customercare CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
            File.Delete(options.CheckpointPath!);
        }
    }

    [SkippableFact]
    public async Task Simulate_WithSmtp_DeliversTheEmailsToTheServer()
    {
        var server = Environment.GetEnvironmentVariable("CUSTOMERCARE_TEST_SMTP");
        var maildir = Environment.GetEnvironmentVariable("CUSTOMERCARE_TEST_MAILDIR");
        Skip.If(server is null || maildir is null, "No SMTP server: run the tests through test.sh, which starts one.");
        var before = Directory.Exists(Path.Combine(maildir, "new")) ? Directory.GetFiles(Path.Combine(maildir, "new")).ToHashSet() : [];
        var options = new SampleHostOptions(null, null, server, Path.Combine(_folder, "outbox"));

        var run = await RunAsync(options, "simulate", "--customers", "20", "--days", "10", "--seed", "11");

        Assert.Equal(0, run.ExitCode);
        var delivered = Directory.GetFiles(Path.Combine(maildir, "new")).Where(f => !before.Contains(f))
            .Select(f => MimeMessage.Load(f)).Where(m => m.From.Mailboxes.Any(a => a.Address == "destek@ornekmagaza.com.tr")).ToList();
        Assert.NotEmpty(delivered);
        Assert.All(delivered, m => Assert.False(string.IsNullOrEmpty(m.MessageId)));
        Assert.Contains(delivered, m => m.TextBody?.Contains("Örnek Mağaza", StringComparison.Ordinal) == true);
        Assert.False(Directory.Exists(Path.Combine(_folder, "outbox", "email")), "with --smtp no e-mail is written to files");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<CommandOutput> RunAsync(SampleHostOptions options, params string[] args)
    {
        await using var runner = new SampleRunner(SampleHost.Create(options: options));
        return await runner.RunAsync(args);
    }
}
