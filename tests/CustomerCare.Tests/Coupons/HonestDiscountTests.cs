using CustomerCare.Coupons.Pricing;
using CustomerCare.Storage.InMemory;
using NodaTime;

namespace CustomerCare.Tests.Coupons;

public sealed class HonestDiscountTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 27, 0, 0);
    private readonly InMemoryPriceHistoryStore _prices = new();

    [Fact]
    public async Task WasPrice_EqualToTheLowestOfThe30DaysBefore_IsHonest()
    {
        await _prices.RecordAsync("tv", Lira(20_000m), Start - Duration.FromDays(60));
        await _prices.RecordAsync("tv", Lira(18_500m), Start - Duration.FromDays(10));

        Assert.Empty(await new HonestDiscount(_prices).CheckAsync("tv", Lira(18_500m), Lira(15_999m), Start));
    }

    [Fact]
    public async Task WasPrice_RaisedJustBeforeTheSale_IsRefusedNamingTheRealLowest()
    {
        // The classic trick: raise the price a week before "Black Friday", then show the raised price as "was".
        await _prices.RecordAsync("tv", Lira(15_000m), Start - Duration.FromDays(40));
        await _prices.RecordAsync("tv", Lira(22_000m), Start - Duration.FromDays(7));

        var error = Assert.Single(await new HonestDiscount(_prices).CheckAsync("tv", Lira(22_000m), Lira(16_000m), Start));

        Assert.Equal(("was_price", "not_lowest_price"), (error.Field, error.Code));
        Assert.Contains("15000.00 TRY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SalePrice_NotLower_IsNotADiscount()
    {
        await _prices.RecordAsync("tv", Lira(100m), Start - Duration.FromDays(40));

        var errors = await new HonestDiscount(_prices).CheckAsync("tv", Lira(100m), Lira(100m), Start);

        Assert.Contains(errors, e => e.Code == "not_a_discount");
    }

    [Fact]
    public async Task NoPriceHistory_CannotBeChecked()
    {
        var errors = await new HonestDiscount(_prices).CheckAsync("new-product", Lira(100m), Lira(80m), Start);

        Assert.Contains(errors, e => e.Code == "no_price_history");
    }

    private static CustomerCare.Money Lira(decimal amount) => new(amount, Currency.TRY);
}
