using CustomerCare.Coupons;
using CustomerCare.Coupons.Codes;
using CustomerCare.Coupons.Redemptions;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Returns;
using CustomerCare.Storage;
using CustomerCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Tests.Returns;

public sealed class ReturnServiceTests : IAsyncDisposable
{
    private static readonly Instant DeliveredAt = new LocalDateTime(2027, 5, 10, 15, 0).InZoneStrictly(TimeZones.Istanbul).ToInstant();
    private readonly FakeClock _clock = new(DeliveredAt);
    private readonly ServiceProvider _provider;
    private readonly CommerceEvents _events = new("ret");
    private readonly List<ReturnDecision> _told = [];

    public ReturnServiceTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(_clock);
        services.AddSingleton<IReturnObserver>(new Collect(_told));
        services.AddCustomerCare(o =>
        {
            o.Policy.Returns.ReturnFee = new Money(29.90m, Currency.TRY);
            o.Policy.Returns.ChangedMindNeedsUnopened = true;
            o.Policy.Returns.ExcludedCategories = ["İç Giyim"];
        });
        _provider = services.BuildServiceProvider();
    }

    private ReturnService Returns => _provider.GetRequiredService<ReturnService>();

    [Theory]
    [InlineData(14, true)]
    [InlineData(15, false)]
    public async Task AChangeOfMind_IsAcceptedThroughTheLastDayOfTheWindow_WithTheFee(int daysAfter, bool accepted)
    {
        await DeliveredOrderAsync("c-1", "S-1");
        _clock.Reset(new LocalDateTime(2027, 5, 10, 23, 59).PlusDays(daysAfter).InZoneStrictly(TimeZones.Istanbul).ToInstant());

        var decision = await Returns.CheckAsync(new ReturnRequest(OrderId.From("S-1"), CustomerId.From("c-1"), ReturnKind.Return, ReturnReason.ChangedMind));

        Assert.Equal(accepted ? ReturnRefusal.None : ReturnRefusal.WindowClosed, decision.Refusal);
        Assert.Equal(accepted ? new Money(29.90m, Currency.TRY) : null, decision.Fee);
        Assert.Equal(new LocalDate(2027, 5, 24), decision.LastDay);
    }

    [Theory]
    [InlineData(ReturnKind.Return, ReturnReason.ChangedMind, true, null, ReturnRefusal.Opened)]
    [InlineData(ReturnKind.Return, ReturnReason.Damaged, true, "iç giyim", ReturnRefusal.None)]
    [InlineData(ReturnKind.Return, ReturnReason.ChangedMind, false, "İÇ GİYİM", ReturnRefusal.ExcludedCategory)]
    [InlineData(ReturnKind.Exchange, ReturnReason.ChangedMind, false, "Ayakkabı", ReturnRefusal.None)]
    [InlineData(ReturnKind.Warranty, ReturnReason.ChangedMind, false, null, ReturnRefusal.NotADefect)]
    [InlineData(ReturnKind.Warranty, ReturnReason.Defective, true, null, ReturnRefusal.None)]
    public async Task TheConditions_AndTheCompanysOwnMistakes(ReturnKind kind, ReturnReason reason, bool opened, string? category, ReturnRefusal expected)
    {
        await DeliveredOrderAsync("c-1", "S-1");
        _clock.AdvanceDays(3);

        var decision = await Returns.CheckAsync(new ReturnRequest(OrderId.From("S-1"), CustomerId.From("c-1"), kind, reason) { Opened = opened, ProductCategory = category });

        Assert.Equal(expected, decision.Refusal);
        Assert.Null(reason == ReturnReason.Damaged ? decision.Fee : null);
    }

    [Fact]
    public async Task UnknownForeignAndUndeliveredOrders_AreRefusedWithTheirReason()
    {
        await DeliveredOrderAsync("c-1", "S-1");
        await _provider.GetRequiredService<CustomerEventProcessor>().ApplyAsync(_events.Placed(CustomerId.From("c-1"), OrderId.From("S-2"), new Money(10m, Currency.TRY), _clock.GetCurrentInstant()));

        var unknown = await Returns.CheckAsync(new ReturnRequest(OrderId.From("S-404"), CustomerId.From("c-1"), ReturnKind.Return, ReturnReason.ChangedMind));
        var foreign = await Returns.CheckAsync(new ReturnRequest(OrderId.From("S-1"), CustomerId.From("c-2"), ReturnKind.Return, ReturnReason.ChangedMind));
        var undelivered = await Returns.CheckAsync(new ReturnRequest(OrderId.From("S-2"), CustomerId.From("c-1"), ReturnKind.Return, ReturnReason.ChangedMind));

        Assert.Equal([ReturnRefusal.UnknownOrder, ReturnRefusal.NotTheCustomersOrder, ReturnRefusal.NotDelivered], new[] { unknown, foreign, undelivered }.Select(d => d.Refusal));
    }

    [Fact]
    public async Task AnAcceptedReturn_GivesTheCouponUseBack_AndTellsTheObservers()
    {
        var code = await DeliveredOrderAsync("c-1", "S-1", withCoupon: true);

        var decision = await Returns.RequestAsync(new ReturnRequest(OrderId.From("S-1"), CustomerId.From("c-1"), ReturnKind.Return, ReturnReason.WrongItem));

        Assert.True(decision.Accepted);
        Assert.Equal(new CouponUsage(0, 0, 1), await _provider.GetRequiredService<ICouponStore>().GetUsageAsync(code!.Value));
        Assert.Same(decision, Assert.Single(_told));
    }

    [Fact]
    public async Task AnUndefinedReason_IsRefusedNamingIt()
    {
        var refused = await Assert.ThrowsAsync<FieldValidationException>(async () =>
            await Returns.CheckAsync(new ReturnRequest(OrderId.From("S-1"), CustomerId.From("c-1"), ReturnKind.Return, (ReturnReason)42)));

        Assert.Equal(("reason", "42"), (refused.Errors[0].Field, refused.Errors[0].AttemptedValue));
    }

    private async Task<CouponCode?> DeliveredOrderAsync(string customerId, string orderId, bool withCoupon = false)
    {
        var processor = _provider.GetRequiredService<CustomerEventProcessor>();
        var customer = new CustomerBuilder().WithId(customerId).Build();
        await processor.ApplyAsync(_events.Registered(customer));
        var at = DeliveredAt - Duration.FromDays(3);
        await processor.ApplyAsync(_events.Placed(customer.Id, OrderId.From(orderId), new Money(400m, Currency.TRY), at));
        CouponCode? code = null;
        if (withCoupon)
        {
            var coupons = _provider.GetRequiredService<ICouponStore>();
            await coupons.AddDefinitionAsync(new CouponDefinition("ten", "On lira", Discount.AmountOff(new Money(10m, Currency.TRY))));
            code = new CouponCodeGenerator().Generate(CouponCodePattern.Default);
            await coupons.AddCouponsAsync([new Coupon(code.Value, "ten", at)]);
            var reserved = await coupons.ReserveAsync(new RedemptionRequest(code.Value, OrderId.From(orderId), customer.Id, new Money(10m, Currency.TRY), at));
            Assert.Equal(RedemptionOutcome.Done, reserved.Outcome);
        }

        await processor.ApplyAsync(_events.Delivered(customer.Id, OrderId.From(orderId), DeliveredAt));
        return code;
    }

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();

    private sealed class Collect(List<ReturnDecision> told) : IReturnObserver
    {
        public ValueTask OnDecidedAsync(ReturnDecision decision, CancellationToken cancellationToken = default)
        {
            told.Add(decision);
            return ValueTask.CompletedTask;
        }
    }
}
