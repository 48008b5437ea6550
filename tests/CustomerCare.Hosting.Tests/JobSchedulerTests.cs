using CustomerCare.Hosting;
using CustomerCare.Notifications;
using CustomerCare.Storage;
using CustomerCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Hosting.Tests;

public sealed class JobSchedulerTests
{
    private static readonly DateTimeZone Istanbul = DateTimeZoneProviders.Tzdb["Europe/Istanbul"];

    [Fact]
    public async Task RunDue_AdvancingTheClock_RunsExactlyTheJobsThatAreDue()
    {
        var clock = TestClocks.At(2026, 6, 1, 8, 58, "Europe/Istanbul");
        using var host = TestHost.Build(clock, jobs: o =>
        {
            o.OnlyBuiltIn(HostedJobNames.Segments, HostedJobNames.SlaEscalation, HostedJobNames.Outbox);
            o.Segments.Schedule = JobSchedule.DailyAt(new LocalTime(9, 0), "Europe/Istanbul");
            o.SlaEscalation.Schedule = JobSchedule.Every(Duration.FromMinutes(5));
        });
        await host.StartAsync();
        var scheduler = host.Scheduler();

        var atStart = await scheduler.RunDueAsync();
        clock.Advance(Duration.FromMinutes(1));
        var at0859 = await scheduler.RunDueAsync();
        clock.Advance(Duration.FromMinutes(1));
        var at0900 = await scheduler.RunDueAsync();
        var again = await scheduler.RunDueAsync();

        Assert.Empty(atStart);
        Assert.Equal([HostedJobNames.Outbox], at0859.Select(r => r.Job));
        Assert.Equal([HostedJobNames.SlaEscalation, HostedJobNames.Segments, HostedJobNames.Outbox], at0900.Select(r => r.Job));
        Assert.All(at0900, r => Assert.Equal(JobOutcome.Succeeded, r.Outcome));
        Assert.Empty(again);
        Assert.Equal(new LocalDateTime(2026, 6, 2, 9, 0), scheduler.NextDueAt(HostedJobNames.Segments).InZone(Istanbul).LocalDateTime);
        await host.StopAsync();
    }

    [Fact]
    public async Task RunDue_OutboxJob_DeliversEveryDueMessageOnce_ThroughTheRegisteredChannel()
    {
        var clock = TestClocks.At(2026, 6, 1, 9, 0, "Europe/Istanbul");
        using var host = TestHost.Build(clock, jobs: o => o.OnlyBuiltIn(HostedJobNames.Outbox), services: s => s.AddSingleton(new OutboxOptions { BatchSize = 7 }));
        await Messages.EnqueueAsync(host.Services.GetRequiredService<IOutboxStore>(), clock.GetCurrentInstant(), 30);
        await host.StartAsync();

        clock.Advance(Duration.FromMinutes(1));
        var run = Assert.Single(await host.Scheduler().RunDueAsync());

        Assert.Equal((JobOutcome.Succeeded, "30 sent, 0 retrying, 0 failed, 0 dead-lettered, 0 lost"), (run.Outcome, run.Detail));
        Assert.Equal(30, host.Email().Delivered.Count);
        Assert.Equal(30, await host.Services.GetRequiredService<IOutboxStore>().CountAsync(OutboxStatus.Sent));
        await host.StopAsync();
    }

    [Fact]
    public async Task FailingJob_IsLoggedWithItsError_TheHostCarriesOn_AndTheNextRunRetries()
    {
        var clock = TestClocks.At(2026, 6, 1, 9, 0, "Europe/Istanbul");
        var logs = new LogSink();
        using var host = TestHost.Build(clock, care => care.AddHostedJob<FlakyJob>(JobSchedule.Every(Duration.FromMinutes(10))), o => o.OnlyBuiltIn(), logs);
        var job = host.Services.GetRequiredService<FlakyJob>();
        job.FailuresLeft = 1;
        await host.StartAsync();
        var leases = host.Services.GetRequiredService<IJobLeaseStore>();

        clock.Advance(Duration.FromMinutes(10));
        var failed = Assert.Single(await host.Scheduler().RunDueAsync());
        var leaseAfterFailure = await leases.FindAsync("flaky");
        clock.Advance(Duration.FromMinutes(10));
        var retried = Assert.Single(await host.Scheduler().RunDueAsync());

        Assert.Equal((JobOutcome.Failed, "InvalidOperationException: the report server refused the upload"), (failed.Outcome, failed.Detail));
        Assert.Null(leaseAfterFailure);
        Assert.Equal((JobOutcome.Succeeded, "uploaded"), (retried.Outcome, retried.Detail));
        Assert.True(retried.FencingToken > failed.FencingToken);
        Assert.Equal(2, job.Runs);
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Error && l.Message.StartsWith("Job flaky failed", StringComparison.Ordinal) && l.Exception is InvalidOperationException);
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Information && l.Message.StartsWith("Job flaky succeeded", StringComparison.Ordinal) && l.Message.Contains("uploaded", StringComparison.Ordinal));
        await host.StopAsync();
    }

    [Fact]
    public async Task ExclusiveJob_TwoHostsOnOneLeaseStore_RunsOnOne_AndTheOtherRetriesWhenTheOccurrenceIsOver()
    {
        var clock = TestClocks.At(2026, 6, 1, 8, 0, "Europe/Istanbul");
        var shared = new Storage.InMemory.InMemoryJobLeaseStore();
        void Configure(IServiceCollection s) => s.AddSingleton<IJobLeaseStore>(shared);
        void Jobs(HostedJobsOptions o)
        {
            o.OnlyBuiltIn(HostedJobNames.Segments);
            o.Segments.Schedule = JobSchedule.DailyAt(new LocalTime(9, 0));
        }

        using var a = TestHost.Build(clock, jobs: o => { Jobs(o); o.HolderId = "host-a"; }, services: Configure);
        using var b = TestHost.Build(clock, jobs: o => { Jobs(o); o.HolderId = "host-b"; }, services: Configure);
        await a.StartAsync();
        await b.StartAsync();

        clock.AdvanceToLocal(new LocalDateTime(2026, 6, 1, 9, 0), Istanbul);
        var onA = Assert.Single(await a.Scheduler().RunDueAsync());
        var onB = Assert.Single(await b.Scheduler().RunDueAsync());

        Assert.Equal((JobOutcome.Succeeded, JobOutcome.LeaseHeld, "held by host-a"), (onA.Outcome, onB.Outcome, onB.Detail));
        var tomorrow = Istanbul.AtStrictly(new LocalDateTime(2026, 6, 2, 9, 0)).ToInstant();
        Assert.Equal(tomorrow, (await shared.FindAsync(HostedJobNames.Segments))!.ExpiresAt);
        Assert.Equal(tomorrow, b.Scheduler().NextDueAt(HostedJobNames.Segments));
        await a.StopAsync();
        await b.StopAsync();
    }

    [Fact]
    public async Task Stop_WithACancelledToken_CancelsTheRunningJob_AndReleasesItsLease()
    {
        var clock = TestClocks.At(2026, 6, 1, 9, 0, "Europe/Istanbul");
        using var host = TestHost.Build(clock, care => care.AddHostedJob<LongJob>(JobSchedule.Every(Duration.FromMinutes(1))), o => o.OnlyBuiltIn());
        await host.StartAsync();
        var job = host.Services.GetRequiredService<LongJob>();
        var leases = host.Services.GetRequiredService<IJobLeaseStore>();

        clock.Advance(Duration.FromMinutes(1));
        var running = host.Scheduler().RunDueAsync().AsTask();
        await job.Started;
        var heldWhileRunning = await leases.FindAsync("long");
        await host.StopAsync(new CancellationToken(canceled: true));
        var run = Assert.Single(await running);

        Assert.Equal("long", heldWhileRunning?.Job);
        Assert.Equal(JobOutcome.Cancelled, run.Outcome);
        Assert.Null(await leases.FindAsync("long"));
        Assert.Empty(await host.Scheduler().RunDueAsync());
    }

    [Fact]
    public async Task Stop_ReleasesTheLeasesOfFinishedOccurrences()
    {
        var clock = TestClocks.At(2026, 6, 1, 8, 59, "Europe/Istanbul");
        using var host = TestHost.Build(clock, jobs: o => o.OnlyBuiltIn(HostedJobNames.SlaEscalation));
        await host.StartAsync();
        clock.Advance(Duration.FromMinutes(1));
        await host.Scheduler().RunDueAsync();
        var leases = host.Services.GetRequiredService<IJobLeaseStore>();
        var held = await leases.FindAsync(HostedJobNames.SlaEscalation);

        await host.StopAsync();

        Assert.Equal(clock.GetCurrentInstant() + Duration.FromMinutes(5), held?.ExpiresAt);
        Assert.Null(await leases.FindAsync(HostedJobNames.SlaEscalation));
    }

    [Fact]
    public async Task Background_TheHostsOwnLoop_RunsADueJob()
    {
        var clock = TestClocks.At(2026, 6, 1, 9, 0, "Europe/Istanbul");
        using var host = TestHost.Build(clock, care => care.AddHostedJob<FlakyJob>(JobSchedule.Every(Duration.FromMinutes(1))), o =>
        {
            o.OnlyBuiltIn();
            o.RunInBackground = true;
            o.MaxIdle = Duration.FromMilliseconds(20);
        });
        await host.StartAsync();
        clock.Advance(Duration.FromMinutes(1));
        var job = host.Services.GetRequiredService<FlakyJob>();

        // Waiting for the loop, not timing it: the test fails only if the job never runs.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (host.Scheduler().LastRun("flaky") is null)
        {
            await Task.Delay(10, patience.Token);
        }

        await host.StopAsync();
        Assert.Equal(JobOutcome.Succeeded, host.Scheduler().LastRun("flaky")!.Outcome);
        Assert.Equal(1, job.Runs);
    }

    [Fact]
    public async Task Surveys_WithoutASender_AreNotScheduled_SoNoSurveyIsClaimedAndLost()
    {
        var clock = TestClocks.At(2026, 6, 1, 9, 0, "Europe/Istanbul");
        using var host = TestHost.Build(clock, care => care.AddSurveys());

        Assert.DoesNotContain(HostedJobNames.Surveys, host.Scheduler().Jobs);
        Assert.Contains(HostedJobNames.Outbox, host.Scheduler().Jobs);
        Assert.DoesNotContain(HostedJobNames.Campaigns, host.Scheduler().Jobs);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Options_BadHolderId_FailTheHostStart_NamingTheSetting()
    {
        var clock = TestClocks.At(2026, 6, 1, 9, 0, "Europe/Istanbul");
        using var host = TestHost.Build(clock, jobs: o => o.HolderId = " ");

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("HostedJobs:HolderId ' '", error.Message, StringComparison.Ordinal);
    }
}
