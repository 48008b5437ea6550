using CustomerCare.Channels;
using CustomerCare.Customers;
using CustomerCare.Notifications;
using CustomerCare.Orders;
using CustomerCare.Privacy.Audit;
using CustomerCare.Privacy.Breach;
using CustomerCare.Storage;
using CustomerCare.Storage.InMemory;
using CustomerCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CustomerCare.Tests.Privacy.Breach;

/// <summary>Breach notices through the real composer, templates, gate and in-memory outbox.</summary>
public sealed class BreachNotifierTests : IAsyncDisposable
{
    // 03:00 in Istanbul: inside the default quiet hours, which a breach notice ignores.
    private static readonly Instant Night = Instant.FromUtc(2027, 3, 10, 0, 0);
    private readonly FakeClock _clock = new(Night);
    private readonly CommerceEvents _events = new("breach");
    private readonly ServiceProvider _provider;

    public BreachNotifierTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(_clock);
        services.AddSingleton<IOutboundChannel>(new InMemoryOutboundChannel(OutboundChannelNames.Email));
        services.AddSingleton<IOutboundChannel>(new InMemoryOutboundChannel(OutboundChannelNames.Sms));
        services.AddCustomerCare().AddNotifications(o => o.Brand = "Örnek Mağaza");
        _provider = services.BuildServiceProvider();
    }

    private BreachNotifier Notifier => _provider.GetRequiredService<BreachNotifier>();

    private IOutboxStore Outbox => _provider.GetRequiredService<IOutboxStore>();

    [Fact]
    public async Task Notify_NCustomers_QueuesNNoticesAtTheTop_InEachLocale_AndRecordsTheEvidence()
    {
        var ids = await AddCustomersAsync(7);
        await Notifier.RecordAsync(BreachRegisterConformanceTests.SampleBreach("B-1", Night - Duration.FromHours(5), BreachAudience.Customers(ids)), "dpo");

        var run = await Notifier.NotifyAsync("B-1");

        Assert.Equal((7L, 7L, 0L), (run.Affected, run.Queued, run.AlreadyQueued));
        Assert.Empty(run.Unreachable);
        Assert.Equal(7, await Outbox.CountAsync(OutboxStatus.Pending));
        var turkish = (await Outbox.FindAsync("breach/B-1/c-0/email"))!;
        var english = (await Outbox.FindAsync("breach/B-1/c-1/email"))!;
        Assert.Equal((BreachNotifier.NoticePriority, MessageKind.Transactional, Night), (turkish.Priority, turkish.Kind, turkish.DueAt));
        Assert.Contains("kvkk@example.com", turkish.Body, StringComparison.Ordinal);
        Assert.Contains("privacy@example.com", english.Body, StringComparison.Ordinal);
        var evidence = await Notifier.EvidenceAsync("B-1", limit: 100);
        Assert.Equal(ids.Select(i => i.Value).Order(StringComparer.Ordinal), evidence.Select(e => e.Notification.CustomerId.Value));
        Assert.All(evidence, e => Assert.Equal((OutboxStatus.Pending, Night), (e.Status!.Value, e.Notification.QueuedAt)));
    }

    [Fact]
    public async Task Notify_Twice_QueuesNothingTheSecondTime()
    {
        var ids = await AddCustomersAsync(4);
        await Notifier.RecordAsync(BreachRegisterConformanceTests.SampleBreach("B-1", Night, BreachAudience.Customers(ids)), "dpo");
        await Notifier.NotifyAsync("B-1");

        var again = await Notifier.NotifyAsync("B-1");

        Assert.Equal((4L, 0L, 4L), (again.Affected, again.Queued, again.AlreadyQueued));
        Assert.Equal(4, await Outbox.CountAsync(OutboxStatus.Pending));
        Assert.Equal(4, await _provider.GetRequiredService<IBreachRegister>().CountNotificationsAsync("B-1"));
    }

    // A crash after queueing but before the evidence was written: a fresh register over the same outbox resumes.
    [Fact]
    public async Task Notify_AfterTheEvidenceWasLost_ResumesWithoutDoubleQueueing_AndKeepsTheFirstQueueTimes()
    {
        var ids = await AddCustomersAsync(3);
        var breach = BreachRegisterConformanceTests.SampleBreach("B-1", Night, BreachAudience.Customers(ids));
        await Notifier.RecordAsync(breach, "dpo");
        await Notifier.NotifyAsync("B-1");
        var freshRegister = new InMemoryBreachRegister();
        await freshRegister.RecordAsync(breach);
        var resumed = new BreachNotifier(freshRegister, _provider.GetRequiredService<ICustomerStore>(), _provider.GetRequiredService<NotificationComposer>(), Outbox, _provider.GetRequiredService<AuditTrail>(), _clock);
        _clock.Advance(Duration.FromMinutes(10));

        var run = await resumed.NotifyAsync("B-1");

        Assert.Equal((0L, 3L), (run.Queued, run.AlreadyQueued));
        Assert.Equal(3, await Outbox.CountAsync(OutboxStatus.Pending));
        Assert.All(await freshRegister.NotificationsAsync("B-1", null, 10), n => Assert.Equal(Night, n.QueuedAt));
    }

    [Fact]
    public async Task Notify_BySegmentRule_ReachesOnlyItsCustomers_AndListsThoseWithoutAChannel()
    {
        await AddCustomersAsync(6);
        await AddAsync(new CustomerBuilder().WithId("c-nomail").InCity("İzmir").Build());
        await Notifier.RecordAsync(BreachRegisterConformanceTests.SampleBreach("B-2", Night, BreachAudience.Segment("city = 'İzmir'")), "dpo");

        var run = await Notifier.NotifyAsync("B-2");

        // c-0, c-2, c-4 live in İzmir and have an address; c-nomail has none.
        Assert.Equal((4L, 3L), (run.Affected, run.Queued));
        Assert.Equal(["c-nomail"], run.Unreachable.Select(c => c.Value));
        Assert.Equal(3, await Outbox.CountAsync(OutboxStatus.Pending));
    }

    [Fact]
    public async Task RecordAndNotify_AreAudited_AndTheDeadlineFollowsTheClock()
    {
        var ids = await AddCustomersAsync(2);
        var breach = BreachRegisterConformanceTests.SampleBreach("B-3", Night, BreachAudience.Customers(ids));
        await Notifier.RecordAsync(breach, "dpo");
        await Notifier.NotifyAsync("B-3", "dpo");

        Assert.Equal(Night + Duration.FromHours(72), breach.DeadlineAt);
        Assert.False(breach.IsOverdue(_clock.GetCurrentInstant()));
        _clock.Advance(Duration.FromHours(72) + Duration.FromSeconds(1));
        Assert.True((await _provider.GetRequiredService<IBreachRegister>().FindAsync("B-3"))!.IsOverdue(_clock.GetCurrentInstant()));
        Assert.True(await Notifier.MarkAuthorityNotifiedAsync("B-3", "dpo"));
        Assert.False((await _provider.GetRequiredService<IBreachRegister>().FindAsync("B-3"))!.IsOverdue(_clock.GetCurrentInstant()));

        var audit = await _provider.GetRequiredService<IAuditLog>().ReadAsync(1, 10);
        Assert.Equal(["recorded", "notification run", "authority notified"], audit.Select(e => e.Details.Split(';', ':')[0]));
        Assert.All(audit, e => Assert.Equal((AuditActionKind.Breach, "breach:B-3", "dpo"), (e.Kind, e.Subject, e.Actor)));
        Assert.True((await _provider.GetRequiredService<AuditTrail>().VerifyAsync()).IsValid);
    }

    [Fact]
    public async Task Notify_AnUnknownBreach_Throws() =>
        await Assert.ThrowsAsync<KeyNotFoundException>(async () => await Notifier.NotifyAsync("B-404"));

    private async Task<CustomerId[]> AddCustomersAsync(int count)
    {
        var ids = new List<CustomerId>();
        for (var i = 0; i < count; i++)
        {
            var id = "c-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await AddAsync(new CustomerBuilder().WithId(id).WithEmail(id + "@example.com").WithLocale(i % 2 == 0 ? "tr-TR" : "en-GB").InCity(i % 2 == 0 ? "İzmir" : "Ankara").Build());
            ids.Add(CustomerId.From(id));
        }

        return [.. ids];
    }

    private async Task AddAsync(Customer customer) =>
        await _provider.GetRequiredService<CustomerEventProcessor>().ApplyAsync(_events.Registered(customer));

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();
}
