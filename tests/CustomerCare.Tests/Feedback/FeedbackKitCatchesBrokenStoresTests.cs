using CustomerCare.Customers;
using CustomerCare.Feedback.Reviews;
using CustomerCare.Feedback.Surveys;
using CustomerCare.Orders;
using CustomerCare.Storage;
using CustomerCare.Storage.InMemory;
using CustomerCare.Testing;
using NodaTime;
using Xunit.Sdk;

namespace CustomerCare.Tests.Feedback;

/// <summary>
/// The feedback suites fail for stores with the typical plugin mistakes. The suites here are private, so xunit does not
/// run them on their own and <see cref="ConformanceCoverage"/> does not count them.
/// </summary>
public sealed class FeedbackKitCatchesBrokenStoresTests
{
    [Fact]
    public void Coverage_TheFeedbackStoreContracts_HaveSuites_AndThisAssemblyRunsThem()
    {
        Assert.Equal([typeof(IPersonalDataHolder), typeof(ISurveyStore)], ConformanceCoverage.ContractsOf(typeof(InMemorySurveyStore)));
        Assert.Equal([typeof(IPersonalDataHolder), typeof(IReviewStore)], ConformanceCoverage.ContractsOf(typeof(InMemoryReviewStore)));

        ConformanceCoverage.AssertImplemented(typeof(FeedbackKitCatchesBrokenStoresTests).Assembly, typeof(ISurveyStore), typeof(IReviewStore), typeof(IPersonalDataHolder));
    }

    [Fact]
    public async Task Kit_ClaimWithoutAStatusGuard_FailsTheClaimTests()
    {
        var suite = new SurveySuite(() => new ReclaimingSurveyStore());

        await Assert.ThrowsAnyAsync<XunitException>(suite.ClaimDue_TakesDueSurveysInDueOrder_UpToTheLimit_AndMarksThemSent);
        var failure = await Assert.ThrowsAnyAsync<XunitException>(suite.ClaimDue_ManyConcurrentClaimers_ClaimEachDueSurveyExactlyOnce);

        Assert.Contains("claimed more than once", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kit_AnswerWithoutACondition_FailsTheAnswerTests()
    {
        var suite = new SurveySuite(() => new LastAnswerWinsSurveyStore());

        await Assert.ThrowsAnyAsync<XunitException>(suite.RecordAnswer_IsStoredOnceOnASentSurvey_AndRefusedElsewhere);
        var failure = await Assert.ThrowsAnyAsync<XunitException>(suite.RecordAnswer_ManyConcurrentAnswers_StoresExactlyOne);

        Assert.Contains("16 of 16 concurrent answers were recorded", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kit_ReviewStoreWithoutAUniqueKey_FailsTheIdempotencyTests()
    {
        var suite = new ReviewSuite(() => new DuplicatingReviewStore());

        await Assert.ThrowsAnyAsync<XunitException>(suite.Add_SameIdentifierTwice_KeepsTheFirst);
        await Assert.ThrowsAnyAsync<XunitException>(suite.Add_SameReviewConcurrently_IsStoredOnce);
    }

    [Fact]
    public async Task Kit_TheInMemoryStores_PassTheSameTests()
    {
        var surveys = new SurveySuite(() => new InMemorySurveyStore());
        var reviews = new ReviewSuite(() => new InMemoryReviewStore());

        await surveys.ClaimDue_ManyConcurrentClaimers_ClaimEachDueSurveyExactlyOnce();
        await surveys.RecordAnswer_ManyConcurrentAnswers_StoresExactlyOne();
        await reviews.Add_SameReviewConcurrently_IsStoredOnce();
    }

    private sealed class SurveySuite(Func<ISurveyStore> create) : SurveyStoreConformanceTests
    {
        protected override ValueTask<ISurveyStore> CreateSurveyStoreAsync() => ValueTask.FromResult(create());
    }

    private sealed class ReviewSuite(Func<IReviewStore> create) : ReviewStoreConformanceTests
    {
        protected override ValueTask<IReviewStore> CreateReviewStoreAsync() => ValueTask.FromResult(create());
    }

    /// <summary>Selects due surveys by due instant only, so surveys already claimed are handed out again.</summary>
    private sealed class ReclaimingSurveyStore : DelegatingSurveyStore
    {
        private readonly List<SurveyId> _claimed = [];

        public override async ValueTask<IReadOnlyList<Survey>> ClaimDueAsync(Instant now, Duration expiresAfter, int limit, CancellationToken cancellationToken = default)
        {
            var fresh = await Inner.ClaimDueAsync(now, expiresAfter, limit, cancellationToken);
            List<SurveyId> again;
            lock (_claimed)
            {
                again = [.. _claimed];
                _claimed.AddRange(fresh.Select(s => s.Id));
            }

            var repeated = new List<Survey>();
            foreach (var id in again)
            {
                repeated.Add((await Inner.FindAsync(id, cancellationToken))!);
            }

            return [.. fresh, .. repeated.Where(s => s.Status == SurveyStatus.Sent && s.DueAt <= now).Take(Math.Max(0, limit - fresh.Count))];
        }
    }

    /// <summary>Writes every answer it is given and says so: no "only if still sent" condition.</summary>
    private sealed class LastAnswerWinsSurveyStore : DelegatingSurveyStore
    {
        public override async ValueTask<SurveyAnswerWrite> RecordAnswerAsync(SurveyId surveyId, SurveyAnswer answer, CancellationToken cancellationToken = default)
        {
            var write = await Inner.RecordAnswerAsync(surveyId, answer, cancellationToken);
            return write.Outcome == SurveyAnswerWriteOutcome.AlreadyAnswered
                ? new SurveyAnswerWrite(SurveyAnswerWriteOutcome.Recorded, write.Survey! with { Answer = answer })
                : write;
        }
    }

    private abstract class DelegatingSurveyStore : ISurveyStore
    {
        protected InMemorySurveyStore Inner { get; } = new();

        public ValueTask<bool> ScheduleAsync(Survey survey, CancellationToken cancellationToken = default) => Inner.ScheduleAsync(survey, cancellationToken);

        public ValueTask<Survey?> FindAsync(SurveyId surveyId, CancellationToken cancellationToken = default) => Inner.FindAsync(surveyId, cancellationToken);

        public ValueTask<Survey?> FindByOrderAsync(OrderId orderId, CancellationToken cancellationToken = default) => Inner.FindByOrderAsync(orderId, cancellationToken);

        public virtual ValueTask<IReadOnlyList<Survey>> ClaimDueAsync(Instant now, Duration expiresAfter, int limit, CancellationToken cancellationToken = default) =>
            Inner.ClaimDueAsync(now, expiresAfter, limit, cancellationToken);

        public ValueTask<bool> SkipAsync(SurveyId surveyId, SurveySkipReason reason, Instant at, CancellationToken cancellationToken = default) => Inner.SkipAsync(surveyId, reason, at, cancellationToken);

        public virtual ValueTask<SurveyAnswerWrite> RecordAnswerAsync(SurveyId surveyId, SurveyAnswer answer, CancellationToken cancellationToken = default) =>
            Inner.RecordAnswerAsync(surveyId, answer, cancellationToken);

        public ValueTask<IReadOnlyList<Survey>> AnswersAsync(Instant from, Instant until, CancellationToken cancellationToken = default) => Inner.AnswersAsync(from, until, cancellationToken);

        public ValueTask<Survey?> LastSentAsync(CustomerId customerId, Instant before, CancellationToken cancellationToken = default) => Inner.LastSentAsync(customerId, before, cancellationToken);
    }

    /// <summary>Appends every review it is given, without a unique key on the review identifier.</summary>
    private sealed class DuplicatingReviewStore : IReviewStore
    {
        private readonly List<ProductReview> _reviews = [];

        public ValueTask<bool> AddAsync(ProductReview review, CancellationToken cancellationToken = default)
        {
            lock (_reviews)
            {
                _reviews.Add(review);
            }

            return ValueTask.FromResult(true);
        }

        public ValueTask<ProductReview?> FindAsync(string reviewId, CancellationToken cancellationToken = default)
        {
            lock (_reviews)
            {
                return ValueTask.FromResult(_reviews.LastOrDefault(r => r.ReviewId == reviewId));
            }
        }

        public ValueTask<IReadOnlyList<ProductReview>> RecentAsync(string productId, Instant asOf, Duration window, int limit, CancellationToken cancellationToken = default)
        {
            lock (_reviews)
            {
                return ValueTask.FromResult<IReadOnlyList<ProductReview>>(_reviews
                    .Where(r => r.ProductId == productId && r.PostedAt > asOf - window && r.PostedAt <= asOf)
                    .OrderByDescending(r => r.PostedAt).ThenByDescending(r => r.ReviewId, StringComparer.Ordinal).Take(limit).ToArray());
            }
        }

        public ValueTask<IReadOnlyList<string>> ReviewedProductsAsync(Instant asOf, Duration window, CancellationToken cancellationToken = default)
        {
            lock (_reviews)
            {
                return ValueTask.FromResult<IReadOnlyList<string>>(_reviews
                    .Where(r => r.PostedAt > asOf - window && r.PostedAt <= asOf).Select(r => r.ProductId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray());
            }
        }
    }
}
