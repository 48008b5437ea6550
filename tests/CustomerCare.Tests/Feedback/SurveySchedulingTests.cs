using CustomerCare.Feedback.Surveys;
using CustomerCare.Orders;
using NodaTime;

namespace CustomerCare.Tests.Feedback;

public sealed class SurveySchedulingTests : IAsyncDisposable
{
    private readonly FeedbackHarness _host = new();

    [Fact]
    public async Task OrderDelivered_SchedulesOneCsatSurvey_DueTwoDaysLater()
    {
        var customer = await _host.RegisterAsync("c-1");

        var delivered = await _host.DeliverAsync(customer, "o-1");

        var survey = await _host.SurveyOfAsync("o-1");
        Assert.Equal((customer, SurveyKind.Csat, SurveyStatus.Scheduled), (survey.CustomerId, survey.Kind, survey.Status));
        Assert.Equal((delivered.OccurredAt, delivered.OccurredAt + Duration.FromDays(2)), (survey.DeliveredAt, survey.DueAt));
        Assert.Matches("^[0-9a-f]{32}$", survey.Id.Value);
        Assert.Equal(survey, await _host.SurveyStore.FindAsync(survey.Id));
    }

    [Fact]
    public async Task OrderDelivered_RedeliveredOrReplayed_SchedulesNothingNew()
    {
        var customer = await _host.RegisterAsync("c-1");
        var delivered = await _host.DeliverAsync(customer, "o-1");
        var first = await _host.SurveyOfAsync("o-1");

        var redelivery = await _host.Processor.ApplyAsync(delivered);
        _host.Clock.Advance(Duration.FromDays(3));
        await _host.Surveys.OnCommittedAsync(delivered);
        await _host.Surveys.OnCommittedAsync(delivered with { EventId = _host.Events.NextEventId(), OccurredAt = _host.Now });

        Assert.Equal(EventApplyOutcome.Duplicate, redelivery.Outcome);
        Assert.Equal(first, await _host.SurveyOfAsync("o-1"));
        var sent = await _host.Surveys.SendDueAsync(_host.Now);
        Assert.Equal([first.Id], sent.Invitations.Select(i => i.SurveyId));
    }

    [Fact]
    public async Task OtherEvents_ScheduleNothing()
    {
        var customer = await _host.RegisterAsync("c-1");
        var order = OrderId.From("o-1");
        await _host.Processor.ApplyAsync(_host.Events.Placed(customer, order, new Money(10m, Currency.TRY), _host.Now));
        await _host.Processor.ApplyAsync(_host.Events.Shipped(customer, order, _host.Now));
        await _host.Processor.ApplyAsync(_host.Events.Reviewed(customer, "sku-1", 5, _host.Now));

        Assert.Null(await _host.SurveyStore.FindByOrderAsync(order));
        _host.Clock.Advance(Duration.FromDays(30));
        Assert.Equal(0, (await _host.Surveys.SendDueAsync(_host.Now)).Claimed);
    }

    [Fact]
    public async Task RejectedDelivery_OfAnUnknownOrder_SchedulesNothing()
    {
        var customer = await _host.RegisterAsync("c-1");

        var result = await _host.Processor.ApplyAsync(_host.Events.Delivered(customer, OrderId.From("o-ghost"), _host.Now));

        Assert.Equal(EventApplyOutcome.Rejected, result.Outcome);
        Assert.Null(await _host.SurveyStore.FindByOrderAsync(OrderId.From("o-ghost")));
    }

    [Fact]
    public async Task Survey_IsNotSentBeforeItIsDue_AndAtItsDueInstantGoesOutWithItsExpiry()
    {
        var customer = await _host.RegisterAsync("c-1");
        await _host.DeliverAsync(customer, "o-1");
        var survey = await _host.SurveyOfAsync("o-1");

        var early = await _host.Surveys.SendDueAsync(survey.DueAt - Duration.Epsilon);
        var due = await _host.Surveys.SendDueAsync(survey.DueAt);

        Assert.Equal(0, early.Claimed);
        var invitation = Assert.Single(due.Invitations);
        Assert.Equal(new SurveyInvitation(survey.Id, customer, OrderId.From("o-1"), SurveyKind.Csat, survey.DueAt + Duration.FromDays(14)), invitation);
        Assert.Empty(due.Skipped);
        var stored = await _host.SurveyOfAsync("o-1");
        Assert.Equal((SurveyStatus.Sent, survey.DueAt, invitation.ExpiresAt), (stored.Status, stored.SentAt, stored.ExpiresAt));
        Assert.Equal(0, (await _host.Surveys.SendDueAsync(survey.DueAt + Duration.FromDays(1))).Claimed);
    }

    [Fact]
    public async Task ConfiguredKindAndDelay_AreUsed()
    {
        await using var host = new FeedbackHarness(o => (o.Kind, o.DelayAfterDelivery) = (SurveyKind.Nps, Duration.FromHours(6)));
        var customer = await host.RegisterAsync("c-1");

        var delivered = await host.DeliverAsync(customer, "o-1");

        var survey = await host.SurveyOfAsync("o-1");
        Assert.Equal((SurveyKind.Nps, delivered.OccurredAt + Duration.FromHours(6)), (survey.Kind, survey.DueAt));
    }

    [Fact]
    public async Task EachDeliveredOrder_GetsItsOwnSurvey()
    {
        var customer = await _host.RegisterAsync("c-1");

        await _host.DeliverAsync(customer, "o-1");
        await _host.DeliverAsync(customer, "o-2");

        Assert.NotEqual((await _host.SurveyOfAsync("o-1")).Id, (await _host.SurveyOfAsync("o-2")).Id);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
