using System.Collections.Immutable;
using System.Text.Json;
using CustomerCare.Campaigns;
using CustomerCare.Complaints;
using CustomerCare.Coupons;
using CustomerCare.Coupons.Codes;
using CustomerCare.Customers;
using CustomerCare.Feedback.Reviews;
using CustomerCare.Feedback.Surveys;
using CustomerCare.Notifications;
using CustomerCare.Orders;
using CustomerCare.Policy.Compensation;
using CustomerCare.Policy.Promises;
using CustomerCare.Policy.Sla;
using CustomerCare.Storage.Serialization;
using CustomerCare.Testing;
using NodaTime;

namespace CustomerCare.Tests.Serialization;

public sealed class StorageJsonTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 3, 1, 9, 30, 15).PlusNanoseconds(123_456_789);

    [Fact]
    public void Customer_WithEveryFieldSet_RoundTripsFieldByField()
    {
        var customer = new CustomerBuilder().WithId("c-İı'\"%_\\").Named("Şükrü", "Işık").BornOn(1996, 2, 29).InZone("America/Sao_Paulo")
            .InCity("İstanbul").WithTags("VIP", "kış").WithEmail("sukru@example.com.tr").WithPhone("+905321234567").WithLocale("en-GB")
            .PayingIn(Currency.EUR).SignedUpAt(At)
            .With(c => c with
            {
                BirthdaySetAt = At,
                Consents = Support.TestConsents.Marketing(true),
                Gender = Gender.Male,
                Stats = c.Stats.WithOrderPlaced(new Money(149.90m, Currency.EUR), At).WithReturn(new Money(20m, Currency.EUR)),
                Engagement = c.Engagement.WithCategoryPurchases([("Kitap", 2), ("KİTAP", 1), ("ışık", 4)]) with { EmailOpens = 7, EmailClicks = 3, ReviewCount = 1, Subscriptions = ["bülten"] },
                Version = 42,
            })
            .Build();

        var json = StorageJson.Serialize(customer);
        var read = StorageJson.Deserialize<Customer>(json);

        StoreAssert.SameCustomer(customer, read, 42, "StorageJson");
        Assert.Equal(json, StorageJson.Serialize(read));
        Assert.Contains("\"time_zone\":\"America/Sao_Paulo\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("average_order_value", json, StringComparison.Ordinal);
        Assert.True(read.Tags.Contains("vıp") || read.Tags.Contains("VIP"), "tags keep the Turkish-aware comparer");
        Assert.Equal(3, read.Engagement.CategoryPurchases["kitap"]);
    }

    [Fact]
    public void Order_WithLines_RoundTrips()
    {
        var order = new Order(OrderId.From("o-1"), CustomerId.From("c-1"), At, new Money(300m, Currency.TRY))
        {
            Lines = [new OrderLine("p-1", 2, new Money(100m, Currency.TRY), "Kitap"), new OrderLine("p-2", 1, new Money(100m, Currency.TRY))],
            PromisedDeliveryDate = new LocalDate(2026, 3, 4),
            Status = OrderStatus.Delivered,
            ShippedAt = At,
            DeliveredAt = At.Plus(Duration.FromDays(2)),
            RefundedTotal = new Money(100m, Currency.TRY),
            Version = 3,
        };

        var read = StorageJson.Deserialize<Order>(StorageJson.SerializeToUtf8Bytes(order));

        StoreAssert.SameOrder(order, read, 3, "StorageJson");
    }

    [Fact]
    public void Complaint_WithFlagsSlaAndHistory_RoundTrips()
    {
        var complaint = new Complaint
        {
            Id = ComplaintId.New(),
            Channel = ComplaintChannel.ComplaintSite,
            SourceReference = "sikayetvar-123",
            AuthorHandle = "@İSTANBUL",
            Title = "Kargo gelmedi",
            Text = "Siparişim 10 gündür gelmedi. İade istiyorum!",
            IsPublic = true,
            OrderId = OrderId.From("o-9"),
            ProductId = "p-1",
            Match = new CustomerMatch(CustomerId.From("c-1"), MatchReason.CustomerId),
            Category = ComplaintCategory.LateDelivery,
            CategoryCorrectedBy = "ayşe",
            Sentiment = Sentiment.Negative,
            Priority = ComplaintPriority.High,
            Status = ComplaintStatus.Acknowledged,
            AssignedTo = "ayşe",
            ReceivedAt = At,
            FirstRespondedAt = At.Plus(Duration.FromMinutes(5)),
            Flags = [new SuspicionFlag(SuspicionReason.UnknownAuthor, "no customer")],
            Sla = [new SlaTimerState { SubjectId = "x", Metric = SlaMetric.FirstResponse, CalendarId = "tr", Target = Duration.FromHours(4), WarningAfter = Duration.FromHours(3), StartedAt = At, PhaseSince = At, Deadline = At.Plus(Duration.FromHours(4)) }],
            History = [new ComplaintHistoryEntry(At, "system", ComplaintAction.Received, null, "new", "Şikayetvar")],
            Version = 5,
        };

        var json = StorageJson.Serialize(complaint);
        var read = StorageJson.Deserialize<Complaint>(json);

        Assert.Equal(complaint with { Flags = [], Sla = [], History = [] }, read with { Flags = [], Sla = [], History = [] });
        Assert.Equal(complaint.Flags.AsEnumerable(), read.Flags.AsEnumerable());
        Assert.Equal(complaint.Sla.AsEnumerable(), read.Sla.AsEnumerable());
        Assert.Equal(complaint.History.AsEnumerable(), read.History.AsEnumerable());
        Assert.DoesNotContain("\"is_open\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Discounts))]
    public void CouponDefinition_WithEachKindOfDiscount_RoundTrips(string kind)
    {
        var discount = kind switch
        {
            "percent" => Discount.PercentOff(12.5m, new Money(50m, Currency.TRY)) with { Rounding = MidpointRounding.ToEven },
            "amount" => Discount.AmountOff(new Money(25m, Currency.TRY)),
            "shipping" => Discount.FreeShipping(),
            _ => Discount.FreeProduct("p-7"),
        };
        var definition = new CouponDefinition("bday", "Doğum günü", discount)
        {
            ValidFrom = At,
            ValidUntil = At.Plus(Duration.FromDays(7)),
            MinimumOrder = new Money(100m, Currency.TRY),
            IncludedProducts = ["p-1"],
            ExcludedCategories = ["Kitap"],
            EligibleSegments = ["vip"],
            Stacking = CouponStacking.Stackable,
            Priority = 2,
        };

        var read = StorageJson.Deserialize<CouponDefinition>(StorageJson.Serialize(definition));

        Assert.Equal(definition.Discount, read.Discount);
        Assert.Equal(StorageJson.Serialize(definition), StorageJson.Serialize(read));
        Assert.Equal(["p-1"], read.IncludedProducts);
        Assert.Equal(["Kitap"], read.ExcludedCategories);
    }

    public static TheoryData<string> Discounts() => new() { "percent", "amount", "shipping", "product" };

    [Fact]
    public void TheFlatRecords_RoundTripEqual()
    {
        var code = new CouponCodeGenerator().Generate(CouponCodePattern.Default);
        AssertRoundTrip(new Coupon(code, "bday", At) { AssignedTo = CustomerId.From("c-1"), MaxRedemptions = null, PerCustomerLimit = 2, ValidFrom = At, ValidUntil = At });
        AssertRoundTrip(new CampaignGrant("birthday", CustomerId.From("c-1"), "2026", At, code));
        AssertRoundTrip(new CompensationEntry(CustomerId.From("c-1"), "o-1", BrokenPromiseKind.LateDelivery, At, true));
        AssertRoundTrip(new Survey(SurveyId.New(), CustomerId.From("c-1"), OrderId.From("o-1"), SurveyKind.Nps, At, At)
        {
            Status = SurveyStatus.Answered,
            SentAt = At,
            ExpiresAt = At,
            Answer = new SurveyAnswer(9, "Çok iyi; \"hızlı\" kargo", At, SurveyFollowUpAction.AskForReview),
        });
        AssertRoundTrip(new ProductReview("r-1", "p-1", CustomerId.From("c-1"), 2, At) { OrderId = OrderId.From("o-1"), Text = "Kırık geldi" });
        var message = new OutboxMessage
        {
            Id = "complaint-received/CMP-1/email",
            Channel = "email",
            Recipient = "a@example.com",
            Subject = "Şikayetiniz alındı",
            Body = "<p>Merhaba</p>",
            ContentType = "text/html",
            Metadata = ImmutableDictionary<string, string>.Empty.Add("gate", "transactional"),
            Kind = MessageKind.Commercial,
            Priority = 5,
            CustomerId = CustomerId.From("c-1"),
            EnqueuedAt = At,
            DueAt = At,
            Status = OutboxStatus.Failed,
            Attempts = 2,
            LastError = "550",
        };
        var read = StorageJson.Deserialize<OutboxMessage>(StorageJson.Serialize(message));
        Assert.Equal(message with { Metadata = ImmutableDictionary<string, string>.Empty }, read with { Metadata = ImmutableDictionary<string, string>.Empty });
        Assert.Equal(message.Metadata, read.Metadata);
    }

    [Theory]
    [InlineData("""{"id":"c-1","name":{"given_name":"A"},"time_zone":"Mars/Olympus","signed_up_at":"2026-03-01T09:00:00Z","stats":{"total_spend":{"amount":0,"currency":"TRY"},"refunded_total":{"amount":0,"currency":"TRY"}}}""", "Mars/Olympus")]
    [InlineData("""{"id":"c-1","name":{"given_name":"A"},"email":"not-an-address","signed_up_at":"2026-03-01T09:00:00Z","stats":{"total_spend":{"amount":0,"currency":"TRY"},"refunded_total":{"amount":0,"currency":"TRY"}}}""", "not-an-address")]
    [InlineData("""{"id":"c-1","name":{"given_name":"A"},"signed_up_at":"yesterday","stats":{"total_spend":{"amount":0,"currency":"TRY"},"refunded_total":{"amount":0,"currency":"TRY"}}}""", "yesterday")]
    [InlineData("""{"id":"c-1","name":{"given_name":"A"},"gender":"robot","signed_up_at":"2026-03-01T09:00:00Z","stats":{"total_spend":{"amount":0,"currency":"TRY"},"refunded_total":{"amount":0,"currency":"TRY"}}}""", "$.gender")]
    [InlineData("""{"id":"c-1","name":{"given_name":"A"},"signed_up_at":"2026-03-01T09:00:00Z"}""", "stats")]
    public void Deserialize_ADocumentWithABadValue_IsAJsonExceptionNamingIt(string json, string named)
    {
        var error = Assert.ThrowsAny<JsonException>(() => StorageJson.Deserialize<Customer>(json));

        Assert.Contains(named, error.Message + " " + error.Path, StringComparison.Ordinal);
    }

    private static void AssertRoundTrip<T>(T value)
        where T : notnull
    {
        var json = StorageJson.Serialize(value);
        var read = StorageJson.Deserialize<T>(json);
        Assert.Equal(value, read);
        Assert.Equal(json, StorageJson.Serialize(read));
    }
}
