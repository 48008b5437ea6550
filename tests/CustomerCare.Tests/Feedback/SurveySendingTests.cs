using CustomerCare.Customers;
using CustomerCare.Feedback.Surveys;
using CustomerCare.Orders;
using CustomerCare.Testing;
using NodaTime;

namespace CustomerCare.Tests.Feedback;

public sealed class SurveySendingTests : IAsyncDisposable
{
    private static readonly Duration Due = Duration.FromDays(2);
    private readonly FeedbackHarness _host = new();

    [Fact]
    public async Task CustomerWithoutConsent_IsSkippedWithTheReason_AndTheSkipIsKept()
    {
        var customer = await _host.RegisterAsync("c-1", consent: false);
        await _host.DeliverAsync(customer, "o-1");
        _host.Clock.Advance(Due);

        var sent = await _host.Surveys.SendDueAsync(_host.Now);

        Assert.Empty(sent.Invitations);
        var survey = await _host.SurveyOfAsync("o-1");
        Assert.Equal([new SurveySkip(survey.Id, customer, SurveySkipReason.NoConsent)], sent.Skipped);
        Assert.Equal((SurveyStatus.Skipped, SurveySkipReason.NoConsent, _host.Now), (survey.Status, survey.SkipReason, survey.SkippedAt));
    }

    [Fact]
    public async Task ConsentNotRequired_CustomerWithoutConsentIsSurveyed()
    {
        await using var host = new FeedbackHarness(o => o.RequireConsent = false);
        var customer = await host.RegisterAsync("c-1", consent: false);
        await host.DeliverAsync(customer, "o-1");
        host.Clock.Advance(Due);

        Assert.Single((await host.Surveys.SendDueAsync(host.Now)).Invitations);
    }

    [Theory]
    [InlineData(10, SurveySkipReason.Fatigue)]
    [InlineData(29, SurveySkipReason.Fatigue)]
    [InlineData(30, null)]
    [InlineData(45, null)]
    public async Task SecondSurvey_WithinThirtyDaysOfTheFirst_IsSkippedForFatigue(int daysLater, SurveySkipReason? expected)
    {
        var first = await _host.SentSurveyAsync("c-1", "o-1");
        var firstSentAt = _host.Now;
        _host.Clock.Reset(firstSentAt + Duration.FromDays(daysLater) - Due);
        await _host.DeliverAsync(first.CustomerId, "o-2");
        _host.Clock.Advance(Due);

        var sent = await _host.Surveys.SendDueAsync(_host.Now);

        Assert.Equal(expected, sent.Skipped.SingleOrDefault()?.Reason);
        Assert.Equal(expected is null ? 1 : 0, sent.Invitations.Count);
    }

    [Fact]
    public async Task FatigueWindow_JustBeforeThirtyDays_StillHoldsTheNextSurveyBack()
    {
        var first = await _host.SentSurveyAsync("c-1", "o-1");
        var firstSentAt = _host.Now;
        _host.Clock.Advance(Duration.FromDays(20));
        await _host.DeliverAsync(first.CustomerId, "o-2");
        var second = await _host.SurveyOfAsync("o-2");

        var justBefore = await _host.Surveys.SendDueAsync(firstSentAt + Duration.FromDays(30) - Duration.Epsilon);

        Assert.Equal(second.Id, Assert.Single(justBefore.Skipped).SurveyId);
        Assert.Equal(SurveySkipReason.Fatigue, (await _host.SurveyStore.FindAsync(second.Id))!.SkipReason);
    }

    [Fact]
    public async Task TwoSurveysOfOneCustomerDueTogether_OnlyTheFirstIsSent()
    {
        var customer = await _host.RegisterAsync("c-1");
        await _host.DeliverAsync(customer, "o-1");
        _host.Clock.Advance(Duration.FromMinutes(5));
        await _host.DeliverAsync(customer, "o-2");
        _host.Clock.Advance(Due);

        var sent = await _host.Surveys.SendDueAsync(_host.Now);

        Assert.Equal([OrderId.From("o-1")], sent.Invitations.Select(i => i.OrderId));
        Assert.Equal([(await _host.SurveyOfAsync("o-2")).Id], sent.Skipped.Where(s => s.Reason == SurveySkipReason.Fatigue).Select(s => s.SurveyId));
    }

    [Fact]
    public async Task FatigueWindowZero_SendsEverySurvey()
    {
        await using var host = new FeedbackHarness(o => o.FatigueWindow = Duration.Zero);
        var customer = await host.RegisterAsync("c-1");
        await host.DeliverAsync(customer, "o-1");
        await host.DeliverAsync(customer, "o-2");
        host.Clock.Advance(Due);

        Assert.Equal(2, (await host.Surveys.SendDueAsync(host.Now)).Invitations.Count);
    }

    [Fact]
    public async Task ASkippedSurvey_DoesNotCountForFatigue()
    {
        var customer = await _host.RegisterAsync("c-1", consent: false);
        await _host.DeliverAsync(customer, "o-1");
        _host.Clock.Advance(Due);
        Assert.Equal(SurveySkipReason.NoConsent, Assert.Single((await _host.Surveys.SendDueAsync(_host.Now)).Skipped).Reason);

        await _host.Get<CustomerCare.Privacy.Consent.ConsentService>().RecordAsync(new CustomerCare.Privacy.Consent.ConsentRecord(
            "web:c-1:surveys", customer, CustomerCare.Privacy.Consent.ConsentPurpose.Surveys, CustomerCare.Privacy.Consent.ConsentChannel.Email,
            CustomerCare.Privacy.Consent.ConsentAction.Grant, CustomerCare.Privacy.Consent.ConsentSource.WebForm, _host.Now, "2027-01"));
        await _host.DeliverAsync(customer, "o-2");
        _host.Clock.Advance(Due);

        Assert.Equal([OrderId.From("o-2")], (await _host.Surveys.SendDueAsync(_host.Now)).Invitations.Select(i => i.OrderId));
    }

    [Fact]
    public async Task SurveyStillUnsentWhenItWouldHaveExpired_IsSkippedAsStale()
    {
        var customer = await _host.RegisterAsync("c-1");
        await _host.DeliverAsync(customer, "o-1");
        await _host.DeliverAsync(await _host.RegisterAsync("c-2"), "o-2");
        var survey = await _host.SurveyOfAsync("o-1");

        var stale = await _host.Surveys.SendDueAsync(survey.DueAt + Duration.FromDays(14));

        Assert.Equal([SurveySkipReason.Stale, SurveySkipReason.Stale], stale.Skipped.Select(s => s.Reason));
        Assert.Equal(SurveySkipReason.Stale, (await _host.SurveyOfAsync("o-1")).SkipReason);
    }

    [Fact]
    public async Task SurveyUnsentUntilJustBeforeItWouldHaveExpired_IsStillSent()
    {
        var customer = await _host.RegisterAsync("c-1");
        await _host.DeliverAsync(customer, "o-1");
        var survey = await _host.SurveyOfAsync("o-1");

        var late = await _host.Surveys.SendDueAsync(survey.DueAt + Duration.FromDays(14) - Duration.Epsilon);

        Assert.Equal(survey.Id, Assert.Single(late.Invitations).SurveyId);
    }

    [Fact]
    public async Task SurveyOfACustomerTheStoreNoLongerKnows_IsSkipped()
    {
        var ghost = new Survey(SurveyId.New(), CustomerId.From("c-ghost"), OrderId.From("o-ghost"), SurveyKind.Csat, _host.Now, _host.Now);
        await _host.SurveyStore.ScheduleAsync(ghost);

        var sent = await _host.Surveys.SendDueAsync(_host.Now);

        Assert.Equal([new SurveySkip(ghost.Id, ghost.CustomerId, SurveySkipReason.UnknownCustomer)], sent.Skipped);
    }

    [Fact]
    public async Task SendDue_ClaimsAtMostTheBatchSize_AndTheRestOnLaterCalls()
    {
        await using var host = new FeedbackHarness(o => o.SendBatchSize = 2);
        for (var i = 1; i <= 5; i++)
        {
            await host.DeliverAsync(await host.RegisterAsync($"c-{i}"), $"o-{i}");
        }

        host.Clock.Advance(Due);

        var counts = new List<int>();
        for (var call = 0; call < 4; call++)
        {
            counts.Add((await host.Surveys.SendDueAsync(host.Now)).Invitations.Count);
        }

        Assert.Equal([2, 2, 1, 0], counts);
    }

    [Fact]
    public async Task TwoHostsSendingAtOnce_NeverHandOutTheSameSurvey_AndTogetherHandOutAll()
    {
        await using var host = new FeedbackHarness(o => o.SendBatchSize = 3);
        for (var i = 1; i <= 40; i++)
        {
            await host.DeliverAsync(await host.RegisterAsync($"c-{i}"), $"o-{i}");
        }

        host.Clock.Advance(Due);
        var hosts = new[] { host.Surveys, new SurveyService(host.SurveyStore, host.Customers, new SurveyOptions { SendBatchSize = 3 }) };

        var handedOut = await Task.WhenAll(hosts.Select(service => Task.Run(async () =>
        {
            var mine = new List<SurveyInvitation>();
            while ((await service.SendDueAsync(host.Now)) is { Claimed: > 0 } result)
            {
                mine.AddRange(result.Invitations);
            }

            return mine;
        })));

        var all = handedOut.SelectMany(h => h).Select(i => i.OrderId.Value).ToArray();
        Assert.Equal(40, all.Length);
        Assert.Equal(40, all.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task SendDue_CancelledBeforeTheClaim_ClaimsNothing()
    {
        var customer = await _host.RegisterAsync("c-1");
        await _host.DeliverAsync(customer, "o-1");
        _host.Clock.Advance(Due);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await _host.Surveys.SendDueAsync(_host.Now, new CancellationToken(canceled: true)));

        Assert.Equal(SurveyStatus.Scheduled, (await _host.SurveyOfAsync("o-1")).Status);
        Assert.Single((await _host.Surveys.SendDueAsync(_host.Now)).Invitations);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
