using CustomerCare.Customers;
using CustomerCare.Feedback.Surveys;
using CustomerCare.Orders;
using CustomerCare.Storage.InMemory;
using CustomerCare.Tests.Support;
using NodaTime;

namespace CustomerCare.Tests.Feedback;

public sealed class SurveyScoresTests
{
    private static readonly Instant Day0 = Instant.FromUtc(2027, 6, 1, 0, 0);

    [Theory]
    [InlineData(new[] { 5, 4, 3, 2, 1, 4 }, 6, 3, 50)]
    [InlineData(new[] { 4, 4, 5, 1 }, 4, 3, 75)]
    [InlineData(new[] { 3 }, 1, 0, 0)]
    [InlineData(new[] { 5, 5 }, 2, 2, 100)]
    public void Csat_IsTheShareOfFourAndFive(int[] scores, int responses, int satisfied, int percent)
    {
        var csat = SurveyScores.Csat(scores);

        Assert.Equal(new CsatSummary(responses, satisfied), csat);
        Assert.Equal(percent, csat.Percent);
    }

    [Fact]
    public void Csat_OfOneInThree_IsUnrounded()
    {
        Assert.Equal(100m / 3, SurveyScores.Csat([4, 3, 3]).Percent);
    }

    [Theory]
    [InlineData(new[] { 10, 9, 9, 8, 7, 6, 0, 3, 10, 9 }, 5, 2, 3, 20)]
    [InlineData(new[] { 0, 6, 7, 8 }, 0, 2, 2, -50)]
    [InlineData(new[] { 9, 10 }, 2, 0, 0, 100)]
    [InlineData(new[] { 6 }, 0, 0, 1, -100)]
    [InlineData(new[] { 7, 8 }, 0, 2, 0, 0)]
    public void Nps_IsPromotersMinusDetractors_InPercent(int[] scores, int promoters, int passives, int detractors, int score)
    {
        var nps = SurveyScores.Nps(scores);

        Assert.Equal(new NpsSummary(scores.Length, promoters, passives, detractors), nps);
        Assert.Equal(score, nps.Score);
    }

    [Fact]
    public void NoAnswers_HaveNoScore()
    {
        Assert.Equal((0, null), (SurveyScores.Csat([]).Responses, SurveyScores.Csat([]).Percent));
        Assert.Equal((0, null), (SurveyScores.Nps([]).Responses, SurveyScores.Nps([]).Score));
    }

    [Fact]
    public void AScoreOutsideTheRange_IsRefusedNamingItsPosition()
    {
        var csat = Assert.Throws<FieldValidationException>(() => SurveyScores.Csat([4, 0]));
        var nps = Assert.Throws<FieldValidationException>(() => SurveyScores.Nps([11]));

        Assert.Equal(("scores[1]", "0"), (csat.Errors[0].Field, csat.Errors[0].AttemptedValue));
        Assert.Equal(("scores[0]", "11"), (nps.Errors[0].Field, nps.Errors[0].AttemptedValue));
    }

    [Fact]
    public async Task FromTheStore_CountsOnlyAnswersOfTheKind_InTheHalfOpenWindow()
    {
        var store = new InMemorySurveyStore();
        var scores = new SurveyScores(store);
        await AnswerAsync(store, "a", SurveyKind.Csat, 5, Day0 - Duration.Epsilon);
        await AnswerAsync(store, "b", SurveyKind.Csat, 5, Day0);
        await AnswerAsync(store, "c", SurveyKind.Csat, 2, Day0 + Duration.FromDays(3));
        await AnswerAsync(store, "d", SurveyKind.Csat, 4, Day0 + Duration.FromDays(6));
        await AnswerAsync(store, "e", SurveyKind.Csat, 1, Day0 + Duration.FromDays(7));
        await AnswerAsync(store, "f", SurveyKind.Nps, 10, Day0 + Duration.FromDays(1));
        await AnswerAsync(store, "g", SurveyKind.Nps, 3, Day0 + Duration.FromDays(2));
        await AnswerAsync(store, "h", SurveyKind.Nps, 9, Day0 + Duration.FromDays(2));
        await AnswerAsync(store, "i", SurveyKind.Nps, 8, Day0 + Duration.FromDays(4));

        var week = (Day0, Day0 + Duration.FromDays(7));
        var csat = await scores.CsatAsync(week.Item1, week.Item2);
        var nps = await scores.NpsAsync(week.Item1, week.Item2);

        Assert.Equal(new CsatSummary(3, 2), csat);
        Assert.Equal(200m / 3, csat.Percent);
        Assert.Equal(new NpsSummary(4, 2, 1, 1), nps);
        Assert.Equal(25m, nps.Score);
        await Assert.ThrowsAsync<ArgumentException>(async () => await scores.CsatAsync(week.Item2, week.Item1));
    }

    [Fact]
    public async Task FromAnswersThroughTheService_UnderTurkishCulture()
    {
        using var culture = new TurkishCulture();
        await using var host = new FeedbackHarness();
        var start = host.Now;
        foreach (var (customer, score) in new[] { ("c-ı", 5), ("c-I", 4), ("c-i", 2), ("c-İ", 3) })
        {
            var invitation = await host.SentSurveyAsync(customer, "o-" + customer);
            await host.Surveys.RecordAnswerAsync(invitation.SurveyId, score, null, host.Now);
        }

        var csat = await host.Scores.CsatAsync(start, host.Now + Duration.Epsilon);

        Assert.Equal(new CsatSummary(4, 2), csat);
        Assert.Equal("50", csat.Percent!.Value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task AnswerAsync(InMemorySurveyStore store, string id, SurveyKind kind, int score, Instant at)
    {
        var survey = new Survey(SurveyId.From("s-" + id), CustomerId.From("c-" + id), OrderId.From("o-" + id), kind, at - Duration.FromDays(30), at - Duration.FromDays(30));
        await store.ScheduleAsync(survey);
        var sent = Assert.Single(await store.ClaimDueAsync(at, Duration.FromDays(60), 10));
        Assert.Equal(survey.Id, sent.Id);
        Assert.Equal(Storage.SurveyAnswerWriteOutcome.Recorded, (await store.RecordAnswerAsync(survey.Id, new SurveyAnswer(score, null, at, SurveyFollowUpAction.None))).Outcome);
    }
}
