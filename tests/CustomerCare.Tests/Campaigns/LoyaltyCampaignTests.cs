using CustomerCare.Campaigns.Loyalty;
using CustomerCare.Coupons;
using CustomerCare.Coupons.Codes;
using CustomerCare.Customers;
using CustomerCare.Segments;
using CustomerCare.Storage;
using CustomerCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Tests.Campaigns;

public sealed class LoyaltyCampaignTests : IAsyncDisposable
{
    private static readonly Instant Now = Instant.FromUtc(2027, 3, 31, 12, 0);
    private readonly FakeClock _clock = new(Now);
    private readonly ServiceProvider _provider;

    public LoyaltyCampaignTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(_clock);
        services.AddCustomerCare();
        _provider = services.BuildServiceProvider();
        _provider.GetRequiredService<ICouponStore>().AddDefinitionAsync(new CouponDefinition("loyalty", "Sadık müşteri", Discount.PercentOff(15))).AsTask().GetAwaiter().GetResult();
    }

    [Fact]
    public async Task RunDue_RewardsEveryConsentingRegular_OncePerQuarter()
    {
        await AddAsync("regular-1", orders: 5, consent: true);
        await AddAsync("regular-2", orders: 4, consent: false);
        await AddAsync("one-timer", orders: 1, consent: true);
        var campaign = Campaign(new LoyaltyCampaignOptions());

        var first = await campaign.RunDueAsync(Now);
        var sameQuarter = await campaign.RunDueAsync(Now + Duration.FromHours(2));
        var nextQuarter = await campaign.RunDueAsync(Now + Duration.FromDays(2));

        Assert.Equal([CustomerId.From("regular-1")], first.Issued.Select(g => g.CustomerId));
        Assert.Equal(("2027-Q1", 2), (first.Issued[0].Period, first.Considered));
        Assert.Empty(sameQuarter.Issued);
        Assert.Equal("2027-Q2", Assert.Single(nextQuarter.Issued).Period);
    }

    [Theory]
    [InlineData(LoyaltyPeriod.Month, "Europe/Istanbul", "2027-04")]
    [InlineData(LoyaltyPeriod.Month, "America/New_York", "2027-03")]
    [InlineData(LoyaltyPeriod.Quarter, "Pacific/Kiritimati", "2027-Q2")]
    [InlineData(LoyaltyPeriod.Year, "Europe/Istanbul", "2027")]
    public void PeriodOf_IsReadInTheCustomersZone(LoyaltyPeriod every, string zone, string expected)
    {
        // 22:30 UTC on 31 March is already April in Istanbul and Kiritimati, still March in New York.
        var instant = Instant.FromUtc(2027, 3, 31, 22, 30);

        Assert.Equal(expected, LoyaltyCampaign.PeriodOf(every, instant, TimeZones.Resolve(zone)));
    }

    [Fact]
    public void AnUnknownSegment_IsRefusedAtConstruction_ListingTheKnownOnes()
    {
        var refused = Assert.Throws<FieldValidationException>(() => Campaign(new LoyaltyCampaignOptions { Segment = "regulars" }));

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("Segment", "regulars"), (error.Field, error.AttemptedValue));
        Assert.Contains("regular,", error.Message, StringComparison.Ordinal);
    }

    private LoyaltyCampaign Campaign(LoyaltyCampaignOptions options) =>
        new(_provider.GetRequiredService<SegmentService>(), _provider.GetRequiredService<ICampaignLedger>(), new CouponCodeGenerator(), options);

    private async Task AddAsync(string id, int orders, bool consent)
    {
        var customer = new CustomerBuilder().WithId(id).With(c => c with
        {
            Consents = Support.TestConsents.Marketing(consent),
            Stats = c.Stats with { OrderCount = orders, FirstOrderAt = Now - Duration.FromDays(300), LastOrderAt = Now - Duration.FromDays(20) },
        }).Build();
        await _provider.GetRequiredService<ICustomerStore>().CommitAsync(new CustomerChangeSet { Customers = [new(customer, 0)] });
    }

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();
}
