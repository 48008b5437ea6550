using System.Collections.Immutable;
using CustomerCare.Campaigns;
using CustomerCare.Complaints;
using CustomerCare.Coupons;
using CustomerCare.Coupons.Codes;
using CustomerCare.Coupons.Redemptions;
using CustomerCare.Customers;
using CustomerCare.Feedback.Reviews;
using CustomerCare.Feedback.Surveys;
using CustomerCare.Notifications;
using CustomerCare.Orders;
using CustomerCare.Policy.Compensation;
using CustomerCare.Policy.Promises;
using CustomerCare.Privacy.Consent;
using CustomerCare.Storage;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit;

namespace CustomerCare.Testing;

public abstract partial class PersonalDataErasureConformanceTests
{
    /// <summary>The customer's e-mail address: Turkish letters in the local part and the domain.</summary>
    protected const string Email = "ışıl.şahin@örnek.com.tr";

    /// <summary>The customer's phone number, as stored.</summary>
    protected const string Phone = "+905321234567";

    /// <summary>The customer's given name.</summary>
    protected const string GivenName = "Işıl";

    /// <summary>The customer's family name, two words joined by a hyphen.</summary>
    protected const string FamilyName = "Şahin-Çağlar";

    private static readonly Instant Now = Instant.FromUtc(2027, 3, 1, 12, 0);
    private static readonly Instant Earlier = Now - Duration.FromDays(20);

    /// <summary>What a search must not find after the erasure: the e-mail, the phone in its stored and written forms, each name part.</summary>
    private static readonly string[] Needles = [Email, Phone, "5321234567", "0532 123 45 67", GivenName, "Şahin", "Çağlar"];

    private static readonly CustomerId Subject = CustomerId.From("c-1001");
    private static readonly CustomerId Bystander = CustomerId.From("c-1002");

    private sealed record Seeded(CouponCode Code, OrderId Order, ComplaintId Complaint, ComplaintId BystanderComplaint, SurveyId Survey, string Review);

    private static async Task<Seeded> SeedAsync(IServiceProvider services)
    {
        var customers = services.GetRequiredService<ICustomerStore>();
        var subject = new CustomerBuilder().WithId(Subject.Value).Named(GivenName, FamilyName).WithEmail(Email).WithPhone("+90 532 123 45 67")
            .InCity("Kadıköy").BornOn(1990, 7, 14).WithTags("vip").Build();
        var bystander = new CustomerBuilder().WithId(Bystander.Value).Named("Ayşe", "Yılmaz").WithEmail("ayse@example.com").Build();
        var order = new Order(OrderId.From("o-1"), Subject, Earlier, new Money(250m, subject.Stats.TotalSpend.Currency))
        {
            Lines = [new OrderLine("sku-1", 2, new Money(125m, subject.Stats.TotalSpend.Currency), "kitap")],
            Status = OrderStatus.Delivered,
        };
        subject = subject with { Stats = subject.Stats.WithOrderPlaced(order.Total, order.PlacedAt) };
        var committed = await customers.CommitAsync(new CustomerChangeSet
        {
            Customers = [new VersionedWrite<Customer>(subject, 0), new VersionedWrite<Customer>(bystander, 0)],
            Orders = [new VersionedWrite<Order>(order, 0)],
            Events = [new ProcessedEvent(EventId.From("e-1"), "order_placed", Subject, Earlier)],
        });
        Assert.True(committed.IsCommitted, $"Seeding the customers failed: {committed.Outcome}.");

        var complaints = services.GetRequiredService<IComplaintStore>();
        var complaint = (await complaints.AddAsync(new Complaint
        {
            Id = ComplaintId.New(),
            Channel = ComplaintChannel.Email,
            SourceReference = "mail-1",
            AuthorHandle = Email,
            Title = $"{GivenName} {FamilyName}: siparişim gelmedi",
            Text = $"Merhaba, ben {GivenName.ToUpper(System.Globalization.CultureInfo.GetCultureInfo("tr-TR"))} {FamilyName}. Siparişim o-1 gelmedi. Bana 0532 123 45 67 numarasından ya da {Email} adresinden ulaşın.",
            OrderId = order.Id,
            Match = new CustomerMatch(Subject, MatchReason.Email),
            Category = ComplaintCategory.LateDelivery,
            ReceivedAt = Earlier,
            Flags = [new SuspicionFlag(SuspicionReason.AuthorBurst, $"{Email} wrote 3 times today")],
            History = [new ComplaintHistoryEntry(Earlier, ComplaintHistoryEntry.System, ComplaintAction.CustomerReplied, null, null, $"{GivenName} aradı: {Phone}")],
        })).Complaint;
        var bystanderComplaint = (await complaints.AddAsync(new Complaint
        {
            Id = ComplaintId.New(),
            Channel = ComplaintChannel.ContactForm,
            SourceReference = "form-1",
            AuthorHandle = "ayse@example.com",
            Text = "Ayşe Yılmaz: kargo hasarlı geldi.",
            Match = new CustomerMatch(Bystander, MatchReason.Email),
            Category = ComplaintCategory.Damaged,
            ReceivedAt = Earlier,
        })).Complaint;

        var surveys = services.GetRequiredService<ISurveyStore>();
        var survey = new Survey(SurveyId.From("s-1"), Subject, order.Id, SurveyKind.Csat, Earlier, Earlier + Duration.FromDays(1));
        Assert.True(await surveys.ScheduleAsync(survey));
        Assert.Single(await surveys.ClaimDueAsync(Earlier + Duration.FromDays(1), Duration.FromDays(7), 10));
        var answered = await surveys.RecordAnswerAsync(survey.Id, new SurveyAnswer(2, $"Kargo geç geldi. {GivenName} {FamilyName}, {Phone}", Earlier + Duration.FromDays(2), SurveyFollowUpAction.OpenComplaint));
        Assert.Equal(SurveyAnswerWriteOutcome.Recorded, answered.Outcome);

        var reviews = services.GetRequiredService<IReviewStore>();
        var review = new ProductReview("r-1", "sku-1", Subject, 4, Earlier + Duration.FromDays(3)) { OrderId = order.Id, Text = $"Güzel kitap. — {GivenName} Ş. ({Email})" };
        Assert.True(await reviews.AddAsync(review));

        var outbox = services.GetRequiredService<IOutboxStore>();
        Assert.True(await outbox.EnqueueAsync(new OutboxMessage
        {
            Id = "ack/mail-1/email",
            Channel = "email",
            Recipient = Email,
            Subject = $"Sayın {GivenName} {FamilyName}, mesajınızı aldık",
            Body = $"Sevgili {GivenName}, şikâyetinizi aldık. Sizi {Phone} numarasından arayacağız.",
            Metadata = ImmutableDictionary<string, string>.Empty.Add("greeting", $"Sevgili {GivenName}"),
            CustomerId = Subject,
            EnqueuedAt = Earlier,
            DueAt = Earlier,
        }));
        Assert.True(await outbox.EnqueueAsync(new OutboxMessage
        {
            Id = "birthday/2027/sms",
            Channel = "sms",
            Recipient = Phone,
            Body = $"İyi ki doğdun {GivenName}!",
            Kind = MessageKind.Commercial,
            EnqueuedAt = Now,
            DueAt = Now + Duration.FromDays(1),
        }));
        Assert.True(await outbox.EnqueueAsync(new OutboxMessage
        {
            Id = "ack/form-1/email",
            Channel = "email",
            Recipient = "ayse@example.com",
            Body = "Sevgili Ayşe, şikâyetinizi aldık.",
            CustomerId = Bystander,
            EnqueuedAt = Earlier,
            DueAt = Earlier,
        }));

        var coupons = services.GetRequiredService<ICouponStore>();
        await coupons.AddDefinitionAsync(new CouponDefinition("recovery", "Özür kuponu", Discount.PercentOff(10)));
        var code = new CouponCodeGenerator().Generate(CouponCodePattern.Default);
        var granted = await services.GetRequiredService<ICampaignLedger>().GrantAsync(
            new CampaignGrant("recovery", Subject, "2027-03", Earlier, code), new Coupon(code, "recovery", Earlier) { AssignedTo = Subject });
        Assert.Equal(GrantOutcome.Granted, granted);
        var reserved = await coupons.ReserveAsync(new RedemptionRequest(code, order.Id, Subject, new Money(25m, subject.Stats.TotalSpend.Currency), Earlier));
        Assert.Equal(RedemptionOutcome.Done, reserved.Outcome);
        Assert.Equal(RedemptionOutcome.Done, (await coupons.ConfirmAsync(code, order.Id, Earlier)).Outcome);

        var compensation = await services.GetRequiredService<ICompensationLedger>().RecordAsync(
            new CompensationEntry(Subject, order.Id.Value, BrokenPromiseKind.LateDelivery, Earlier, WithCoupon: true), 3, Earlier - Duration.FromDays(30));
        Assert.Equal(CompensationOutcome.Recorded, compensation.Outcome);

        await services.GetRequiredService<ISegmentMembershipStore>().RecordAsync("vip", Earlier, [Subject, Bystander]);

        // The evidence of a consent names the customer; an erasure removes it and keeps what was agreed and when.
        var consent = new ConsentRecord("consent-1", Subject, ConsentPurpose.Marketing, ConsentChannel.Email, ConsentAction.Grant, ConsentSource.WebForm, Earlier, "2027-01", $"web form sent from {Email} by {GivenName} Şahin");
        Assert.Equal(1, await services.GetRequiredService<IConsentLedger>().AppendAsync([consent]));

        return new Seeded(code, order.Id, complaint.Id, bystanderComplaint.Id, survey.Id, review.ReviewId);
    }
}
