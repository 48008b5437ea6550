using CustomerCare.Campaigns;
using CustomerCare.Campaigns.Birthday;
using CustomerCare.Channels;
using CustomerCare.Complaints;
using CustomerCare.Complaints.Intake;
using CustomerCare.Coupons;
using CustomerCare.Customers;
using CustomerCare.Notifications;
using CustomerCare.Orders;
using CustomerCare.Returns;
using CustomerCare.Storage;
using CustomerCare.Templates;
using CustomerCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Tests.Notifications;

/// <summary>Events become rendered outbox messages, through the real services, templates and outbox.</summary>
public sealed class NotifierTests : IAsyncDisposable
{
    private readonly FakeClock _clock = new(Instant.FromUtc(2027, 2, 1, 9, 0));
    private readonly CommerceEvents _events = new("in");
    private readonly ServiceProvider _provider;

    public NotifierTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(_clock);
        services.AddSingleton<IOutboundChannel>(new InMemoryOutboundChannel(OutboundChannelNames.Email));
        services.AddSingleton<IOutboundChannel>(new InMemoryOutboundChannel(OutboundChannelNames.Sms));
        services.AddCustomerCare(o => o.Policy.Compensation.Rules[CustomerCare.Policy.Promises.BrokenPromiseKind.LateDelivery] =
                new CustomerCare.Policy.Compensation.CompensationRule { CouponDefinitionId = "sorry-late", ValidFor = Duration.FromDays(30) })
            .AddNotifications(o =>
            {
                o.Brand = "Örnek Mağaza";
                o.SupportUrl = "https://destek.example.com";
                o.DefaultCarrier = "Yurtiçi Kargo";
            })
            .AddBirthdayCampaign(o => o.AntiGamingWait = Duration.Zero);
        _provider = services.BuildServiceProvider();
    }

    private IOutboxStore Outbox => _provider.GetRequiredService<IOutboxStore>();

    [Fact]
    public async Task AComplaintFromAKnownCustomer_QueuesAnHtmlAcknowledgementWithItsTextAlternative()
    {
        await AddCustomerAsync("c-1", email: "ayse@example.com.tr", phone: null, "S-1001");

        var complaint = (await Intake.ReceiveAsync(Submission("sv-1", "Siparişim 10 gündür gelmedi!") with { OrderNumber = "S-1001" })).Complaint;

        var message = await Outbox.FindAsync($"complaint/{complaint.Id}/acknowledgement/email");
        Assert.NotNull(message);
        Assert.Equal(("ayse@example.com.tr", "text/html", MessageKind.Transactional), (message.Recipient, message.ContentType, message.Kind));
        Assert.Contains(complaint.Id.Value, message.Body, StringComparison.Ordinal);
        Assert.Contains("S-1001", message.Metadata[OutboundMessage.TextAlternativeKey], StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(message.Subject));
        Assert.Equal("transactional", message.Metadata[NotificationService.GateReasonKey].Split(':')[0]);
    }

    [Fact]
    public async Task Praise_IsThankedAndNotGivenATicket()
    {
        await AddCustomerAsync("c-1", email: "ayse@example.com.tr", phone: null, "S-1001");

        var complaint = (await Intake.ReceiveAsync(Submission("sv-2", "Çok teşekkürler, harika bir alışverişti, ekibinize bayıldım!") with { CustomerId = "c-1" })).Complaint;

        Assert.Equal(Sentiment.Positive, complaint.Sentiment);
        Assert.NotNull(await Outbox.FindAsync($"complaint/{complaint.Id}/thank-you/email"));
        Assert.Null(await Outbox.FindAsync($"complaint/{complaint.Id}/acknowledgement/email"));
    }

    [Fact]
    public async Task ACustomerWithOnlyAPhone_GetsAnSms_AndOneWithNoAddressGetsNothing()
    {
        await AddCustomerAsync("c-2", email: null, phone: "+90 532 111 22 33", "S-2002");
        await AddCustomerAsync("c-3", email: null, phone: null, "S-3003");

        var sms = (await Intake.ReceiveAsync(Submission("sv-3", "Kargom hasarlı geldi, kutu ezik.") with { CustomerId = "c-2" })).Complaint;
        var none = (await Intake.ReceiveAsync(Submission("sv-4", "Kargom hasarlı geldi, kutu ezik.") with { CustomerId = "c-3" })).Complaint;

        var message = await Outbox.FindAsync($"complaint/{sms.Id}/acknowledgement/sms");
        Assert.NotNull(message);
        Assert.Equal(("+905321112233", "text/plain"), (message.Recipient, message.ContentType));
        Assert.Empty(await Outbox.ListForCustomerAsync(CustomerId.From("c-3"), Instant.MinValue));
        var result = await Composer.SendAsync(
            (await Customers.FindAsync(CustomerId.From("c-3")))!,
            new Notice("test/none", TemplateKind.ThankYou, MessageKind.Transactional, m => m.Text("order_number", string.Empty).Text("agent_name", string.Empty)));
        Assert.Equal(NoticeOutcome.NoChannel, result.Outcome);
        Assert.Contains("no e-mail and no phone", result.Reason, StringComparison.Ordinal);
        Assert.Equal(ComplaintStatus.Acknowledged, none.Status);
    }

    [Fact]
    public async Task EveryOrderStatus_IsNotifiedOnce_EvenWhenTheEventIsRedelivered()
    {
        var customer = await AddCustomerAsync("c-1", email: "ayse@example.com.tr", phone: null, "S-1001");
        var order = OrderId.From("S-1001");
        var shipped = _events.Shipped(customer.Id, order, _clock.GetCurrentInstant()) with { TrackingNumber = "YK-4481207" };

        await Processor.ApplyAsync(shipped);
        await Processor.ApplyAsync(shipped);
        await Processor.ApplyAsync(_events.Delivered(customer.Id, order, _clock.GetCurrentInstant() + Duration.FromDays(1)));
        await Processor.ApplyAsync(_events.Returned(customer.Id, order, new Money(100m, Currency.TRY), _clock.GetCurrentInstant() + Duration.FromDays(3)));

        var messages = await Outbox.ListForCustomerAsync(customer.Id, Instant.MinValue);
        Assert.Equal(
            ["order_delivered", "order_placed", "order_returned", "order_shipped"],
            messages.Where(m => m.Id.StartsWith("order/", StringComparison.Ordinal)).Select(m => m.Id.Split('/')[2]).Order(StringComparer.Ordinal));
        var shippedText = messages.Single(m => m.Id.Contains("/order_shipped/", StringComparison.Ordinal)).Metadata[OutboundMessage.TextAlternativeKey];
        Assert.Contains("Yurtiçi Kargo", shippedText, StringComparison.Ordinal);
        Assert.Contains("YK-4481207", shippedText, StringComparison.Ordinal);
        Assert.Contains("₺100,00", messages.Single(m => m.Id.Contains("/order_returned/", StringComparison.Ordinal)).Metadata[OutboundMessage.TextAlternativeKey], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedReturn_TellsTheReasonInTheCustomersLanguage()
    {
        var customer = await AddCustomerAsync("c-1", email: "ayse@example.com.tr", phone: null, "S-1001");

        var decision = await _provider.GetRequiredService<ReturnService>().RequestAsync(new ReturnRequest(OrderId.From("S-1001"), customer.Id, ReturnKind.Return, ReturnReason.ChangedMind));

        Assert.Equal(ReturnRefusal.NotDelivered, decision.Refusal);
        var message = (await Outbox.ListForCustomerAsync(customer.Id, Instant.MinValue)).Single(m => m.Id.StartsWith("return/", StringComparison.Ordinal));
        Assert.Contains("henüz teslim edilmedi", message.Metadata[OutboundMessage.TextAlternativeKey], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABirthdayCoupon_IsACommercialMessageWithTheOffer_QueuedOnceOverReruns()
    {
        var customer = await AddCustomerAsync("c-1", email: "ayse@example.com.tr", phone: null, "S-1001", c => c with
        {
            Birthday = new Birthday(new AnnualDate(2, 1), 1990),
        });
        // Through the ledger: the campaign reads the snapshot ConsentService commits, the gates read the ledger.
        await _provider.GetRequiredService<CustomerCare.Privacy.Consent.ConsentService>().RecordAsync(new CustomerCare.Privacy.Consent.ConsentRecord(
            "web:c-1", customer.Id, CustomerCare.Privacy.Consent.ConsentPurpose.Marketing, CustomerCare.Privacy.Consent.ConsentChannel.Email,
            CustomerCare.Privacy.Consent.ConsentAction.Grant, CustomerCare.Privacy.Consent.ConsentSource.WebForm, _clock.GetCurrentInstant(), "2026-03"));
        await _provider.GetRequiredService<ICouponStore>().AddDefinitionAsync(new CouponDefinition("birthday", "Doğum günü", Discount.PercentOff(15m)));
        var scheduler = _provider.GetRequiredService<CampaignScheduler>();

        await scheduler.RunDueAsync(_clock.GetCurrentInstant() + Duration.FromHours(2));
        await scheduler.RunDueAsync(_clock.GetCurrentInstant() + Duration.FromHours(5));

        var message = Assert.Single(await Outbox.ListForCustomerAsync(customer.Id, Instant.MinValue), m => m.Id.StartsWith("campaign/", StringComparison.Ordinal));
        Assert.Equal(MessageKind.Commercial, message.Kind);
        Assert.Contains("%15 indirim", message.Metadata[OutboundMessage.TextAlternativeKey], StringComparison.Ordinal);
        var grant = Assert.Single(await _provider.GetRequiredService<ICampaignLedger>().GrantsAsync("birthday"));
        Assert.Contains(grant.Code.Value, message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALateDelivery_IsApologisedForWithTheCouponsOffer_AndNoRecordNumber()
    {
        var customer = await AddCustomerAsync("c-1", email: "ayse@example.com.tr", phone: null, "S-1001");
        await _provider.GetRequiredService<ICouponStore>().AddDefinitionAsync(new CouponDefinition("sorry-late", "Özür", Discount.AmountOff(new Money(50m, Currency.TRY))));
        var promise = new CustomerCare.Policy.Promises.BrokenPromise(
            CustomerCare.Policy.Promises.BrokenPromiseKind.LateDelivery, customer.Id, "order:S-1001", _clock.GetCurrentInstant(), "promised 2027-01-28, delivered 2027-02-01");

        var recovery = await _provider.GetRequiredService<CustomerCare.Policy.Compensation.ServiceRecovery>().RecoverAsync(promise);

        Assert.NotNull(recovery.Coupon);
        var text = (await Outbox.FindAsync("recovery/order:S-1001/LateDelivery/email"))!.Metadata[OutboundMessage.TextAlternativeKey];
        Assert.Contains("S-1001", text, StringComparison.Ordinal);
        Assert.Contains("₺50,00 indirim", text, StringComparison.Ordinal);
        Assert.Contains(recovery.Coupon.Code.Value, text, StringComparison.Ordinal);
        Assert.DoesNotContain("order:", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(400)]
    public void MessageId_IsAtMost200Characters_StableAndDistinct(int customerIdLength)
    {
        var key = "campaign/birthday/" + new string('x', customerIdLength) + "/2027";

        var id = NotificationComposer.MessageId(key, "email");

        Assert.InRange(id.Length, 1, NotificationComposer.MaxMessageIdLength);
        Assert.Equal(id, NotificationComposer.MessageId(key, "email"));
        Assert.NotEqual(id, NotificationComposer.MessageId(key, "sms"));
        Assert.NotEqual(id, NotificationComposer.MessageId(key.Replace("2027", "2028", StringComparison.Ordinal), "email"));
        Assert.EndsWith("/email", id, StringComparison.Ordinal);
    }

    private ComplaintIntake Intake => _provider.GetRequiredService<ComplaintIntake>();

    private NotificationComposer Composer => _provider.GetRequiredService<NotificationComposer>();

    private ICustomerStore Customers => _provider.GetRequiredService<ICustomerStore>();

    private CustomerEventProcessor Processor => _provider.GetRequiredService<CustomerEventProcessor>();

    private static ComplaintSubmission Submission(string reference, string text) => new()
    {
        Channel = ComplaintChannel.ComplaintSite,
        SourceReference = reference,
        Text = text,
    };

    private async Task<Customer> AddCustomerAsync(string id, string? email, string? phone, string orderId, Func<Customer, Customer>? change = null)
    {
        var builder = new CustomerBuilder().WithId(id).SignedUpAt(_clock.GetCurrentInstant() - Duration.FromDays(400));
        builder = email is null ? builder : builder.WithEmail(email);
        builder = phone is null ? builder : builder.WithPhone(phone);
        var customer = change is null ? builder.Build() : builder.With(change).Build();
        await Processor.ApplyAsync(_events.Registered(customer));
        await Processor.ApplyAsync(_events.Placed(customer.Id, OrderId.From(orderId), new Money(300m, Currency.TRY), _clock.GetCurrentInstant() - Duration.FromDays(12)));
        return customer;
    }

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();
}
