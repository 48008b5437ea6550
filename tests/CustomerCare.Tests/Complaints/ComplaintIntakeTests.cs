using CustomerCare.Complaints;
using CustomerCare.Complaints.Intake;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Storage;
using CustomerCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Tests.Complaints;

public sealed class ComplaintIntakeTests : IAsyncDisposable
{
    private readonly FakeClock _clock = new(Instant.FromUtc(2027, 2, 1, 9, 0));
    private readonly ServiceProvider _provider;
    private readonly RecordingObserver _observer = new();

    public ComplaintIntakeTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(_clock);
        services.AddSingleton<IComplaintObserver>(_observer);
        services.AddCustomerCare(o =>
        {
            o.Policy.Assignment.Teams[ComplaintChannel.ComplaintSite] = ["ayse", "mehmet"];
            o.Policy.Assignment.Strategy = CustomerCare.Complaints.Assignment.AssignmentStrategy.RoundRobin;
        });
        _provider = services.BuildServiceProvider();
    }

    private ComplaintIntake Intake => _provider.GetRequiredService<ComplaintIntake>();

    [Fact]
    public async Task Receive_NormalizesClassifiesAcknowledgesAndAssigns()
    {
        await AddCustomerAsync("c-1", "ayse@example.com.tr", "+90 532 111 22 33", "S-1001");

        var result = await Intake.ReceiveAsync(Submission("sv-1", "Siparişim 10 gündür gelmedi, hâlâ bekliyorum!") with { OrderNumber = "S-1001", AuthorHandle = "ayse_k" });

        var complaint = result.Complaint;
        Assert.True(result.IsNew);
        Assert.Equal((ComplaintStatus.Acknowledged, ComplaintPriority.High, true), (complaint.Status, complaint.Priority, complaint.IsPublic));
        Assert.Equal(new CustomerMatch(CustomerId.From("c-1"), MatchReason.OrderNumber), complaint.Match);
        Assert.Equal(Sentiment.Negative, complaint.Sentiment);
        Assert.Contains(complaint.Category, new[] { ComplaintCategory.LateDelivery, ComplaintCategory.NeverDelivered });
        Assert.Equal("ayse", complaint.AssignedTo);
        Assert.Equal([ComplaintAction.Received, ComplaintAction.StatusChanged, ComplaintAction.Assigned], complaint.History.Select(h => h.Action));
        Assert.IsType<ComplaintReceived>(Assert.Single(_observer.Events));
    }

    [Theory]
    [InlineData("c-1", null, null, null, MatchReason.CustomerId)]
    [InlineData(null, "AYSE@example.com.tr", "+90 555 000 00 00", "S-1001", MatchReason.Email)]
    [InlineData(null, null, "+90 532 111 2233", "S-1001", MatchReason.Phone)]
    [InlineData(null, "someone@else.com", null, "S-1001", MatchReason.OrderNumber)]
    [InlineData("c-unknown", "someone@else.com", null, "S-9999", MatchReason.None)]
    public async Task Receive_MatchesTheCustomerInOrder_AndRecordsWhy(string? customerId, string? email, string? phone, string? order, MatchReason expected)
    {
        await AddCustomerAsync("c-1", "ayse@example.com.tr", "+90 532 111 22 33", "S-1001");

        var complaint = (await Intake.ReceiveAsync(Submission("m-1", "Ürün kırık geldi") with { CustomerId = customerId, Email = email, Phone = phone, OrderNumber = order })).Complaint;

        Assert.Equal(expected, complaint.Match.Reason);
        Assert.Equal(expected == MatchReason.None ? null : CustomerId.From("c-1"), complaint.CustomerId);
        Assert.Equal(expected == MatchReason.None, complaint.Flags.Any(f => f.Reason == CustomerCare.Complaints.SuspicionReason.UnknownAuthor));
    }

    [Fact]
    public async Task Receive_SameChannelAndReferenceTwice_IsOneComplaint()
    {
        var first = await Intake.ReceiveAsync(Submission("dup-1", "Kargom nerede?"));
        var second = await Intake.ReceiveAsync(Submission("dup-1", "Kargom nerede?"));
        var otherChannel = await Intake.ReceiveAsync(Submission("dup-1", "Kargom nerede?") with { Channel = ComplaintChannel.Twitter });

        Assert.False(second.IsNew);
        Assert.Equal(first.Complaint.Id, second.Complaint.Id);
        Assert.True(otherChannel.IsNew);
        Assert.Equal(2, await _provider.GetRequiredService<IComplaintStore>().CountAsync(new CustomerCare.Specifications.Specification<Complaint>()));
    }

    [Fact]
    public async Task Receive_ABurstFromOneAuthor_IsFlagged_NeverRefused()
    {
        var results = new List<Complaint>();
        for (var i = 0; i < 3; i++)
        {
            results.Add((await Intake.ReceiveAsync(Submission("burst-" + i, "Berbat bir firma, kimse almasın!") with { AuthorHandle = "@rakip" })).Complaint);
            _clock.AdvanceMinutes(5);
        }

        Assert.Equal([false, false, true], results.Select(c => c.Flags.Any(f => f.Reason == CustomerCare.Complaints.SuspicionReason.AuthorBurst)));
    }

    [Fact]
    public async Task Receive_PositiveFeedback_IsThankedAndResolved()
    {
        var complaint = (await Intake.ReceiveAsync(Submission("thx-1", "Çok teşekkür ederim, siparişim erkenden geldi, harika hizmet!") with { Channel = ComplaintChannel.Email })).Complaint;

        Assert.Equal((Sentiment.Positive, ComplaintStatus.Resolved, ComplaintPriority.Low), (complaint.Sentiment, complaint.Status, complaint.Priority));
        Assert.Contains(_observer.Events, e => e is PositiveFeedbackReceived);
    }

    [Fact]
    public async Task Receive_AnInvalidSubmission_NamesEveryFieldAndStoresNothing()
    {
        var refused = await Assert.ThrowsAsync<FieldValidationException>(async () => await Intake.ReceiveAsync(Submission(" padded", "") with
        {
            Email = "not-an-email",
            OrderNumber = new string('9', 200),
            WrittenAt = _clock.GetCurrentInstant() + Duration.FromHours(1),
        }));

        Assert.Equal(["source_reference", "text", "email", "order_number", "written_at"], refused.Errors.Select(e => e.Field));
        Assert.Equal(0, await _provider.GetRequiredService<IComplaintStore>().CountAsync(new CustomerCare.Specifications.Specification<Complaint>()));
        Assert.Empty(_observer.Events);
    }

    [Fact]
    public async Task Receive_TextWithAControlCharacter_OrTooLong_IsRefused()
    {
        var control = await Assert.ThrowsAsync<FieldValidationException>(async () => await Intake.ReceiveAsync(Submission("c-1", "Merhaba\u0000dünya")));
        var huge = await Assert.ThrowsAsync<FieldValidationException>(async () => await Intake.ReceiveAsync(Submission("c-2", new string('a', ComplaintLimits.MaxTextLength + 1))));

        Assert.Equal(("text", FieldErrorCodes.Malformed), (control.Errors[0].Field, control.Errors[0].Code));
        Assert.Equal(("text", FieldErrorCodes.TooLong), (huge.Errors[0].Field, huge.Errors[0].Code));
    }

    private static ComplaintSubmission Submission(string reference, string text) => new()
    {
        Channel = ComplaintChannel.ComplaintSite,
        SourceReference = reference,
        Text = text,
    };

    private async Task AddCustomerAsync(string id, string email, string phone, string orderId)
    {
        var events = new CommerceEvents("in");
        var processor = _provider.GetRequiredService<CustomerEventProcessor>();
        var customer = new CustomerBuilder().WithId(id).WithEmail(email).WithPhone(phone).SignedUpAt(_clock.GetCurrentInstant() - Duration.FromDays(400)).Build();
        await processor.ApplyAsync(events.Registered(customer));
        await processor.ApplyAsync(events.Placed(customer.Id, OrderId.From(orderId), new Money(300m, Currency.TRY), _clock.GetCurrentInstant() - Duration.FromDays(12)));
    }

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();

    private sealed class RecordingObserver : IComplaintObserver
    {
        public List<ComplaintEvent> Events { get; } = [];

        public ValueTask OnComplaintEventAsync(ComplaintEvent complaintEvent, CancellationToken cancellationToken = default)
        {
            lock (Events)
            {
                Events.Add(complaintEvent);
            }

            return ValueTask.CompletedTask;
        }
    }
}
