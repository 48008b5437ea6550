using CsCheck;
using CustomerCare.Campaigns;
using CustomerCare.Channels;
using CustomerCare.Coupons;
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

/// <summary>
/// The done-when property of the consent ledger: over random sequences of grants, withdrawals, birthday campaign runs,
/// direct commercial messages, clock jumps and dispatch rounds, no commercial message is ever handed to a channel
/// unless the customer held consent for its purpose on its channel at that moment.
/// </summary>
public sealed class ConsentSendPropertyTests
{
    private static readonly Instant Start = Instant.FromUtc(2027, 2, 1, 6, 0);
    private static readonly string[] Customers = ["c-1", "c-2", "c-3"];
    private static readonly string[] ChannelNames = [OutboundChannelNames.Email, OutboundChannelNames.Sms, OutboundChannelNames.Push];

    private enum Op
    {
        Grant,
        Withdraw,
        Campaigns,
        Message,
        Advance,
        Dispatch,
    }

    [Fact]
    public void NoCommercialMessage_IsEverSent_WithoutConsentForItsPurposeAndChannelAtSendTime()
    {
        var step = Gen.Select(Gen.Enum<Op>(), Gen.Int[0, Customers.Length - 1], Gen.Enum<ConsentPurpose>(), Gen.Int[0, 3], Gen.Int[1, 30]);
        var sentCommercial = 0;
        step.Array[10, 45].Sample(steps =>
        {
            var (sent, violations) = RunAsync(steps).GetAwaiter().GetResult();
            Interlocked.Add(ref sentCommercial, sent);
            Assert.True(violations.Count == 0, string.Join("\n", violations));
        }, iter: 30, threads: 1);

        // Not vacuous: the sequences do send commercial messages, and each one was checked.
        Assert.True(sentCommercial > 0, "No commercial message was sent in any sequence; the property checked nothing.");
    }

    private static async Task<(int Sent, List<string> Violations)> RunAsync((Op Op, int Customer, ConsentPurpose Purpose, int Channel, int Amount)[] steps)
    {
        var clock = new FakeClock(Start);
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);
        var email = new InMemoryOutboundChannel(OutboundChannelNames.Email);
        var sms = new InMemoryOutboundChannel(OutboundChannelNames.Sms);
        services.AddSingleton<IOutboundChannel>(email);
        services.AddSingleton<IOutboundChannel>(sms);
        services.AddCustomerCare().AddNotifications(o => o.Brand = "Örnek").AddBirthdayCampaign(o => o.AntiGamingWait = Duration.Zero);
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<ICouponStore>().AddDefinitionAsync(new CouponDefinition("birthday", "Doğum günü", Discount.PercentOff(10m)));
        var processor = provider.GetRequiredService<CustomerEventProcessor>();
        var events = new CommerceEvents("prop");
        for (var i = 0; i < Customers.Length; i++)
        {
            var customer = new CustomerBuilder().WithId(Customers[i]).WithEmail($"{Customers[i]}@example.com.tr").WithPhone("+90532000000" + i)
                .BornOn(1990, 2, 2 + (3 * i)).SignedUpAt(Start - Duration.FromDays(300)).Build();
            await processor.ApplyAsync(events.Registered(customer));
        }

        var consents = provider.GetRequiredService<ConsentService>();
        var notifications = provider.GetRequiredService<NotificationService>();
        var scheduler = provider.GetRequiredService<CampaignScheduler>();
        var dispatcher = provider.GetRequiredService<OutboxDispatcher>();
        var outbox = provider.GetRequiredService<IOutboxStore>();

        // The oracle: the test's own record of what each customer consents to, independent of the ledger.
        var model = new HashSet<(string Customer, ConsentPurpose Purpose, ConsentChannel Channel)>();

        // Each sequence starts from one e-mail marketing grant, so that campaign notices have someone to go to; the
        // random steps may withdraw it.
        await consents.RecordAsync(new ConsentRecord("start", CustomerId.From(Customers[0]), ConsentPurpose.Marketing, ConsentChannel.Email, ConsentAction.Grant, ConsentSource.WebForm, Start - Duration.FromDays(1), "2027-01"));
        model.Add((Customers[0], ConsentPurpose.Marketing, ConsentChannel.Email));
        var violations = new List<string>();
        var sent = 0;
        var checkedIds = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 0; n < steps.Length; n++)
        {
            var (op, who, purpose, channelIndex, amount) = steps[n];
            var customerId = CustomerId.From(Customers[who]);
            var channel = (ConsentChannel)channelIndex;
            switch (op)
            {
                case Op.Grant or Op.Withdraw:
                    clock.Advance(Duration.FromSeconds(1));
                    var action = op == Op.Grant ? ConsentAction.Grant : ConsentAction.Withdraw;
                    await consents.RecordAsync(new ConsentRecord($"step-{n}", customerId, purpose, channel, action, ConsentSource.WebForm, clock.GetCurrentInstant(), "2027-01"));
                    if (action == ConsentAction.Grant)
                    {
                        model.Add((Customers[who], purpose, channel));
                    }
                    else
                    {
                        model.Remove((Customers[who], purpose, channel));
                    }

                    break;
                case Op.Campaigns:
                    await scheduler.RunDueAsync(clock.GetCurrentInstant());
                    break;
                case Op.Message:
                    var name = ChannelNames[channelIndex % ChannelNames.Length];
                    var recipient = name == OutboundChannelNames.Email ? $"{Customers[who]}@example.com.tr" : "+905320000000";
                    await notifications.EnqueueAsync(new NotificationRequest($"promo/{n}/{name}", MessageKind.Commercial, name, recipient, "Kampanya!") { CustomerId = customerId, Purpose = purpose });
                    break;
                case Op.Advance:
                    clock.Advance(Duration.FromHours(amount));
                    break;
                case Op.Dispatch:
                    await dispatcher.DispatchDueAsync();
                    break;
            }

            // Every delivery happens inside a dispatch round, when the model does not change: check the new ones now.
            foreach (var delivered in email.Delivered.Concat(sms.Delivered).Where(d => checkedIds.Add(d.MessageId)).ToList())
            {
                var message = (await outbox.FindAsync(delivered.MessageId))!;
                if (message.Kind != MessageKind.Commercial)
                {
                    continue;
                }

                sent++;
                Assert.True(NotificationService.TryReadPurpose(message.Metadata, out var messagePurpose));
                Assert.True(ConsentChannels.TryFromOutboundChannel(message.Channel, out var messageChannel));
                if (!model.Contains((message.CustomerId!.Value.Value, messagePurpose, messageChannel)))
                {
                    violations.Add($"step {n}: '{message.Id}' was sent to {message.CustomerId} for {messagePurpose} on {messageChannel} without consent");
                }
            }
        }

        return (sent, violations);
    }
}
