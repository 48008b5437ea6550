using CustomerCare.Channels;
using CustomerCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using NodaTime;

namespace CustomerCare.Hosting.Tests;

public sealed class HealthCheckTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("customercare-hosting-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Health_SqliteStoreAndAChannel_AreHealthy()
    {
        using var host = TestHost.Build(TestClocks.At(2026, 6, 1, 9, 0, "Europe/Istanbul"), care => care.UseSqlite(Path.Combine(_directory, "care.db")));

        var report = await CheckAsync(host);

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal("SqliteOutboxStore", report.Entries[HealthChecksBuilderExtensions.StoreCheck].Data["store"]);
        Assert.Equal(0L, report.Entries[HealthChecksBuilderExtensions.StoreCheck].Data["pending_messages"]);
        Assert.Equal("email", report.Entries[HealthChecksBuilderExtensions.ChannelsCheck].Data["channels"]);
    }

    [Fact]
    public async Task Health_SqliteFileThatIsNotADatabase_IsUnhealthy_NamingTheStore()
    {
        // Running as root, file permissions would not stop the read: a file of garbage is what an unreadable database looks like.
        var path = Path.Combine(_directory, "care.db");
        await File.WriteAllBytesAsync(path, [.. Enumerable.Repeat((byte)0x5A, 8192)]);
        using var host = TestHost.Build(TestClocks.At(2026, 6, 1, 9, 0, "Europe/Istanbul"), care => care.UseSqlite(path));

        var store = (await CheckAsync(host)).Entries[HealthChecksBuilderExtensions.StoreCheck];

        Assert.Equal(HealthStatus.Unhealthy, store.Status);
        Assert.StartsWith("SqliteOutboxStore failed: ", store.Description, StringComparison.Ordinal);
        Assert.NotNull(store.Exception);
    }

    [Fact]
    public async Task Health_NoOutboundChannel_IsDegraded()
    {
        using var host = TestHost.Build(TestClocks.At(2026, 6, 1, 9, 0, "Europe/Istanbul"), emailChannel: false);

        var channels = (await CheckAsync(host)).Entries[HealthChecksBuilderExtensions.ChannelsCheck];

        Assert.Equal(HealthStatus.Degraded, channels.Status);
    }

    [Fact]
    public async Task Health_TwoChannelsWithOneName_IsUnhealthy_NamingIt()
    {
        using var host = TestHost.Build(TestClocks.At(2026, 6, 1, 9, 0, "Europe/Istanbul"), jobs: o => o.OnlyBuiltIn(), services: s =>
        {
            s.AddSingleton<IOutboundChannel>(new InMemoryOutboundChannel("sms"));
            s.AddSingleton<IOutboundChannel>(new InMemoryOutboundChannel("sms"));
        });

        var channels = (await CheckAsync(host)).Entries[HealthChecksBuilderExtensions.ChannelsCheck];

        Assert.Equal(HealthStatus.Unhealthy, channels.Status);
        Assert.Contains("'sms'", channels.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_AJobWhoseLastRunFailed_IsDegraded_UntilItSucceeds()
    {
        var clock = TestClocks.At(2026, 6, 1, 9, 0, "Europe/Istanbul");
        using var host = TestHost.Build(clock, care => care.AddHostedJob<FlakyJob>(JobSchedule.Every(Duration.FromMinutes(1))), o => o.OnlyBuiltIn());
        host.Services.GetRequiredService<FlakyJob>().FailuresLeft = 1;
        await host.StartAsync();
        clock.Advance(Duration.FromMinutes(1));
        await host.Scheduler().RunDueAsync();

        var failing = (await CheckAsync(host)).Entries[HealthChecksBuilderExtensions.JobsCheck];
        clock.Advance(Duration.FromMinutes(1));
        await host.Scheduler().RunDueAsync();
        var recovered = (await CheckAsync(host)).Entries[HealthChecksBuilderExtensions.JobsCheck];

        Assert.Equal(HealthStatus.Degraded, failing.Status);
        Assert.Contains("flaky (InvalidOperationException: the report server refused the upload)", failing.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, recovered.Status);
        await host.StopAsync();
    }

    private static Task<HealthReport> CheckAsync(IHost host) => host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
}
