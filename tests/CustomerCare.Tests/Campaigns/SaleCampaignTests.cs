using CustomerCare.Campaigns.Sales;
using CustomerCare.Coupons.Pricing;
using CustomerCare.Storage.InMemory;
using NodaTime;

namespace CustomerCare.Tests.Campaigns;

public sealed class SaleCampaignTests
{
    private static readonly Instant Start = Instant.FromUtc(2027, 11, 26, 0, 0);
    private static readonly Interval Window = new(Start, Start + Duration.FromDays(4));
    private readonly InMemoryPriceHistoryStore _prices = new();

    [Fact]
    public async Task HonestPrices_DefineTheSale()
    {
        await _prices.RecordAsync("tv", Lira(18_000m), Start - Duration.FromDays(45));
        await _prices.RecordAsync("phone", Lira(30_000m), Start - Duration.FromDays(45));

        var sale = await SaleCampaign.DefineAsync(new HonestDiscount(_prices), "black-friday", Window,
            [new("tv", Lira(18_000m), Lira(14_999m)), new("phone", Lira(30_000m), Lira(27_500m))]);

        Assert.Equal(2, sale.Prices.Count);
    }

    [Fact]
    public async Task EveryDishonestPrice_IsNamedByPosition_AndNothingIsDefined()
    {
        await _prices.RecordAsync("tv", Lira(15_000m), Start - Duration.FromDays(40));
        await _prices.RecordAsync("tv", Lira(22_000m), Start - Duration.FromDays(7));
        await _prices.RecordAsync("mug", Lira(100m), Start - Duration.FromDays(40));

        var refused = await Assert.ThrowsAsync<FieldValidationException>(async () => await SaleCampaign.DefineAsync(new HonestDiscount(_prices), "black-friday", Window,
        [
            new("mug", Lira(100m), Lira(80m)),
            new("tv", Lira(22_000m), Lira(16_000m)),
            new("mug", Lira(100m), Lira(70m)),
            new("mug-eur", Lira(100m), new Money(80m, Currency.EUR)),
        ]));

        Assert.Equal(
            [("prices[1].was_price", "not_lowest_price"), ("prices[2].product_id", "duplicate"), ("prices[3].sale_price", FieldErrorCodes.CurrencyMismatch)],
            refused.Errors.Select(e => (e.Field, e.Code)));
        Assert.Contains("15000.00 TRY", refused.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOpenEndedWindow_AndNoPrices_AreRefused()
    {
        var refused = await Assert.ThrowsAsync<FieldValidationException>(async () =>
            await SaleCampaign.DefineAsync(new HonestDiscount(_prices), " ", new Interval(Start, null), []));

        Assert.Equal(["id", "window", "prices"], refused.Errors.Select(e => e.Field));
    }

    private static Money Lira(decimal amount) => new(amount, Currency.TRY);
}
