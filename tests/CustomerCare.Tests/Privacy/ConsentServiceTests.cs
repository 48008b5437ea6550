using System.Globalization;
using CustomerCare.Channels;
using CustomerCare.Customers;
using CustomerCare.Notifications;
using CustomerCare.Orders;
using CustomerCare.Privacy.Consent;
using CustomerCare.Storage;
using CustomerCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Tests.Privacy;

public sealed class ConsentServiceTests : IAsyncDisposable
{
    private readonly FakeClock _clock = new(new LocalDateTime(2027, 3, 1, 12, 0).InZoneStrictly(TimeZones.Istanbul).ToInstant());
    private readonly InMemoryOutboundChannel _email = new(OutboundChannelNames.Email);
    private readonly ServiceProvider _provider;

    public ConsentServiceTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(_clock);
        services.AddSingleton<IOutboundChannel>(_email);
        services.AddCustomerCare();
        _provider = services.BuildServiceProvider();
    }

    private ConsentService Consents => _provider.GetRequiredService<ConsentService>();

    [Fact]
    public async Task Record_AppendsToTheLedger_AndCommitsTheDerivedSnapshotOnTheCustomer()
    {
        var customer = await RegisterAsync("c-1");

        var granted = await Consents.RecordAsync(Record("g-1", customer.Id, ConsentChannel.Email, ConsentAction.Grant));
        var again = await Consents.RecordAsync(Record("g-1", customer.Id, ConsentChannel.Email, ConsentAction.Grant));

        Assert.Equal((1, true), (granted.Appended, granted.SnapshotUpdated));
        Assert.Equal((0, false), (again.Appended, again.SnapshotUpdated));
        var stored = await _provider.GetRequiredService<ICustomerStore>().FindAsync(customer.Id);
        Assert.True(stored!.Consents.Allows(ConsentPurpose.Marketing, ConsentChannel.Email));
        Assert.Equal(await Consents.CurrentAsync(customer.Id), stored.Consents);
    }

    [Fact]
    public async Task RacingRecords_ForOneCustomer_LeaveTheSnapshotEqualToTheLedger()
    {
        var customer = await RegisterAsync("c-1");
        var records = Enumerable.Range(0, 24).Select(i => new ConsentRecord(
            "race-" + i.ToString(CultureInfo.InvariantCulture), customer.Id, (ConsentPurpose)(i % 3), (ConsentChannel)(i % 4), i % 5 == 0 ? ConsentAction.Withdraw : ConsentAction.Grant,
            ConsentSource.WebForm, _clock.GetCurrentInstant() + Duration.FromSeconds(i), "v1")).ToArray();

        await Task.WhenAll(records.Select(r => Task.Run(async () => await Consents.RecordAsync(r))));

        var stored = await _provider.GetRequiredService<ICustomerStore>().FindAsync(customer.Id);
        Assert.Equal(ConsentState.From(records), stored!.Consents);
        Assert.Equal(ConsentState.From(records), await Consents.CurrentAsync(customer.Id));
    }

    [Fact]
    public async Task ARecordForAnUnknownCustomer_IsKept_AndRefreshCopiesItOnceTheCustomerExists()
    {
        var early = await Consents.RecordAsync(Record("g-1", CustomerId.From("c-9"), ConsentChannel.Email, ConsentAction.Grant));
        var customer = await RegisterAsync("c-9");

        var (state, updated) = await Consents.RefreshAsync(customer.Id);

        Assert.False(early.SnapshotUpdated);
        Assert.True(updated);
        Assert.True(state.Allows(ConsentPurpose.Marketing, ConsentChannel.Email));
    }

    [Fact]
    public async Task AProfileUpdate_DoesNotOverwriteTheLedgersSnapshot()
    {
        var customer = await RegisterAsync("c-1");
        await Consents.RecordAsync(Record("g-1", customer.Id, ConsentChannel.Sms, ConsentAction.Grant));

        await _provider.GetRequiredService<CustomerEventProcessor>().ApplyAsync(new CommerceEvents("upd").Registered(customer with { City = "Ankara" }));

        var stored = await _provider.GetRequiredService<ICustomerStore>().FindAsync(customer.Id);
        Assert.Equal(("Ankara", true), (stored!.City, stored.Consents.Allows(ConsentPurpose.Marketing, ConsentChannel.Sms)));
    }

    [Fact]
    public async Task AWithdrawalBetweenQueueingAndSending_CancelsTheMessage_WithTheReason()
    {
        var customer = await RegisterAsync("c-1");
        await Consents.RecordAsync(Record("g-1", customer.Id, ConsentChannel.Email, ConsentAction.Grant));
        var notifications = _provider.GetRequiredService<NotificationService>();
        var queued = await notifications.EnqueueAsync(new NotificationRequest("promo/1/email", MessageKind.Commercial, OutboundChannelNames.Email, "c-1@example.com.tr", "Kampanya!") { CustomerId = customer.Id });
        var survey = await notifications.EnqueueAsync(new NotificationRequest("survey/1/email", MessageKind.Commercial, OutboundChannelNames.Email, "c-1@example.com.tr", "Anket") { CustomerId = customer.Id, Purpose = ConsentPurpose.Surveys });

        _clock.Advance(Duration.FromMinutes(5));
        await Consents.RecordAsync(Record("w-1", customer.Id, ConsentChannel.Email, ConsentAction.Withdraw));
        var round = await _provider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();

        Assert.Equal((GateOutcome.SendNow, true), (queued.Decision.Outcome, queued.Queued));
        Assert.Equal((GateOutcome.Refused, "no_consent"), (survey.Decision.Outcome, survey.Decision.Reason));
        Assert.Equal((1, 0, 1), (round.Claimed, round.Sent, round.Cancelled));
        Assert.Empty(_email.Delivered);
        var message = await _provider.GetRequiredService<IOutboxStore>().FindAsync("promo/1/email");
        Assert.Equal(OutboxStatus.Cancelled, message!.Status);
        Assert.StartsWith("consent_withdrawn", message.LastError, StringComparison.Ordinal);
        Assert.Equal("marketing", message.Metadata[NotificationService.PurposeKey]);
    }

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();

    private async Task<Customer> RegisterAsync(string id)
    {
        var customer = new CustomerBuilder().WithId(id).WithEmail(id + "@example.com.tr").Build();
        await _provider.GetRequiredService<CustomerEventProcessor>().ApplyAsync(new CommerceEvents("reg-" + id).Registered(customer));
        return customer;
    }

    private ConsentRecord Record(string id, CustomerId customer, ConsentChannel channel, ConsentAction action) =>
        new(id, customer, ConsentPurpose.Marketing, channel, action, ConsentSource.WebForm, _clock.GetCurrentInstant(), "2026-03", "IP 203.0.113.9");
}
