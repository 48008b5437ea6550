using CustomerCare.Feedback.Surveys;
using CustomerCare.Orders;
using NodaTime;

namespace CustomerCare.Tests.Feedback;

public sealed class SurveyAnswerTests : IAsyncDisposable
{
    private readonly FeedbackHarness _host = new();

    [Fact]
    public async Task Answer_ToAnOpenSurvey_IsRecordedWithItsFollowUp()
    {
        var invitation = await _host.SentSurveyAsync("c-1", "o-1");
        _host.Clock.Advance(Duration.FromHours(3));

        var outcome = await _host.Surveys.RecordAnswerAsync(invitation.SurveyId, 3, "  Fena değil  ", _host.Now);

        Assert.Equal((SurveyAnswerStatus.Recorded, SurveyFollowUpAction.None, true), (outcome.Status, outcome.FollowUp, outcome.Succeeded));
        var stored = await _host.SurveyStore.FindAsync(invitation.SurveyId);
        Assert.Equal(SurveyStatus.Answered, stored!.Status);
        Assert.Equal(new SurveyAnswer(3, "  Fena değil  ", _host.Now, SurveyFollowUpAction.None), stored.Answer);
        Assert.Equal(stored, outcome.Survey);
    }

    [Theory]
    [InlineData(SurveyKind.Csat, 0)]
    [InlineData(SurveyKind.Csat, 6)]
    [InlineData(SurveyKind.Csat, -1)]
    [InlineData(SurveyKind.Nps, -1)]
    [InlineData(SurveyKind.Nps, 11)]
    [InlineData(SurveyKind.Nps, int.MaxValue)]
    public async Task Answer_WithAScoreOutsideTheKindsRange_IsRefusedNamingScoreAndValue(SurveyKind kind, int score)
    {
        await using var host = new FeedbackHarness(o => o.Kind = kind);
        var invitation = await host.SentSurveyAsync("c-1", "o-1");

        var refused = await Assert.ThrowsAsync<FieldValidationException>(async () => await host.Surveys.RecordAnswerAsync(invitation.SurveyId, score, null, host.Now));

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("score", score.ToString(System.Globalization.CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange), (error.Field, error.AttemptedValue, error.Code));
        Assert.Contains(kind == SurveyKind.Csat ? "between 1 and 5" : "between 0 and 10", error.Message, StringComparison.Ordinal);
        Assert.Equal(SurveyStatus.Sent, (await host.SurveyStore.FindAsync(invitation.SurveyId))!.Status);
    }

    [Theory]
    [InlineData(SurveyKind.Csat, 1)]
    [InlineData(SurveyKind.Csat, 5)]
    [InlineData(SurveyKind.Nps, 0)]
    [InlineData(SurveyKind.Nps, 10)]
    public async Task Answer_AtTheEndsOfTheKindsRange_IsRecorded(SurveyKind kind, int score)
    {
        await using var host = new FeedbackHarness(o => o.Kind = kind);
        var invitation = await host.SentSurveyAsync("c-1", "o-1");

        Assert.Equal(SurveyAnswerStatus.Recorded, (await host.Surveys.RecordAnswerAsync(invitation.SurveyId, score, null, host.Now)).Status);
    }

    [Fact]
    public async Task Answer_WithACommentTooLong_IsRefusedNamingComment()
    {
        var invitation = await _host.SentSurveyAsync("c-1", "o-1");

        var refused = await Assert.ThrowsAsync<FieldValidationException>(async () =>
            await _host.Surveys.RecordAnswerAsync(invitation.SurveyId, 4, new string('ş', SurveyOptions.MaxCommentLength + 1), _host.Now));

        Assert.Equal(("comment", FieldErrorCodes.TooLong), (refused.Errors[0].Field, refused.Errors[0].Code));
        Assert.Equal(SurveyAnswerStatus.Recorded, (await _host.Surveys.RecordAnswerAsync(invitation.SurveyId, 4, new string('ş', SurveyOptions.MaxCommentLength), _host.Now)).Status);
    }

    [Fact]
    public async Task Answer_BlankComment_IsStoredAsNone()
    {
        var invitation = await _host.SentSurveyAsync("c-1", "o-1");

        await _host.Surveys.RecordAnswerAsync(invitation.SurveyId, 4, " \t", _host.Now);

        Assert.Null((await _host.SurveyStore.FindAsync(invitation.SurveyId))!.Answer!.Comment);
    }

    [Fact]
    public async Task Answer_ToAnUnknownSurvey_IsRefusedAsUnknown()
    {
        var outcome = await _host.Surveys.RecordAnswerAsync(SurveyId.From("no-such-survey"), 4, null, _host.Now);

        Assert.Equal((SurveyAnswerStatus.UnknownSurvey, false, null), (outcome.Status, outcome.Succeeded, outcome.Survey));
    }

    [Fact]
    public async Task Answer_ToASurveyNotSentYet_IsRefusedAsNotSent()
    {
        await _host.DeliverAsync(await _host.RegisterAsync("c-1"), "o-1");
        var survey = await _host.SurveyOfAsync("o-1");

        var outcome = await _host.Surveys.RecordAnswerAsync(survey.Id, 4, null, _host.Now);

        Assert.Equal((SurveyAnswerStatus.NotSent, SurveyFollowUpAction.None), (outcome.Status, outcome.FollowUp));
        Assert.Null((await _host.SurveyOfAsync("o-1")).Answer);
    }

    [Fact]
    public async Task Answer_ToASkippedSurvey_IsRefusedAsSkipped()
    {
        await _host.DeliverAsync(await _host.RegisterAsync("c-1", consent: false), "o-1");
        var survey = await _host.SurveyOfAsync("o-1");
        await _host.Surveys.SendDueAsync(survey.DueAt);

        var outcome = await _host.Surveys.RecordAnswerAsync(survey.Id, 1, "Hiç gelmedi", survey.DueAt + Duration.FromHours(1));

        Assert.Equal(SurveyAnswerStatus.Skipped, outcome.Status);
        Assert.Empty(_host.FollowUps.Received);
    }

    [Fact]
    public async Task Answer_AtTheExpiryInstant_IsRefusedAsExpired_AndJustBeforeIsRecorded()
    {
        var expired = await _host.SentSurveyAsync("c-1", "o-1");
        var open = await _host.SentSurveyAsync("c-2", "o-2");

        var late = await _host.Surveys.RecordAnswerAsync(expired.SurveyId, 1, null, expired.ExpiresAt);
        var inTime = await _host.Surveys.RecordAnswerAsync(open.SurveyId, 1, null, open.ExpiresAt - Duration.Epsilon);

        Assert.Equal(SurveyAnswerStatus.Expired, late.Status);
        Assert.Equal(SurveyStatus.Sent, late.Survey!.Status);
        Assert.Equal(SurveyAnswerStatus.Recorded, inTime.Status);
        Assert.Single(_host.FollowUps.Received);
    }

    [Fact]
    public async Task SameAnswerAgain_ReturnsTheFirstResult_EvenAfterExpiry()
    {
        var invitation = await _host.SentSurveyAsync("c-1", "o-1");
        var first = await _host.Surveys.RecordAnswerAsync(invitation.SurveyId, 5, "Harika", _host.Now);

        var again = await _host.Surveys.RecordAnswerAsync(invitation.SurveyId, 5, "Harika", _host.Now + Duration.FromHours(1));
        var afterExpiry = await _host.Surveys.RecordAnswerAsync(invitation.SurveyId, 5, "Başka yorum", invitation.ExpiresAt + Duration.FromDays(1));

        Assert.Equal(SurveyAnswerStatus.Recorded, first.Status);
        Assert.Equal((SurveyAnswerStatus.AlreadyRecorded, SurveyFollowUpAction.AskForReview, first.Survey), (again.Status, again.FollowUp, again.Survey));
        Assert.Equal((SurveyAnswerStatus.AlreadyRecorded, first.Survey), (afterExpiry.Status, afterExpiry.Survey));
        Assert.Equal("Harika", (await _host.SurveyStore.FindAsync(invitation.SurveyId))!.Answer!.Comment);
    }

    [Fact]
    public async Task SameAnswerAgain_AfterTheThresholdsChanged_KeepsTheFirstFollowUp()
    {
        var invitation = await _host.SentSurveyAsync("c-1", "o-1");
        await _host.Surveys.RecordAnswerAsync(invitation.SurveyId, 2, null, _host.Now);
        var stricter = new SurveyService(_host.SurveyStore, _host.Customers, new SurveyOptions { CsatLowAtMost = 1 });

        var again = await stricter.RecordAnswerAsync(invitation.SurveyId, 2, null, _host.Now);

        Assert.Equal((SurveyAnswerStatus.AlreadyRecorded, SurveyFollowUpAction.OpenComplaint), (again.Status, again.FollowUp));
        Assert.Equal(SurveyFollowUpAction.None, stricter.FollowUpFor(SurveyKind.Csat, 2));
    }

    [Fact]
    public async Task DifferentScore_ForAnAnsweredSurvey_IsATypedConflict_AndTheFirstAnswerStays()
    {
        var invitation = await _host.SentSurveyAsync("c-1", "o-1");
        await _host.Surveys.RecordAnswerAsync(invitation.SurveyId, 4, null, _host.Now);

        var conflict = await _host.Surveys.RecordAnswerAsync(invitation.SurveyId, 1, "Aslında kötü", _host.Now);

        Assert.Equal((SurveyAnswerStatus.Conflict, false, SurveyFollowUpAction.None), (conflict.Status, conflict.Succeeded, conflict.FollowUp));
        Assert.Equal(4, conflict.Survey!.Answer!.Score);
        Assert.Equal(4, (await _host.SurveyStore.FindAsync(invitation.SurveyId))!.Answer!.Score);
        Assert.Empty(_host.FollowUps.Received);
    }

    [Fact]
    public async Task ManyIdenticalAnswersAtOnce_RecordOne_AndTheRestGetTheFirstResult()
    {
        var invitation = await _host.SentSurveyAsync("c-1", "o-1");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(async () =>
            await _host.Surveys.RecordAnswerAsync(invitation.SurveyId, 1, "Kırık", _host.Now))));

        Assert.Single(outcomes, o => o.Status == SurveyAnswerStatus.Recorded);
        Assert.All(outcomes, o => Assert.Equal(SurveyFollowUpAction.OpenComplaint, o.FollowUp));
        Assert.Equal(11, outcomes.Count(o => o.Status == SurveyAnswerStatus.AlreadyRecorded));
    }

    [Fact]
    public async Task ManyDifferentAnswersAtOnce_StoreExactlyOne_AndTheOthersAreConflictsUnlessTheyMatchIt()
    {
        var invitation = await _host.SentSurveyAsync("c-1", "o-1");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 15).Select(i => Task.Run(async () =>
            await _host.Surveys.RecordAnswerAsync(invitation.SurveyId, 1 + (i % 5), null, _host.Now))));

        var winner = Assert.Single(outcomes, o => o.Status == SurveyAnswerStatus.Recorded).Survey!.Answer!.Score;
        Assert.Equal(winner, (await _host.SurveyStore.FindAsync(invitation.SurveyId))!.Answer!.Score);
        Assert.Equal(12, outcomes.Count(o => o.Status == SurveyAnswerStatus.Conflict));
        Assert.All(outcomes.Where(o => o.Status == SurveyAnswerStatus.Conflict), o => Assert.Equal(winner, o.Survey!.Answer!.Score));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
