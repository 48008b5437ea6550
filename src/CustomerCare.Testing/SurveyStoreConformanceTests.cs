using CustomerCare.Customers;
using CustomerCare.Feedback.Surveys;
using CustomerCare.Orders;
using CustomerCare.Storage;
using NodaTime;
using Xunit;

namespace CustomerCare.Testing;

/// <summary>
/// The required conformance suite of <see cref="ISurveyStore"/>: one survey per order, claims that hand each due
/// survey to exactly one caller even when many claim at once, skips kept with their reason, answers stored once even
/// when many arrive at once, and the reads the scores and the fatigue rule rely on.
/// </summary>
/// <remarks>Derive it once per store and override <see cref="CreateSurveyStoreAsync"/>; each test gets a fresh, isolated store.</remarks>
[ConformanceSuite(typeof(ISurveyStore))]
public abstract class SurveyStoreConformanceTests
{
    private static readonly Instant Day0 = Instant.FromUtc(2027, 4, 1, 8, 0);
    private static readonly Duration Fortnight = Duration.FromDays(14);

    /// <summary>Creates an empty store for one test; when it is <see cref="IAsyncDisposable"/> the test disposes it.</summary>
    /// <returns>The store.</returns>
    protected abstract ValueTask<ISurveyStore> CreateSurveyStoreAsync();

    /// <summary>A scheduled survey is found by identifier and by order, exactly as it was stored.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public Task Schedule_ThenFind_ByIdentifierAndByOrder() => RunAsync(async store =>
    {
        var survey = Scheduled("s-1", "c-1", "o-1", Day(2));

        Assert.True(await store.ScheduleAsync(survey));

        Assert.Equal(survey, await store.FindAsync(survey.Id));
        Assert.Equal(survey, await store.FindByOrderAsync(survey.OrderId));
        Assert.Null(await store.FindAsync(SurveyId.From("s-404")));
        Assert.Null(await store.FindByOrderAsync(OrderId.From("o-404")));
    });

    /// <summary>A second survey for the same order is not stored, whatever its identifier; the first stays.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public Task Schedule_SameOrderAgain_KeepsTheFirst() => RunAsync(async store =>
    {
        var first = Scheduled("s-1", "c-1", "o-1", Day(2));
        var again = Scheduled("s-2", "c-1", "o-1", Day(5)) with { Kind = SurveyKind.Nps };

        Assert.True(await store.ScheduleAsync(first));
        Assert.False(await store.ScheduleAsync(again));
        Assert.False(await store.ScheduleAsync(first));

        Assert.Equal(first, await store.FindByOrderAsync(first.OrderId));
        Assert.Null(await store.FindAsync(again.Id));
    });

    /// <summary>Only a fresh scheduled survey can be scheduled, and an identifier cannot serve two orders.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public Task Schedule_ASurveyThatIsNotFresh_OrATakenIdentifier_IsAnArgumentError() => RunAsync(async store =>
    {
        await store.ScheduleAsync(Scheduled("s-1", "c-1", "o-1", Day(2)));

        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.ScheduleAsync(Scheduled("s-2", "c-1", "o-2", Day(2)) with { Status = SurveyStatus.Sent, SentAt = Day0 }));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.ScheduleAsync(Scheduled("s-3", "c-1", "o-3", Day(2)) with { Answer = new SurveyAnswer(5, null, Day0, SurveyFollowUpAction.AskForReview) }));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.ScheduleAsync(Scheduled("s-1", "c-2", "o-9", Day(2))));
        Assert.Null(await store.FindByOrderAsync(OrderId.From("o-9")));
    });

    /// <summary>A claim takes due surveys only, earliest due first then by identifier, up to the limit, and marks them sent with their expiry.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public Task ClaimDue_TakesDueSurveysInDueOrder_UpToTheLimit_AndMarksThemSent() => RunAsync(async store =>
    {
        await store.ScheduleAsync(Scheduled("s-b", "c-1", "o-1", Day(2)));
        await store.ScheduleAsync(Scheduled("s-a", "c-2", "o-2", Day(2)));
        await store.ScheduleAsync(Scheduled("s-c", "c-3", "o-3", Day(1)));
        await store.ScheduleAsync(Scheduled("s-d", "c-4", "o-4", Day(3)));
        var now = Day(2);

        var first = await store.ClaimDueAsync(now, Fortnight, limit: 2);
        var second = await store.ClaimDueAsync(now, Fortnight, limit: 2);
        var third = await store.ClaimDueAsync(now, Fortnight, limit: 2);

        Assert.Equal(["s-c", "s-a"], first.Select(s => s.Id.Value));
        Assert.Equal(["s-b"], second.Select(s => s.Id.Value));
        Assert.Empty(third);
        Assert.All(first.Concat(second), s => Assert.Equal((SurveyStatus.Sent, now, now + Fortnight), (s.Status, s.SentAt, s.ExpiresAt)));
        Assert.Equal(first[0], await store.FindAsync(first[0].Id));
        Assert.Equal(SurveyStatus.Scheduled, (await store.FindAsync(SurveyId.From("s-d")))!.Status);
    });

    /// <summary>A survey due exactly at the claim instant is due.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public Task ClaimDue_SurveyDueAtTheClaimInstant_IsClaimed() => RunAsync(async store =>
    {
        await store.ScheduleAsync(Scheduled("s-1", "c-1", "o-1", Day(2)));

        Assert.Empty(await store.ClaimDueAsync(Day(2) - Duration.Epsilon, Fortnight, 10));
        Assert.Single(await store.ClaimDueAsync(Day(2), Fortnight, 10));
    });

    /// <summary>A limit below one or an expiry that is not positive is a programmer error.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public Task ClaimDue_BadLimitOrExpiry_IsRefused() => RunAsync(async store =>
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.ClaimDueAsync(Day0, Fortnight, 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.ClaimDueAsync(Day0, Duration.Zero, 10));
    });

    /// <summary>A skip keeps the reason and clears the sent instants; a skipped scheduled survey is never claimed; answered or unknown surveys cannot be skipped.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public Task Skip_KeepsTheReason_AndOnlyScheduledOrSentSurveysCanBeSkipped() => RunAsync(async store =>
    {
        await store.ScheduleAsync(Scheduled("s-sent", "c-1", "o-1", Day(1)));
        await store.ScheduleAsync(Scheduled("s-answered", "c-2", "o-2", Day(1)));
        await store.ClaimDueAsync(Day(1), Fortnight, 10);
        await store.ScheduleAsync(Scheduled("s-scheduled", "c-3", "o-3", Day(1)));
        await store.RecordAnswerAsync(SurveyId.From("s-answered"), Answer(4, Day(2)));

        Assert.True(await store.SkipAsync(SurveyId.From("s-sent"), SurveySkipReason.NoConsent, Day(1)));
        Assert.True(await store.SkipAsync(SurveyId.From("s-scheduled"), SurveySkipReason.UnknownCustomer, Day(1)));
        Assert.False(await store.SkipAsync(SurveyId.From("s-sent"), SurveySkipReason.Fatigue, Day(2)));
        Assert.False(await store.SkipAsync(SurveyId.From("s-answered"), SurveySkipReason.Fatigue, Day(2)));
        Assert.False(await store.SkipAsync(SurveyId.From("s-404"), SurveySkipReason.Fatigue, Day(2)));

        var skipped = (await store.FindAsync(SurveyId.From("s-sent")))!;
        Assert.Equal((SurveyStatus.Skipped, SurveySkipReason.NoConsent, Day(1), null, null), (skipped.Status, skipped.SkipReason, skipped.SkippedAt, skipped.SentAt, skipped.ExpiresAt));
        Assert.Equal(SurveySkipReason.UnknownCustomer, (await store.FindAsync(SurveyId.From("s-scheduled")))!.SkipReason);
        Assert.Empty(await store.ClaimDueAsync(Day(5), Fortnight, 10));
        Assert.Equal(SurveyStatus.Answered, (await store.FindAsync(SurveyId.From("s-answered")))!.Status);
    });

    /// <summary>An answer is stored on a sent survey once; again it returns the stored answer; scheduled, skipped and unknown surveys take none.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public Task RecordAnswer_IsStoredOnceOnASentSurvey_AndRefusedElsewhere() => RunAsync(async store =>
    {
        await store.ScheduleAsync(Scheduled("s-sent", "c-1", "o-1", Day(1)));
        await store.ScheduleAsync(Scheduled("s-skipped", "c-2", "o-2", Day(1)));
        await store.ClaimDueAsync(Day(1), Fortnight, 10);
        await store.SkipAsync(SurveyId.From("s-skipped"), SurveySkipReason.Fatigue, Day(1));
        await store.ScheduleAsync(Scheduled("s-scheduled", "c-3", "o-3", Day(9)));
        var first = Answer(2, Day(2), "Kargo geç geldi");

        var recorded = await store.RecordAnswerAsync(SurveyId.From("s-sent"), first);
        var again = await store.RecordAnswerAsync(SurveyId.From("s-sent"), Answer(5, Day(3)));

        Assert.Equal(SurveyAnswerWriteOutcome.Recorded, recorded.Outcome);
        Assert.Equal((SurveyStatus.Answered, first), (recorded.Survey!.Status, recorded.Survey.Answer));
        Assert.Equal((SurveyAnswerWriteOutcome.AlreadyAnswered, first), (again.Outcome, again.Survey!.Answer));
        Assert.Equal(first, (await store.FindAsync(SurveyId.From("s-sent")))!.Answer);
        Assert.Equal(SurveyAnswerWriteOutcome.NotOpen, (await store.RecordAnswerAsync(SurveyId.From("s-skipped"), first)).Outcome);
        Assert.Equal(SurveyAnswerWriteOutcome.NotOpen, (await store.RecordAnswerAsync(SurveyId.From("s-scheduled"), first)).Outcome);
        Assert.Equal(new SurveyAnswerWrite(SurveyAnswerWriteOutcome.NotFound, null), await store.RecordAnswerAsync(SurveyId.From("s-404"), first));
        Assert.Null((await store.FindAsync(SurveyId.From("s-skipped")))!.Answer);
    });

    /// <summary>Answers are read for a half-open window, ordered by answer instant then identifier, each with its answer.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public Task Answers_AreReadForAHalfOpenWindow_InAnswerOrder() => RunAsync(async store =>
    {
        foreach (var (id, order) in new[] { ("s-1", "o-1"), ("s-2", "o-2"), ("s-3", "o-3"), ("s-4", "o-4"), ("s-5", "o-5") })
        {
            await store.ScheduleAsync(Scheduled(id, "c-" + id, order, Day(1)));
        }

        await store.ClaimDueAsync(Day(1), Fortnight, 10);
        await store.RecordAnswerAsync(SurveyId.From("s-1"), Answer(1, Day(2) - Duration.Epsilon));
        await store.RecordAnswerAsync(SurveyId.From("s-3"), Answer(3, Day(3)));
        await store.RecordAnswerAsync(SurveyId.From("s-2"), Answer(2, Day(2)));
        await store.RecordAnswerAsync(SurveyId.From("s-5"), Answer(5, Day(2)));
        await store.RecordAnswerAsync(SurveyId.From("s-4"), Answer(4, Day(4)));

        var answers = await store.AnswersAsync(Day(2), Day(4));

        Assert.Equal([("s-2", 2), ("s-5", 5), ("s-3", 3)], answers.Select(s => (s.Id.Value, s.Answer!.Score)));
        Assert.Empty(await store.AnswersAsync(Day(5), Day(9)));
    });

    /// <summary>The last survey sent to a customer counts sent and answered surveys before the instant, not skipped ones or other customers'.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public Task LastSent_CountsSentAndAnsweredSurveysBeforeTheInstant_NotSkippedOnes() => RunAsync(async store =>
    {
        var customer = CustomerId.From("c-1");
        await store.ScheduleAsync(Scheduled("s-1", "c-1", "o-1", Day(1)));
        await store.ClaimDueAsync(Day(1), Fortnight, 10);
        await store.RecordAnswerAsync(SurveyId.From("s-1"), Answer(4, Day(2)));
        await store.ScheduleAsync(Scheduled("s-2", "c-1", "o-2", Day(5)));
        await store.ScheduleAsync(Scheduled("s-other", "c-2", "o-3", Day(5)));
        await store.ClaimDueAsync(Day(5), Fortnight, 10);
        await store.ScheduleAsync(Scheduled("s-3", "c-1", "o-4", Day(8)));
        await store.ClaimDueAsync(Day(8), Fortnight, 10);
        await store.SkipAsync(SurveyId.From("s-3"), SurveySkipReason.Fatigue, Day(8));

        Assert.Null(await store.LastSentAsync(customer, Day(1)));
        Assert.Equal("s-1", (await store.LastSentAsync(customer, Day(5)))?.Id.Value);
        Assert.Equal("s-2", (await store.LastSentAsync(customer, Day(5) + Duration.Epsilon))?.Id.Value);
        Assert.Equal("s-2", (await store.LastSentAsync(customer, Day(30)))?.Id.Value);
        Assert.Null(await store.LastSentAsync(CustomerId.From("c-404"), Day(30)));
    });

    /// <summary>Many callers claiming at once never get the same survey, and together get every due one.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public Task ClaimDue_ManyConcurrentClaimers_ClaimEachDueSurveyExactlyOnce() => RunAsync(async store =>
    {
        const int Surveys = 120;
        for (var i = 0; i < Surveys; i++)
        {
            await store.ScheduleAsync(Scheduled($"s-{i:D3}", $"c-{i % 17}", $"o-{i:D3}", Day(1) + Duration.FromMinutes(i % 7)));
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var mine = new List<Survey>();

            // Bounded, so a store that hands out the same surveys again fails here instead of looping forever.
            for (var round = 0; round < Surveys && await store.ClaimDueAsync(Day(2), Fortnight, limit: 3) is { Count: > 0 } batch; round++)
            {
                mine.AddRange(batch);
            }

            return mine;
        })));

        var claimed = claims.SelectMany(c => c).Select(s => s.Id.Value).ToArray();
        var twice = claimed.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.True(twice.Length == 0, $"{twice.Length} survey(s) were claimed more than once, such as '{twice.FirstOrDefault()}'; a claim must select and mark in one atomic step.");
        Assert.Equal(Surveys, claimed.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(await store.ClaimDueAsync(Day(9), Fortnight, 10));
    });

    /// <summary>Many answers to one survey at once: exactly one is stored, and every other caller is told which.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public Task RecordAnswer_ManyConcurrentAnswers_StoresExactlyOne() => RunAsync(async store =>
    {
        var id = SurveyId.From("s-1");
        await store.ScheduleAsync(Scheduled("s-1", "c-1", "o-1", Day(1)));
        await store.ClaimDueAsync(Day(1), Fortnight, 10);

        var writes = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
            await store.RecordAnswerAsync(id, Answer(1 + (i % 5), Day(2) + Duration.FromSeconds(i))))));

        var recordedCount = writes.Count(w => w.Outcome == SurveyAnswerWriteOutcome.Recorded);
        Assert.True(recordedCount == 1, $"{recordedCount} of {writes.Length} concurrent answers were recorded; exactly one must be, the others get AlreadyAnswered.");
        var recorded = writes.Single(w => w.Outcome == SurveyAnswerWriteOutcome.Recorded);
        Assert.All(writes.Where(w => w != recorded), w => Assert.Equal((SurveyAnswerWriteOutcome.AlreadyAnswered, recorded.Survey!.Answer), (w.Outcome, w.Survey!.Answer)));
        Assert.Equal(recorded.Survey!.Answer, (await store.FindAsync(id))!.Answer);
    });

    /// <summary>A cancelled call throws and writes nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public Task Schedule_Cancelled_WritesNothing() => RunAsync(async store =>
    {
        var survey = Scheduled("s-1", "c-1", "o-1", Day(1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.ScheduleAsync(survey, new CancellationToken(canceled: true)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.ClaimDueAsync(Day(1), Fortnight, 10, new CancellationToken(canceled: true)));

        Assert.Null(await store.FindByOrderAsync(survey.OrderId));
    });

    /// <summary>Order identifiers compare ordinally under Turkish culture: <c>order-i</c> and <c>ORDER-I</c> are two orders.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public Task Schedule_OrdersDifferingOnlyByCase_AreTwoOrders_UnderTurkishCulture() => RunAsync(async store =>
    {
        using var culture = CultureScope.Turkish();

        Assert.True(await store.ScheduleAsync(Scheduled("s-1", "c-1", "order-i", Day(1))));
        Assert.True(await store.ScheduleAsync(Scheduled("s-2", "c-1", "ORDER-I", Day(1))));
        Assert.True(await store.ScheduleAsync(Scheduled("s-3", "c-1", "order-ı", Day(1))));

        Assert.Equal("s-2", (await store.FindByOrderAsync(OrderId.From("ORDER-I")))?.Id.Value);
        Assert.Null(await store.FindByOrderAsync(OrderId.From("ORDER-İ")));
    });

    private static Instant Day(int days) => Day0 + Duration.FromDays(days);

    private static Survey Scheduled(string id, string customer, string order, Instant dueAt) =>
        new(SurveyId.From(id), CustomerId.From(customer), OrderId.From(order), SurveyKind.Csat, dueAt - Duration.FromDays(2), dueAt);

    private static SurveyAnswer Answer(int score, Instant at, string? comment = null) =>
        new(score, comment, at, score <= 2 ? SurveyFollowUpAction.OpenComplaint : score >= 5 ? SurveyFollowUpAction.AskForReview : SurveyFollowUpAction.None);

    private async Task RunAsync(Func<ISurveyStore, Task> test)
    {
        var store = await CreateSurveyStoreAsync();
        try
        {
            await test(store);
        }
        finally
        {
            if (store is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }
}
