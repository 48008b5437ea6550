using CustomerCare.Customers;
using CustomerCare.Feedback.Reviews;
using CustomerCare.Orders;
using CustomerCare.Storage;
using CustomerCare.Tests.Support;
using NodaTime;

namespace CustomerCare.Tests.Feedback;

public sealed class ReviewHealthMonitorTests : IAsyncDisposable
{
    private readonly FeedbackHarness _host = new();
    private CustomerId _reviewer;

    private ReviewHealthMonitor Monitor => _host.Reviews;

    [Fact]
    public async Task PostedReviews_AreRecordedOncePerEvent_EvenWhenRedelivered()
    {
        var posted = await PostAsync("sku-1", 1);

        await _host.Processor.ApplyAsync(posted);
        await Monitor.OnCommittedAsync(posted);

        Assert.Equal(ProductReview.From(posted), await _host.Get<IReviewStore>().FindAsync(posted.EventId.Value));
        Assert.Equal(1, (await Monitor.CheckAsync("sku-1", _host.Now)).ReviewCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-3)]
    public async Task RatingOutsideOneToFive_IsRefusedNamingRating_AndNothingIsRecorded(int rating)
    {
        var customer = await ReviewerAsync();
        var posted = _host.Events.Reviewed(customer, "sku-1", rating, _host.Now);

        var rejected = await _host.Processor.ApplyAsync(posted);
        var refused = await Assert.ThrowsAsync<FieldValidationException>(async () => await Monitor.OnCommittedAsync(posted));
        var direct = Assert.Throws<FieldValidationException>(() => new ProductReview("r-1", "sku-1", customer, rating, _host.Now));

        Assert.Equal(EventApplyOutcome.Rejected, rejected.Outcome);
        var expected = ("rating", rating.ToString(System.Globalization.CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange);
        Assert.Equal(expected, (refused.Errors[0].Field, refused.Errors[0].AttemptedValue, refused.Errors[0].Code));
        Assert.Equal(expected, (direct.Errors[0].Field, direct.Errors[0].AttemptedValue, direct.Errors[0].Code));
        Assert.Equal(0, (await Monitor.CheckAsync("sku-1", _host.Now)).ReviewCount);
    }

    [Fact]
    public async Task FourOneStarReviews_FlagNothing_AndTheFifthFlagsTheProduct()
    {
        for (var i = 0; i < 4; i++)
        {
            await PostAsync("sku-1", 1);
        }

        var before = await Monitor.FlaggedProductsAsync(_host.Now);
        await PostAsync("sku-1", 1);
        var after = await Monitor.FlaggedProductsAsync(_host.Now);

        Assert.Empty(before);
        Assert.Equal([new ProductReviewHealth("sku-1", 5, 1m, 1m, ReviewFlagReasons.LowAverage | ReviewFlagReasons.ManyNegative)], after);
    }

    [Fact]
    public async Task AverageOfExactlyThree_IsNotFlagged_AndJustBelowIs()
    {
        await PostManyAsync("sku-three", 3, 3, 3, 3, 3);
        await PostManyAsync("sku-below", 3, 3, 3, 3, 2);

        var three = await Monitor.CheckAsync("sku-three", _host.Now);
        var below = await Monitor.CheckAsync("sku-below", _host.Now);

        Assert.Equal((3m, ReviewFlagReasons.None, false), (three.AverageRating, three.Reasons, three.IsFlagged));
        Assert.Equal(new ProductReviewHealth("sku-below", 5, 2.8m, 0.2m, ReviewFlagReasons.LowAverage), below);
    }

    [Fact]
    public async Task NegativeShareOfExactlyFortyPercent_IsNotFlagged_AndAboveIs()
    {
        await PostManyAsync("sku-forty", 1, 1, 1, 1, 5, 5, 5, 5, 5, 5);
        await PostManyAsync("sku-fifty", 1, 1, 1, 1, 1, 5, 5, 5, 5, 5);

        var forty = await Monitor.CheckAsync("sku-forty", _host.Now);
        var fifty = await Monitor.CheckAsync("sku-fifty", _host.Now);

        Assert.Equal(new ProductReviewHealth("sku-forty", 10, 3.4m, 0.4m, ReviewFlagReasons.None), forty);
        Assert.Equal(new ProductReviewHealth("sku-fifty", 10, 3m, 0.5m, ReviewFlagReasons.ManyNegative), fifty);
    }

    [Fact]
    public async Task TwoStarReviews_CountAsNegative_AndThreeStarOnesDoNot()
    {
        await PostManyAsync("sku-1", 2, 2, 2, 3, 3);

        Assert.Equal(0.6m, (await Monitor.CheckAsync("sku-1", _host.Now)).NegativeShare);
    }

    [Fact]
    public async Task FlaggedProduct_Recovers_WhenBetterReviewsPushTheBadOnesOutOfTheLastTwenty()
    {
        await PostManyAsync("sku-1", [.. Enumerable.Repeat(1, 10), .. Enumerable.Repeat(5, 10)]);
        var flagged = await Monitor.CheckAsync("sku-1", _host.Now);
        await PostManyAsync("sku-1", 5);
        var stillFlagged = await Monitor.CheckAsync("sku-1", _host.Now);

        await PostManyAsync("sku-1", 5);
        var recovered = await Monitor.CheckAsync("sku-1", _host.Now);

        Assert.Equal(new ProductReviewHealth("sku-1", 20, 3m, 0.5m, ReviewFlagReasons.ManyNegative), flagged);
        Assert.Equal(new ProductReviewHealth("sku-1", 20, 3.2m, 0.45m, ReviewFlagReasons.ManyNegative), stillFlagged);
        Assert.Equal(new ProductReviewHealth("sku-1", 20, 3.4m, 0.4m, ReviewFlagReasons.None), recovered);
        Assert.Empty(await Monitor.FlaggedProductsAsync(_host.Now));
    }

    [Fact]
    public async Task FlaggedProduct_Recovers_WhenItsBadReviewsAgeOutOfTheNinetyDayWindow()
    {
        await ReviewerAsync();
        var firstBad = _host.Now;
        await PostManyAsync("sku-1", 1, 1, 1, 1, 1);

        var justBefore = await Monitor.FlaggedProductsAsync(firstBad + Duration.FromDays(90) - Duration.Epsilon);
        var atNinetyDays = await Monitor.FlaggedProductsAsync(firstBad + Duration.FromDays(90));

        Assert.Equal(["sku-1"], justBefore.Select(p => p.ProductId));
        Assert.Empty(atNinetyDays);
        Assert.Equal(4, (await Monitor.CheckAsync("sku-1", firstBad + Duration.FromDays(90))).ReviewCount);
        Assert.Equal(0, (await Monitor.CheckAsync("sku-1", firstBad + Duration.FromDays(91))).ReviewCount);
    }

    [Fact]
    public async Task ReviewsPostedAfterTheInstantAskedAbout_DoNotCount()
    {
        var asOf = _host.Now;
        _host.Clock.Advance(Duration.FromMinutes(1));
        await PostManyAsync("sku-1", 1, 1, 1, 1, 1);

        Assert.Empty(await Monitor.FlaggedProductsAsync(asOf));
        Assert.Single(await Monitor.FlaggedProductsAsync(_host.Now));
    }

    [Fact]
    public async Task FlaggedProducts_ListsOnlyFlaggedOnes_OrderedByIdentifier_WithTheirFigures()
    {
        await PostManyAsync("sku-b", 1, 2, 2, 1, 4);
        await PostManyAsync("sku-a", 2, 2, 3, 3, 3, 3);
        await PostManyAsync("sku-good", 5, 4, 5, 4, 5);

        var flagged = await Monitor.FlaggedProductsAsync(_host.Now);

        Assert.Equal(
            [
                new ProductReviewHealth("sku-a", 6, 16m / 6, 2m / 6, ReviewFlagReasons.LowAverage),
                new ProductReviewHealth("sku-b", 5, 2m, 0.8m, ReviewFlagReasons.LowAverage | ReviewFlagReasons.ManyNegative),
            ],
            flagged);
    }

    [Fact]
    public async Task ProductIdentifiers_AreOrdinal_UnderTurkishCulture()
    {
        using var culture = new TurkishCulture();
        await PostManyAsync("sku-i", 1, 1, 1, 1, 1);
        await PostManyAsync("SKU-I", 5, 5, 5, 5, 5);
        await PostManyAsync("sku-ı", 1, 1, 1, 1);

        var flagged = await Monitor.FlaggedProductsAsync(_host.Now);

        Assert.Equal(["sku-i"], flagged.Select(p => p.ProductId));
        Assert.Equal(0, (await Monitor.CheckAsync("SKU-İ", _host.Now)).ReviewCount);
    }

    [Fact]
    public async Task ConfiguredThresholds_AreUsed()
    {
        await using var host = new FeedbackHarness(reviews: o => (o.MinimumReviews, o.RecentReviewCount, o.AverageRatingBelow) = (2, 3, 3.5m));
        var customer = await host.RegisterAsync("c-1");
        foreach (var rating in (int[])[5, 5, 5, 3, 3, 3])
        {
            await host.Processor.ApplyAsync(host.Events.Reviewed(customer, "sku-1", rating, host.Now));
            host.Clock.Advance(Duration.FromMinutes(1));
        }

        var health = await host.Reviews.CheckAsync("sku-1", host.Now);

        Assert.Equal(new ProductReviewHealth("sku-1", 3, 3m, 0m, ReviewFlagReasons.LowAverage), health);
        var byDefault = new ReviewHealthMonitor(host.Get<IReviewStore>(), new ReviewHealthOptions());
        Assert.Equal((6, 4m, false), await byDefault.CheckAsync("sku-1", host.Now) is var d ? (d.ReviewCount, d.AverageRating, d.IsFlagged) : default);
    }

    [Fact]
    public async Task RecordAsync_ADirectReviewTwice_IsStoredOnce()
    {
        var review = new ProductReview("import-7", "sku-1", await ReviewerAsync(), 2, _host.Now) { Text = "Beden küçük" };

        Assert.True(await Monitor.RecordAsync(review));
        Assert.False(await Monitor.RecordAsync(review));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<CustomerId> ReviewerAsync()
    {
        if (_reviewer == default)
        {
            _reviewer = await _host.RegisterAsync("c-reviewer");
        }

        return _reviewer;
    }

    private async Task<ReviewPosted> PostAsync(string productId, int rating)
    {
        var posted = _host.Events.Reviewed(await ReviewerAsync(), productId, rating, _host.Now);
        Assert.Equal(EventApplyOutcome.Applied, (await _host.Processor.ApplyAsync(posted)).Outcome);
        _host.Clock.Advance(Duration.FromMinutes(1));
        return posted;
    }

    private async Task PostManyAsync(string productId, params int[] ratings)
    {
        foreach (var rating in ratings)
        {
            await PostAsync(productId, rating);
        }
    }
}
