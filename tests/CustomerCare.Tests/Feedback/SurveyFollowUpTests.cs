using CustomerCare.Feedback.Surveys;
using CustomerCare.Orders;

namespace CustomerCare.Tests.Feedback;

public sealed class SurveyFollowUpTests : IAsyncDisposable
{
    private readonly FeedbackHarness _host = new();

    [Theory]
    [InlineData(1, SurveyFollowUpAction.OpenComplaint)]
    [InlineData(2, SurveyFollowUpAction.OpenComplaint)]
    [InlineData(3, SurveyFollowUpAction.None)]
    [InlineData(4, SurveyFollowUpAction.None)]
    [InlineData(5, SurveyFollowUpAction.AskForReview)]
    public async Task Csat_DefaultThresholds_AtEveryScore(int score, SurveyFollowUpAction expected)
    {
        var invitation = await _host.SentSurveyAsync("c-1", "o-1");

        var outcome = await _host.Surveys.RecordAnswerAsync(invitation.SurveyId, score, null, _host.Now);

        Assert.Equal(expected, outcome.FollowUp);
        Assert.Equal(expected, _host.Surveys.FollowUpFor(SurveyKind.Csat, score));
    }

    [Theory]
    [InlineData(0, SurveyFollowUpAction.OpenComplaint)]
    [InlineData(6, SurveyFollowUpAction.OpenComplaint)]
    [InlineData(7, SurveyFollowUpAction.None)]
    [InlineData(8, SurveyFollowUpAction.None)]
    [InlineData(9, SurveyFollowUpAction.AskForReview)]
    [InlineData(10, SurveyFollowUpAction.AskForReview)]
    public async Task Nps_DefaultThresholds_AtTheBoundaries(int score, SurveyFollowUpAction expected)
    {
        await using var host = new FeedbackHarness(o => o.Kind = SurveyKind.Nps);
        var invitation = await host.SentSurveyAsync("c-1", "o-1");

        var outcome = await host.Surveys.RecordAnswerAsync(invitation.SurveyId, score, null, host.Now);

        Assert.Equal(expected, outcome.FollowUp);
        Assert.Equal(expected, host.Surveys.FollowUpFor(SurveyKind.Nps, score));
    }

    [Theory]
    [InlineData(3, SurveyFollowUpAction.OpenComplaint)]
    [InlineData(4, SurveyFollowUpAction.AskForReview)]
    public async Task ConfiguredThresholds_AreUsed(int score, SurveyFollowUpAction expected)
    {
        await using var host = new FeedbackHarness(o => (o.CsatLowAtMost, o.CsatHighAtLeast) = (3, 4));
        var invitation = await host.SentSurveyAsync("c-1", "o-1");

        Assert.Equal(expected, (await host.Surveys.RecordAnswerAsync(invitation.SurveyId, score, null, host.Now)).FollowUp);
    }

    [Fact]
    public void FollowUpFor_AScoreOutsideTheRange_IsRefusedNamingScore()
    {
        var refused = Assert.Throws<FieldValidationException>(() => _host.Surveys.FollowUpFor(SurveyKind.Csat, 0));

        Assert.Equal(("score", "0"), (refused.Errors[0].Field, refused.Errors[0].AttemptedValue));
    }

    [Fact]
    public async Task LowScore_ReachesEveryHandler_WithTheAnswerAndTheOrder()
    {
        var invitation = await _host.SentSurveyAsync("c-1", "o-1");

        await _host.Surveys.RecordAnswerAsync(invitation.SurveyId, 1, "Ürün kırık geldi", _host.Now);

        var followUp = Assert.Single(_host.FollowUps.Received);
        Assert.Equal(
            new SurveyFollowUp(SurveyFollowUpAction.OpenComplaint, invitation.SurveyId, invitation.CustomerId, OrderId.From("o-1"), SurveyKind.Csat, 1, "Ürün kırık geldi", _host.Now),
            followUp);
    }

    [Fact]
    public async Task HighScore_AsksForAReview_AndAMiddlingOneReachesNoHandler()
    {
        var high = await _host.SentSurveyAsync("c-1", "o-1");
        var middling = await _host.SentSurveyAsync("c-2", "o-2");

        await _host.Surveys.RecordAnswerAsync(high.SurveyId, 5, null, _host.Now);
        await _host.Surveys.RecordAnswerAsync(middling.SurveyId, 3, null, _host.Now);

        Assert.Equal([(SurveyFollowUpAction.AskForReview, high.SurveyId)], _host.FollowUps.Received.Select(f => (f.Action, f.SurveyId)));
    }

    [Fact]
    public async Task HandlerFailure_ReachesTheCaller_TheAnswerStays_AndTheRetryDeliversTheFollowUp()
    {
        var invitation = await _host.SentSurveyAsync("c-1", "o-1");
        _host.FollowUps.FailNext();

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await _host.Surveys.RecordAnswerAsync(invitation.SurveyId, 2, null, _host.Now));
        Assert.Equal(2, (await _host.SurveyStore.FindAsync(invitation.SurveyId))!.Answer!.Score);
        var retry = await _host.Surveys.RecordAnswerAsync(invitation.SurveyId, 2, null, _host.Now);

        Assert.Equal(SurveyAnswerStatus.AlreadyRecorded, retry.Status);
        Assert.Equal([invitation.SurveyId], _host.FollowUps.Received.Select(f => f.SurveyId));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
