using CustomerCare.Campaigns.Recovery;
using CustomerCare.Coupons;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Policy.Compensation;
using CustomerCare.Policy.Promises;
using CustomerCare.Storage;
using CustomerCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Tests.Policy;

public sealed class ServiceRecoveryTests : IAsyncDisposable
{
    private static readonly LocalDate Promised = new(2027, 3, 5);
    private readonly FakeClock _clock = new(Instant.FromUtc(2027, 3, 1, 9, 0));
    private readonly ServiceProvider _provider;
    private readonly CommerceEvents _events = new("rec");
    private readonly Recorded _recorded = new();

    public ServiceRecoveryTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(_clock);
        services.AddSingleton<IServiceRecoveryObserver>(_recorded);
        services.AddCustomerCare(o =>
        {
            o.Policy.Compensation.Rules[BrokenPromiseKind.LateDelivery] = new CompensationRule { CouponDefinitionId = "sorry-late", ValidFor = Duration.FromDays(30) };
            o.Policy.Compensation.Rules[BrokenPromiseKind.Damaged] = new CompensationRule { CouponDefinitionId = "sorry-damaged" };
            o.Policy.Compensation.Rules[BrokenPromiseKind.NeverDelivered] = new CompensationRule { CouponDefinitionId = "sorry-lost" };
            o.Policy.Compensation.Caps.MaxPerCustomer = 2;
        });
        _provider = services.BuildServiceProvider();
        var coupons = _provider.GetRequiredService<ICouponStore>();
        foreach (var id in new[] { "sorry-late", "sorry-damaged", "sorry-lost" })
        {
            coupons.AddDefinitionAsync(new CouponDefinition(id, "Özür dileriz", Discount.AmountOff(new Money(50m, Currency.TRY)))).AsTask().GetAwaiter().GetResult();
        }
    }

    private CustomerEventProcessor Processor => _provider.GetRequiredService<CustomerEventProcessor>();

    private ICampaignLedger Grants => _provider.GetRequiredService<ICampaignLedger>();

    [Fact]
    public async Task ALateDelivery_IssuesOneApologyCoupon_EvenWhenEventsAndSweepsRepeat()
    {
        var customer = await CustomerAsync("c-1", "Europe/Istanbul");
        await PlaceAsync(customer, "S-1");
        _clock.Reset(new LocalDateTime(2027, 3, 6, 14, 0).InZoneStrictly(customer.TimeZone).ToInstant());
        var delivered = _events.Delivered(customer.Id, OrderId.From("S-1"), _clock.GetCurrentInstant());

        await Processor.ApplyAsync(delivered);
        await Processor.ApplyAsync(delivered);
        await _provider.GetRequiredService<BrokenPromiseDetector>().SweepAsync(_clock.GetCurrentInstant());

        var grant = Assert.Single(await Grants.GrantsAsync(ServiceRecoveryIssuer.CampaignId));
        Assert.Equal("order:S-1/late_delivery", grant.Period);
        var recovery = Assert.Single(_recorded.Results);
        Assert.Equal((BrokenPromiseKind.LateDelivery, grant.Code), (recovery.Promise.Kind, recovery.Coupon!.Code));
        Assert.Equal("promised 2027-03-05, delivered 2027-03-06", recovery.Promise.Detail);
    }

    [Fact]
    public async Task ADeliveryOnThePromisedLocalDate_IsOnTime_EvenWhenUtcSaysTheNextDay()
    {
        // 23:30 in Istanbul on the 5th is 20:30 UTC; in Kiritimati 23:30 on the 5th is 09:30 UTC the same day.
        var customer = await CustomerAsync("c-1", "Pacific/Kiritimati");
        await PlaceAsync(customer, "S-1");
        var lateEvening = new LocalDateTime(2027, 3, 5, 23, 30).InZoneStrictly(customer.TimeZone).ToInstant();

        await Processor.ApplyAsync(_events.Delivered(customer.Id, OrderId.From("S-1"), lateEvening));

        Assert.Empty(await Grants.GrantsAsync(ServiceRecoveryIssuer.CampaignId));
    }

    [Fact]
    public async Task TheSweep_FindsLateThenNeverDelivered_OncePerKind()
    {
        var customer = await CustomerAsync("c-1", "Europe/Istanbul");
        await PlaceAsync(customer, "S-1");
        var detector = _provider.GetRequiredService<BrokenPromiseDetector>();

        var onTheDay = await detector.SweepAsync(Instant.FromUtc(2027, 3, 5, 12, 0));
        var dayAfter = await detector.SweepAsync(Instant.FromUtc(2027, 3, 6, 12, 0));
        var weekAfter = await detector.SweepAsync(Instant.FromUtc(2027, 3, 13, 12, 0));

        Assert.Empty(onTheDay);
        Assert.Equal([(BrokenPromiseKind.LateDelivery, true)], dayAfter.Select(r => (r.Promise.Kind, r.IsNew)));
        Assert.Equal([(BrokenPromiseKind.LateDelivery, false), (BrokenPromiseKind.NeverDelivered, true)], weekAfter.Select(r => (r.Promise.Kind, r.IsNew)));
        Assert.Equal(2, (await Grants.GrantsAsync(ServiceRecoveryIssuer.CampaignId)).Count);
    }

    [Fact]
    public async Task DamagedReturns_PastTheCap_StillGetTheApology_ButNoMoreCoupons()
    {
        var customer = await CustomerAsync("c-1", "Europe/Istanbul");
        for (var i = 1; i <= 3; i++)
        {
            var order = "D-" + i;
            await PlaceAsync(customer, order);
            await Processor.ApplyAsync(_events.Delivered(customer.Id, OrderId.From(order), _clock.GetCurrentInstant()));
            await Processor.ApplyAsync(_events.Returned(customer.Id, OrderId.From(order), new Money(100m, Currency.TRY), _clock.GetCurrentInstant()) with { Reason = ReturnReason.Damaged });
        }

        Assert.Equal([true, true, false], _recorded.Results.Select(r => r.Entry.WithCoupon));
        Assert.Equal(2, (await Grants.GrantsAsync(ServiceRecoveryIssuer.CampaignId)).Count);
    }

    [Fact]
    public async Task AWrongItemReturn_IsNoBrokenPromise_WhenTheShopDoesNotPromiseIt()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(_clock);
        services.AddCustomerCare(o => o.Policy.Promises.NoSubstitutionWithoutConsent = false);
        await using var provider = services.BuildServiceProvider();
        var processor = provider.GetRequiredService<CustomerEventProcessor>();
        var customer = new CustomerBuilder().WithId("c-9").Build();
        await processor.ApplyAsync(_events.Registered(customer));
        await processor.ApplyAsync(_events.Placed(customer.Id, OrderId.From("W-1"), new Money(100m, Currency.TRY), _clock.GetCurrentInstant()));
        await processor.ApplyAsync(_events.Delivered(customer.Id, OrderId.From("W-1"), _clock.GetCurrentInstant()));

        await processor.ApplyAsync(_events.Returned(customer.Id, OrderId.From("W-1"), new Money(100m, Currency.TRY), _clock.GetCurrentInstant()) with { Reason = ReturnReason.WrongItem });

        Assert.Empty(await provider.GetRequiredService<ICompensationLedger>().EntriesOfAsync(customer.Id));
    }

    [Fact]
    public async Task ACrashAfterTheLedgerWrite_IsRepairedByTheNextDetection()
    {
        var customer = await CustomerAsync("c-1", "Europe/Istanbul");
        var promise = new BrokenPromise(BrokenPromiseKind.Damaged, customer.Id, "order:X-1", _clock.GetCurrentInstant(), "returned as Damaged");
        // The ledger entry exists, but the process died before the coupon was issued.
        await _provider.GetRequiredService<ICompensationLedger>().RecordAsync(
            new CompensationEntry(customer.Id, "order:X-1", BrokenPromiseKind.Damaged, _clock.GetCurrentInstant(), WithCoupon: true), 2, Instant.MinValue);

        var repaired = await _provider.GetRequiredService<ServiceRecovery>().RecoverAsync(promise);

        Assert.False(repaired.IsNew);
        Assert.NotNull(repaired.Coupon);
        Assert.Single(await Grants.GrantsAsync(ServiceRecoveryIssuer.CampaignId));
    }

    [Fact]
    public void AnInvalidMatrix_FailsAtStart_NamingThePath()
    {
        var services = new ServiceCollection();
        services.AddCustomerCare(o => o.Policy.Compensation.Rules[BrokenPromiseKind.WrongItem] = new CompensationRule { CouponDefinitionId = " x", ValidFor = Duration.Zero });
        using var provider = services.BuildServiceProvider();

        var refused = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<CustomerCareOptions>>().Value);

        Assert.Contains("field 'CustomerCare:Policy.Compensation.Rules[wrong_item].CouponDefinitionId'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("field 'CustomerCare:Policy.Compensation.Rules[wrong_item].ValidFor'", refused.Message, StringComparison.Ordinal);
    }

    private async Task<Customer> CustomerAsync(string id, string zone)
    {
        var customer = new CustomerBuilder().WithId(id).InZone(zone).Build();
        await Processor.ApplyAsync(_events.Registered(customer));
        return customer;
    }

    private async Task PlaceAsync(Customer customer, string order) =>
        await Processor.ApplyAsync(_events.Placed(customer.Id, OrderId.From(order), new Money(500m, Currency.TRY), _clock.GetCurrentInstant()) with { PromisedDeliveryDate = Promised });

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();

    private sealed class Recorded : IServiceRecoveryObserver
    {
        public List<RecoveryResult> Results { get; } = [];

        public ValueTask OnRecoveredAsync(RecoveryResult recovery, CancellationToken cancellationToken = default)
        {
            lock (Results)
            {
                Results.Add(recovery);
            }

            return ValueTask.CompletedTask;
        }
    }
}
