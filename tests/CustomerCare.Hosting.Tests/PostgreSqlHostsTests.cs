using System.Security.Cryptography;
using CustomerCare.Channels;
using CustomerCare.Hosting;
using CustomerCare.Notifications;
using CustomerCare.Storage;
using CustomerCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Hosting.Tests;

/// <summary>Two generic hosts in this process on one PostgreSQL schema, as two app instances would share a database.</summary>
public sealed class PostgreSqlHostsTests : IAsyncLifetime
{
    private const string Variable = "CUSTOMERCARE_TEST_POSTGRES";
    private static readonly DateTimeZone Istanbul = DateTimeZoneProviders.Tzdb["Europe/Istanbul"];
    private readonly string _schema = "cc_hosting_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
    private readonly List<IHost> _hosts = [];

    private static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        if (ConnectionString is { } connectionString)
        {
            await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [SkippableFact]
    public async Task TwoHosts_RunEachExclusiveJobOnce_AndSendEveryOutboxMessageOnce()
    {
        Skip.If(ConnectionString is null, $"{Variable} is not set: no PostgreSQL server to share between the two hosts.");
        var clock = TestClocks.At(2026, 6, 1, 8, 55, "Europe/Istanbul");
        var a = await StartAsync(clock, "host-a");
        var b = await StartAsync(clock, "host-b");
        await Messages.EnqueueAsync(a.Services.GetRequiredService<IOutboxStore>(), clock.GetCurrentInstant(), 400);

        var runs = new List<JobRun>();
        for (var minute = 0; minute < 10; minute++)
        {
            clock.Advance(Duration.FromMinutes(1));
            var both = await Task.WhenAll(
                Task.Run(async () => await a.Scheduler().RunDueAsync()),
                Task.Run(async () => await b.Scheduler().RunDueAsync()));
            runs.AddRange(both.SelectMany(r => r));
        }

        // 09:00 and 09:05 for the sweep, 09:00 for the segments: each ran on exactly one host.
        var exclusive = runs.Where(r => r.Job != HostedJobNames.Outbox && r.Outcome == JobOutcome.Succeeded).ToArray();
        Assert.Equal(
            [(HostedJobNames.SlaEscalation, At(9, 0)), (HostedJobNames.SlaEscalation, At(9, 5)), (HostedJobNames.Segments, At(9, 0))],
            exclusive.Select(r => (r.Job, r.ScheduledFor)).OrderBy(r => r.Job == HostedJobNames.Segments).ThenBy(r => r.ScheduledFor));
        Assert.All(runs.Where(r => r.Job != HostedJobNames.Outbox), r => Assert.Contains(r.Outcome, new[] { JobOutcome.Succeeded, JobOutcome.LeaseHeld }));
        Assert.Equal(exclusive.Length, runs.Count(r => r.Outcome == JobOutcome.LeaseHeld));
        var delivered = a.Email().Delivered.Concat(b.Email().Delivered).Select(m => m.MessageId).ToArray();
        Assert.Equal(400, delivered.Length);
        Assert.Equal(400, delivered.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(400, await a.Services.GetRequiredService<IOutboxStore>().CountAsync(OutboxStatus.Sent));
    }

    [SkippableFact]
    public async Task Stop_WithACancelledToken_LeavesClaimedMessagesToBeReclaimedAfterTheirLease()
    {
        Skip.If(ConnectionString is null, $"{Variable} is not set: no PostgreSQL server to share between the two hosts.");
        var clock = TestClocks.At(2026, 6, 1, 9, 0, "Europe/Istanbul");
        HeldChannel? held = null;
        var a = await StartAsync(clock, "host-a", exclusiveOutbox: true, outboxOnly: true, channel: s =>
        {
            var email = new InMemoryOutboundChannel(OutboundChannelNames.Email);
            held = new HeldChannel(email);
            s.AddSingleton(email);
            s.AddSingleton<IOutboundChannel>(held);
        });
        var b = await StartAsync(clock, "host-b", exclusiveOutbox: true, outboxOnly: true);
        var outbox = a.Services.GetRequiredService<IOutboxStore>();
        var leases = a.Services.GetRequiredService<IJobLeaseStore>();
        await Messages.EnqueueAsync(outbox, clock.GetCurrentInstant(), 5);

        clock.Advance(Duration.FromMinutes(1));
        var running = a.Scheduler().RunDueAsync().AsTask();
        await held!.Holding;
        await a.StopAsync(new CancellationToken(canceled: true));
        var stopped = Assert.Single(await running);
        var leaseAfterStop = await leases.FindAsync(HostedJobNames.Outbox);
        var claimedAfterStop = await outbox.CountAsync(OutboxStatus.InFlight);
        var beforeOutboxLease = Assert.Single(await b.Scheduler().RunDueAsync());
        clock.Advance(new OutboxOptions().Lease);
        var afterOutboxLease = Assert.Single(await b.Scheduler().RunDueAsync());

        Assert.Equal(JobOutcome.Cancelled, stopped.Outcome);
        Assert.Null(leaseAfterStop);
        Assert.Equal(5, claimedAfterStop);
        Assert.Equal((JobOutcome.Succeeded, "0 sent, 0 retrying, 0 failed, 0 dead-lettered, 0 lost"), (beforeOutboxLease.Outcome, beforeOutboxLease.Detail));
        Assert.Equal((JobOutcome.Succeeded, "5 sent, 0 retrying, 0 failed, 0 dead-lettered, 0 lost"), (afterOutboxLease.Outcome, afterOutboxLease.Detail));
        Assert.Empty(a.Email().Delivered);
        Assert.Equal(5, b.Email().Delivered.Count);
    }

    [SkippableFact]
    public async Task Health_Store_IsHealthyOnTheServer_AndUnhealthyOnAWrongPort()
    {
        Skip.If(ConnectionString is null, $"{Variable} is not set: no PostgreSQL server to check.");
        var clock = TestClocks.At(2026, 6, 1, 9, 0, "Europe/Istanbul");
        var good = await StartAsync(clock, "host-a");
        var wrongPort = new NpgsqlConnectionStringBuilder(ConnectionString) { Port = FreePort(), Timeout = 3 }.ConnectionString;
        using var bad = TestHost.Build(clock, care => care.UsePostgreSql(o =>
        {
            o.ConnectionString = wrongPort;
            o.Schema = _schema;
            o.MaxAttempts = 1;
        }));

        var healthy = await good.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Name == HealthChecksBuilderExtensions.StoreCheck);
        var unhealthy = await bad.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Name == HealthChecksBuilderExtensions.StoreCheck);

        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal("PostgreSqlOutboxStore", healthy.Entries[HealthChecksBuilderExtensions.StoreCheck].Data["store"]);
        Assert.Equal(HealthStatus.Unhealthy, unhealthy.Status);
        Assert.NotNull(unhealthy.Entries[HealthChecksBuilderExtensions.StoreCheck].Exception);
    }

    private static Instant At(int hour, int minute) => Istanbul.AtStrictly(new LocalDateTime(2026, 6, 1, hour, minute)).ToInstant();

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<IHost> StartAsync(FakeClock clock, string holder, bool exclusiveOutbox = false, bool outboxOnly = false, Action<IServiceCollection>? channel = null)
    {
        var host = TestHost.Build(
            clock,
            care => care.UsePostgreSql(o =>
            {
                o.ConnectionString = ConnectionString!;
                o.Schema = _schema;
            }),
            o =>
            {
                o.OnlyBuiltIn(outboxOnly ? [HostedJobNames.Outbox] : [HostedJobNames.SlaEscalation, HostedJobNames.Segments, HostedJobNames.Outbox]);
                o.HolderId = holder;
                o.Segments.Schedule = JobSchedule.DailyAt(new LocalTime(9, 0));
                o.Outbox.Exclusive = exclusiveOutbox;
            },
            services: s =>
            {
                // Small batches, so the two dispatchers interleave their claims.
                s.AddSingleton(new OutboxOptions { BatchSize = 10, DispatcherId = holder + "-dispatcher" });
                channel?.Invoke(s);
            });
        _hosts.Add(host);
        await host.StartAsync();

        // The first host migrates the schema; the second finds it current.
        await host.Services.GetRequiredService<IOutboxStore>().CountAsync(OutboxStatus.Pending);
        return host;
    }
}
