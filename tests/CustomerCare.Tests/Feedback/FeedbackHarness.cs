using CustomerCare.Customers;
using CustomerCare.Feedback.Reviews;
using CustomerCare.Feedback.Surveys;
using CustomerCare.Orders;
using CustomerCare.Storage;
using CustomerCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Tests.Feedback;

/// <summary>The library as a host wires it: AddCustomerCare with surveys and review health, a fake clock, and events through the real processor.</summary>
internal sealed class FeedbackHarness : IAsyncDisposable
{
    public static readonly Instant Start = Instant.FromUtc(2027, 3, 1, 10, 0);

    private readonly ServiceProvider _provider;

    public FeedbackHarness(Action<SurveyOptions>? surveys = null, Action<ReviewHealthOptions>? reviews = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(Clock);
        services.AddSingleton<ISurveyFollowUp>(FollowUps);
        services.AddCustomerCare().AddSurveys(surveys).AddReviewHealth(reviews);
        _provider = services.BuildServiceProvider();
    }

    public FakeClock Clock { get; } = new(Start);

    public CommerceEvents Events { get; } = new();

    public RecordedFollowUps FollowUps { get; } = new();

    public Instant Now => Clock.GetCurrentInstant();

    public CustomerEventProcessor Processor => Get<CustomerEventProcessor>();

    public SurveyService Surveys => Get<SurveyService>();

    public ISurveyStore SurveyStore => Get<ISurveyStore>();

    public ICustomerStore Customers => Get<ICustomerStore>();

    public SurveyScores Scores => Get<SurveyScores>();

    public ReviewHealthMonitor Reviews => Get<ReviewHealthMonitor>();

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public async Task<CustomerId> RegisterAsync(string id, bool consent = true)
    {
        var customer = new CustomerBuilder().WithId(id).With(c => c with { Consents = Support.TestConsents.Surveys(consent) }).Build();
        Assert.Equal(EventApplyOutcome.Applied, (await Processor.ApplyAsync(Events.Registered(customer))).Outcome);
        return customer.Id;
    }

    /// <summary>Places and delivers an order now, and returns the delivery event.</summary>
    public async Task<OrderDelivered> DeliverAsync(CustomerId customer, string orderId)
    {
        var order = OrderId.From(orderId);
        Assert.Equal(EventApplyOutcome.Applied, (await Processor.ApplyAsync(Events.Placed(customer, order, new Money(250m, Currency.TRY), Now))).Outcome);
        var delivered = Events.Delivered(customer, order, Now);
        Assert.Equal(EventApplyOutcome.Applied, (await Processor.ApplyAsync(delivered)).Outcome);
        return delivered;
    }

    public async Task<Survey> SurveyOfAsync(string orderId) =>
        await SurveyStore.FindByOrderAsync(OrderId.From(orderId)) ?? throw new Xunit.Sdk.XunitException($"Order {orderId} has no survey.");

    /// <summary>Registers a customer, delivers an order, moves the clock to the due instant and sends: the survey is then open.</summary>
    public async Task<SurveyInvitation> SentSurveyAsync(string customerId, string orderId)
    {
        var customer = await RegisterAsync(customerId);
        await DeliverAsync(customer, orderId);
        Clock.Reset((await SurveyOfAsync(orderId)).DueAt);
        var sent = await Surveys.SendDueAsync(Now);
        return Assert.Single(sent.Invitations, i => i.OrderId == OrderId.From(orderId));
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}

/// <summary>A follow-up handler that keeps what it was given, and can be told to fail once, as a complaint desk that is down would.</summary>
internal sealed class RecordedFollowUps : ISurveyFollowUp
{
    private readonly List<SurveyFollowUp> _received = [];
    private readonly Lock _lock = new();
    private int _failuresLeft;

    public IReadOnlyList<SurveyFollowUp> Received
    {
        get
        {
            lock (_lock)
            {
                return [.. _received];
            }
        }
    }

    public void FailNext() => Interlocked.Exchange(ref _failuresLeft, 1);

    public ValueTask OnFollowUpAsync(SurveyFollowUp followUp, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _failuresLeft, 0) == 1)
        {
            throw new InvalidOperationException("The complaint desk is down.");
        }

        lock (_lock)
        {
            _received.Add(followUp);
        }

        return ValueTask.CompletedTask;
    }
}
