using CsCheck;
using CustomerCare.Channels;
using CustomerCare.Customers;
using CustomerCare.Notifications;
using CustomerCare.Orders;
using CustomerCare.Privacy.Consent;
using CustomerCare.Storage;
using CustomerCare.Testing;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Tests.Notifications;

public sealed class NotificationGateTests
{
    private static readonly Instant Noon = new LocalDateTime(2027, 3, 1, 12, 0).InZoneStrictly(TimeZones.Istanbul).ToInstant();
    private readonly NotificationGate _gate = new(new NotificationOptions());

    [Fact]
    public void ATransactionalMessage_GoesNow_EvenAtNightAndWithoutConsent()
    {
        var night = new LocalDateTime(2027, 3, 1, 23, 30).InZoneStrictly(TimeZones.Istanbul).ToInstant();

        var decision = Decide(MessageKind.Transactional, Customer(consent: false), [], night);

        Assert.Equal(new GateDecision(GateOutcome.SendNow, night, "transactional"), decision);
    }

    [Fact]
    public void ACommercialMessage_WithoutConsent_IsRefused()
    {
        Assert.Equal(new GateDecision(GateOutcome.Refused, null, "no_consent"), Decide(MessageKind.Commercial, Customer(consent: false), [], Noon));
        Assert.Equal("unknown_customer", _gate.Decide(MessageKind.Commercial, ConsentPurpose.Marketing, ConsentChannel.Email, null, ConsentState.None, [], Noon).Reason);
        Assert.Equal("no_consent_channel", _gate.Decide(MessageKind.Commercial, ConsentPurpose.Marketing, null, Customer(consent: true), TestConsents.Marketing(true), [], Noon).Reason);
    }

    [Fact]
    public void ACommercialMessage_IsGatedOnItsOwnPurposeAndChannel()
    {
        var customer = Customer(consent: true);
        var smsOnly = ConsentState.None.With(ConsentPurpose.Marketing, ConsentChannel.Sms, granted: true);

        Assert.Equal("no_consent", _gate.Decide(MessageKind.Commercial, ConsentPurpose.Marketing, ConsentChannel.Email, customer, smsOnly, [], Noon).Reason);
        Assert.Equal("no_consent", _gate.Decide(MessageKind.Commercial, ConsentPurpose.Surveys, ConsentChannel.Sms, customer, smsOnly, [], Noon).Reason);
        Assert.Equal(GateOutcome.SendNow, _gate.Decide(MessageKind.Commercial, ConsentPurpose.Marketing, ConsentChannel.Sms, customer, smsOnly, [], Noon).Outcome);
    }

    [Theory]
    [InlineData("Europe/Istanbul", 23, 30, "2027-03-02T09:00")]
    [InlineData("Europe/Istanbul", 8, 59, "2027-03-01T09:00")]
    [InlineData("Europe/Istanbul", 21, 0, "2027-03-02T09:00")]
    [InlineData("America/New_York", 22, 15, "2027-03-02T09:00")]
    public void ACommercialMessage_InQuietHours_WaitsForTheirEndInTheCustomersZone(string zone, int hour, int minute, string expectedLocal)
    {
        var customer = Customer(consent: true, zone);
        var at = new LocalDateTime(2027, 3, 1, hour, minute).InZoneStrictly(customer.TimeZone).ToInstant();

        var decision = Decide(MessageKind.Commercial, customer, [], at);

        Assert.Equal((GateOutcome.Deferred, "quiet_hours"), (decision.Outcome, decision.Reason));
        Assert.Equal(expectedLocal, decision.SendAt!.Value.InZone(customer.TimeZone).LocalDateTime.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TheFrequencyCap_DefersToWhenASlotFrees_NeverDrops()
    {
        var sent = new[] { Noon - Duration.FromDays(6), Noon - Duration.FromDays(2), Noon - Duration.FromHours(1) };

        var decision = Decide(MessageKind.Commercial, Customer(consent: true), sent, Noon);

        Assert.Equal((GateOutcome.Deferred, "frequency_cap", Noon + Duration.FromDays(1)), (decision.Outcome, decision.Reason, decision.SendAt!.Value));
    }

    [Fact]
    public void Property_NoCommercialMessageLeavesWithoutConsent_OrInsideQuietHours()
    {
        var zones = new[] { "Europe/Istanbul", "America/New_York", "Pacific/Kiritimati", "Pacific/Apia", "America/Sao_Paulo", "Asia/Kolkata" };
        Gen.Select(Gen.Bool, Gen.Int[0, zones.Length - 1], Gen.Long[0, 365L * 24 * 60], Gen.Int[0, 5]).Sample((consent, zoneIndex, minutes, prior) =>
        {
            var customer = Customer(consent, zones[zoneIndex]);
            var now = Instant.FromUtc(2027, 1, 1, 0, 0) + Duration.FromMinutes(minutes);
            var recent = Enumerable.Range(0, prior).Select(i => now - Duration.FromHours(13 * (i + 1))).ToList();

            var decision = Decide(MessageKind.Commercial, customer, recent, now);

            if (decision.Outcome == GateOutcome.Refused)
            {
                return !consent;
            }

            var leaves = decision.SendAt!.Value;
            return consent && leaves >= now && !_gate.IsQuiet(leaves, customer.TimeZone)
                && recent.Count(t => t > leaves - Duration.FromDays(7) && t <= leaves) < 3;
        }, iter: 2000);
    }

    [Fact]
    public async Task TheService_QueuesThroughTheGates_AndTheDispatcherSendsOnlyWhenAllowed()
    {
        var clock = new FakeClock(new LocalDateTime(2027, 3, 1, 22, 0).InZoneStrictly(TimeZones.Istanbul).ToInstant());
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);
        var email = new InMemoryOutboundChannel("email");
        services.AddSingleton<IOutboundChannel>(email);
        services.AddCustomerCare();
        await using var provider = services.BuildServiceProvider();
        var processor = provider.GetRequiredService<CustomerEventProcessor>();
        var events = new CommerceEvents("ntf");
        await processor.ApplyAsync(events.Registered(Customer(consent: true, id: "yes")));
        await processor.ApplyAsync(events.Registered(Customer(consent: false, id: "no")));
        // Consent lives in the ledger: the snapshot alone (Customer(consent: true)) would not let the message out.
        await provider.GetRequiredService<ConsentService>().RecordAsync(new ConsentRecord(
            "web:yes", CustomerId.From("yes"), ConsentPurpose.Marketing, ConsentChannel.Email, ConsentAction.Grant, ConsentSource.WebForm, clock.GetCurrentInstant() - Duration.FromDays(1), "2026-03"));
        var notifications = provider.GetRequiredService<NotificationService>();

        var coupon = await notifications.EnqueueAsync(new NotificationRequest("bday/yes/2027", MessageKind.Commercial, "email", "yes@example.com", "İyi ki doğdun!") { CustomerId = CustomerId.From("yes") });
        var refused = await notifications.EnqueueAsync(new NotificationRequest("bday/no/2027", MessageKind.Commercial, "email", "no@example.com", "İyi ki doğdun!") { CustomerId = CustomerId.From("no") });
        var ack = await notifications.EnqueueAsync(new NotificationRequest("ack/CMP-1/email", MessageKind.Transactional, "email", "no@example.com", "Mesajınızı aldık.") { CustomerId = CustomerId.From("no") });
        var again = await notifications.EnqueueAsync(new NotificationRequest("ack/CMP-1/email", MessageKind.Transactional, "email", "no@example.com", "Mesajınızı aldık.") { CustomerId = CustomerId.From("no") });
        var dispatcher = provider.GetRequiredService<OutboxDispatcher>();
        await dispatcher.DispatchDueAsync();
        var atNight = email.Delivered.Select(m => m.MessageId).ToList();
        clock.Reset(coupon.Decision.SendAt!.Value);
        await dispatcher.DispatchDueAsync();

        Assert.Equal(["ack/CMP-1/email"], atNight);
        Assert.Equal(["ack/CMP-1/email", "bday/yes/2027"], email.Delivered.Select(m => m.MessageId));
        Assert.Equal((GateOutcome.Refused, false), (refused.Decision.Outcome, refused.Queued));
        Assert.True(ack.Queued);
        Assert.False(again.Queued);
        Assert.Equal("quiet_hours", (await provider.GetRequiredService<IOutboxStore>().FindAsync("bday/yes/2027"))!.Metadata[NotificationService.GateReasonKey]);
    }

    private static Customer Customer(bool consent, string zone = "Europe/Istanbul", string id = "c-1") =>
        new CustomerBuilder().WithId(id).InZone(zone).With(c => c with { Consents = TestConsents.Marketing(consent) }).Build();

    /// <summary>A decision for an e-mail marketing message, with the customer's snapshot standing in for the ledger's state.</summary>
    private GateDecision Decide(MessageKind kind, Customer customer, IReadOnlyList<Instant> recent, Instant now) =>
        _gate.Decide(kind, ConsentPurpose.Marketing, ConsentChannel.Email, customer, customer.Consents, recent, now);
}
