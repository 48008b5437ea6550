using CustomerCare.Coupons;

namespace CustomerCare.Tests.Coupons;

public sealed class DiscountTests
{
    private static readonly CustomerCare.Money Shipping = Lira(39.90m);

    [Theory]
    [InlineData(15, 99.99, 15.00)]
    [InlineData(10, 0.05, 0.01)]
    [InlineData(100, 250, 250)]
    public void PercentOff_RoundsAwayFromZeroToKurus(decimal percent, decimal eligible, decimal expected)
    {
        Assert.Equal(Lira(expected), Discount.PercentOff(percent).AmountOffFor(Lira(eligible), Shipping, null));
    }

    [Fact]
    public void PercentOff_ToEven_IsAvailableExplicitly()
    {
        var discount = Discount.PercentOff(10) with { Rounding = MidpointRounding.ToEven };

        Assert.Equal(Lira(0.00m), discount.AmountOffFor(Lira(0.05m), Shipping, null));
    }

    [Fact]
    public void PercentOff_IsCappedAtTheMaximum()
    {
        Assert.Equal(Lira(200m), Discount.PercentOff(20, Lira(200m)).AmountOffFor(Lira(5_000m), Shipping, null));
    }

    [Fact]
    public void AmountOff_NeverTakesTheOrderBelowZero()
    {
        Assert.Equal(Lira(30m), Discount.AmountOff(Lira(50m)).AmountOffFor(Lira(30m), Shipping, null));
    }

    [Fact]
    public void FreeShipping_TakesOffTheShippingFee()
    {
        Assert.Equal(Shipping, Discount.FreeShipping().AmountOffFor(Lira(10m), Shipping, null));
    }

    [Fact]
    public void FreeProduct_TakesOffOneUnitWhenTheOrderHasIt()
    {
        Assert.Equal(Lira(49.90m), Discount.FreeProduct("sku-gift").AmountOffFor(Lira(100m), Shipping, Lira(49.90m)));
        Assert.Equal(Lira(0m), Discount.FreeProduct("sku-gift").AmountOffFor(Lira(100m), Shipping, null));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(100.01)]
    public void PercentOff_OutOfRange_NamesTheField(decimal percent)
    {
        Assert.Equal("percent", Assert.Throws<FieldValidationException>(() => Discount.PercentOff(percent)).Errors.Single().Field);
    }

    private static CustomerCare.Money Lira(decimal amount) => new(amount, Currency.TRY);
}
