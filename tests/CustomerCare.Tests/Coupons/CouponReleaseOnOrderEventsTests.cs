using System.Collections.Immutable;
using CustomerCare.Coupons;
using CustomerCare.Coupons.Codes;
using CustomerCare.Coupons.Redemptions;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Storage;
using CustomerCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Tests.Coupons;

public sealed class CouponReleaseOnOrderEventsTests : IAsyncDisposable
{
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 6, 1, 10, 0));
    private readonly ServiceProvider _provider;
    private readonly CommerceEvents _events = new("rel");

    public CouponReleaseOnOrderEventsTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(_clock);
        services.AddCustomerCare();
        _provider = services.BuildServiceProvider();
    }

    private CustomerEventProcessor Processor => _provider.GetRequiredService<CustomerEventProcessor>();

    private ICouponStore Coupons => _provider.GetRequiredService<ICouponStore>();

    [Fact]
    public async Task OrderCancelled_ReleasesItsCode_EvenWhenTheEventIsRedelivered()
    {
        var (customer, code) = await CustomerWithCodeAsync();
        await PlaceAndRedeemAsync(customer, code, "o-1");
        var cancelled = _events.Cancelled(customer.Id, OrderId.From("o-1"), _clock.GetCurrentInstant());

        await Processor.ApplyAsync(cancelled);
        await Processor.ApplyAsync(cancelled);

        Assert.Equal(new CouponUsage(0, 0, 1), await Coupons.GetUsageAsync(code));
    }

    [Fact]
    public async Task PartialReturn_KeepsTheCodeUsed_AndAFullReturnReleasesIt()
    {
        var (customer, code) = await CustomerWithCodeAsync();
        await PlaceAndRedeemAsync(customer, code, "o-1");
        await Processor.ApplyAsync(_events.Delivered(customer.Id, OrderId.From("o-1"), _clock.GetCurrentInstant()));

        await Processor.ApplyAsync(_events.Returned(customer.Id, OrderId.From("o-1"), Lira(40m), _clock.GetCurrentInstant()));
        var afterPartial = await Coupons.GetUsageAsync(code);
        await Processor.ApplyAsync(_events.Returned(customer.Id, OrderId.From("o-1"), Lira(60m), _clock.GetCurrentInstant()));

        Assert.Equal(1, afterPartial.Active);
        Assert.Equal(new CouponUsage(0, 0, 1), await Coupons.GetUsageAsync(code));
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    private static CustomerCare.Money Lira(decimal amount) => new(amount, Currency.TRY);

    private async Task<(Customer Customer, CouponCode Code)> CustomerWithCodeAsync()
    {
        var customer = new CustomerBuilder("rel").Build();
        await Processor.ApplyAsync(_events.Registered(customer));
        await Coupons.AddDefinitionAsync(new CouponDefinition("welcome", "Hoş geldin", Discount.AmountOff(Lira(10m))));
        var code = new CouponCodeGenerator().Generate(CouponCodePattern.Default);
        await Coupons.AddCouponsAsync([new Coupon(code, "welcome", _clock.GetCurrentInstant())]);
        return (customer, code);
    }

    private async Task PlaceAndRedeemAsync(Customer customer, CouponCode code, string orderId)
    {
        var order = OrderId.From(orderId);
        await Processor.ApplyAsync(_events.Placed(customer.Id, order, Lira(100m), _clock.GetCurrentInstant()));
        var (check, reservation) = await _provider.GetRequiredService<CouponService>().RedeemAsync(
            code.ToString(),
            new CouponOrder(order, customer.Id, [new OrderLine("sku-1", 1, Lira(100m), "Kitap")], Lira(0m)));
        Assert.True(check.IsAccepted, check.Message);
        Assert.Equal(RedemptionOutcome.Done, reservation!.Outcome);
    }
}
