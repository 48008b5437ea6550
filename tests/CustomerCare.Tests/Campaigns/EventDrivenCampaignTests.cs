using CustomerCare.Campaigns.ThankYou;
using CustomerCare.Campaigns.Welcome;
using CustomerCare.Coupons;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Storage;
using CustomerCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Tests.Campaigns;

public sealed class EventDrivenCampaignTests : IAsyncDisposable
{
    private readonly FakeClock _clock = new(Instant.FromUtc(2027, 3, 1, 10, 0));
    private readonly ServiceProvider _provider;
    private readonly CommerceEvents _events = new("evt");

    public EventDrivenCampaignTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(_clock);
        services.AddCustomerCare().AddWelcomeCampaign().AddThankYouCampaign(o => o.ValidFor = Duration.FromDays(10));
        _provider = services.BuildServiceProvider();
        var coupons = _provider.GetRequiredService<ICouponStore>();
        coupons.AddDefinitionAsync(new CouponDefinition("welcome", "Hoş geldin", Discount.PercentOff(10))).AsTask().GetAwaiter().GetResult();
        coupons.AddDefinitionAsync(new CouponDefinition("thank-you", "Teşekkürler", Discount.PercentOff(5))).AsTask().GetAwaiter().GetResult();
    }

    private CustomerEventProcessor Processor => _provider.GetRequiredService<CustomerEventProcessor>();

    private ICampaignLedger Ledger => _provider.GetRequiredService<ICampaignLedger>();

    [Fact]
    public async Task Registration_WithConsent_IssuesOneWelcomeCoupon_EvenWhenRedelivered()
    {
        var registered = _events.Registered(new CustomerBuilder().WithId("w-1").With(c => c with { Consents = Support.TestConsents.Marketing(true) }).Build());

        await Processor.ApplyAsync(registered);
        await Processor.ApplyAsync(registered);

        var grant = Assert.Single(await Ledger.GrantsAsync("welcome"));
        Assert.Equal((CustomerId.From("w-1"), WelcomeCampaign.Period), (grant.CustomerId, grant.Period));
        var coupon = (await _provider.GetRequiredService<ICouponStore>().FindCouponAsync(grant.Code))!;
        Assert.Equal((CustomerId.From("w-1"), 1, _clock.GetCurrentInstant() + Duration.FromDays(30)), (coupon.AssignedTo, coupon.MaxRedemptions, coupon.ValidUntil));
        Assert.StartsWith("NEW", grant.Code.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_WithoutConsent_IssuesNothing()
    {
        await Processor.ApplyAsync(_events.Registered(new CustomerBuilder().WithId("w-2").With(c => c with { Consents = Support.TestConsents.Marketing(false) }).Build()));

        Assert.Empty(await Ledger.GrantsAsync("welcome"));
    }

    [Fact]
    public async Task EachDeliveredOrder_EarnsOneThankYou_AndRedeliveryEarnsNone()
    {
        var customer = new CustomerBuilder().WithId("t-1").With(c => c with { Consents = Support.TestConsents.Marketing(true) }).Build();
        await Processor.ApplyAsync(_events.Registered(customer));
        foreach (var order in new[] { "o-1", "o-2" })
        {
            await Processor.ApplyAsync(_events.Placed(customer.Id, OrderId.From(order), new Money(120m, Currency.TRY), _clock.GetCurrentInstant()));
            var delivered = _events.Delivered(customer.Id, OrderId.From(order), _clock.GetCurrentInstant());
            await Processor.ApplyAsync(delivered);
            await Processor.ApplyAsync(delivered);
        }

        var grants = await Ledger.GrantsAsync("thank-you");
        Assert.Equal(
            [ThankYouCampaign.PeriodOf(OrderId.From("o-1")), ThankYouCampaign.PeriodOf(OrderId.From("o-2"))],
            grants.Select(g => g.Period).Order(StringComparer.Ordinal));
        var coupon = (await _provider.GetRequiredService<ICouponStore>().FindCouponAsync(grants[0].Code))!;
        Assert.Equal(_clock.GetCurrentInstant() + Duration.FromDays(10), coupon.ValidUntil);
    }

    [Fact]
    public async Task DeliveredOrder_OfACustomerWithoutConsent_EarnsNoThankYou()
    {
        var customer = new CustomerBuilder().WithId("t-2").With(c => c with { Consents = Support.TestConsents.Marketing(false) }).Build();
        await Processor.ApplyAsync(_events.Registered(customer));
        await Processor.ApplyAsync(_events.Placed(customer.Id, OrderId.From("o-9"), new Money(50m, Currency.TRY), _clock.GetCurrentInstant()));
        await Processor.ApplyAsync(_events.Delivered(customer.Id, OrderId.From("o-9"), _clock.GetCurrentInstant()));

        Assert.Empty(await Ledger.GrantsAsync("thank-you"));
    }

    [Fact]
    public void Registration_WithAnInvalidSetting_FailsAtRegistration_NamingIt()
    {
        var services = new ServiceCollection().AddCustomerCare();

        var refused = Assert.Throws<FieldValidationException>(() => services.AddWelcomeCampaign(o => o.ValidFor = Duration.Zero));

        Assert.Equal("ValidFor", Assert.Single(refused.Errors).Field);
    }

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();
}
