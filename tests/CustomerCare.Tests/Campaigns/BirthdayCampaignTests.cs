using CustomerCare.Campaigns;
using CustomerCare.Campaigns.Birthday;
using CustomerCare.Coupons;
using CustomerCare.Coupons.Codes;
using CustomerCare.Customers;
using CustomerCare.Storage;
using CustomerCare.Storage.InMemory;
using CustomerCare.Testing;
using NodaTime;

namespace CustomerCare.Tests.Campaigns;

public sealed class BirthdayCampaignTests
{
    private static readonly string[] Zones = ["Europe/Istanbul", "America/Sao_Paulo", "Pacific/Apia", "Pacific/Kiritimati", "America/Adak", "Asia/Tokyo"];

    [Fact]
    public async Task RunDue_TwiceTheSameDay_IssuesOnceWithAPersonalSingleUseCode()
    {
        var (customers, coupons) = await StoresAsync();
        var ayse = await AddAsync(customers, new CustomerBuilder().WithId("c-ayse").BornOn(5, 17).InZone("Europe/Istanbul"));
        var campaign = Campaign(customers, coupons);
        var now = TestClocks.At(2027, 5, 17, 10, 0, "Europe/Istanbul").GetCurrentInstant();

        var first = await campaign.RunDueAsync(now);
        var second = await campaign.RunDueAsync(now + Duration.FromHours(3));

        var grant = Assert.Single(first.Issued);
        Assert.Equal((ayse.Id, "2027"), (grant.CustomerId, grant.Period));
        Assert.Empty(second.Issued);
        Assert.Equal(1, second.AlreadyGranted);
        var coupon = await coupons.FindCouponAsync(grant.Code);
        Assert.Equal((ayse.Id, 1L), (coupon!.AssignedTo, coupon.MaxRedemptions));
        Assert.Equal(coupon.ValidFrom + Duration.FromDays(7), coupon.ValidUntil);
    }

    [Fact]
    public async Task RunDue_Feb29Customer_GetsTheCouponOnFeb28In2027And2100AndFeb29In2028()
    {
        var (customers, coupons) = await StoresAsync();
        await AddAsync(customers, new CustomerBuilder().WithId("c-leap").BornOn(2, 29).InZone("Europe/Istanbul"));
        var campaign = Campaign(customers, coupons);

        foreach (var (year, day) in new[] { (2027, 28), (2028, 29), (2100, 28) })
        {
            var before = await campaign.RunDueAsync(TestClocks.At(year, 2, day, 8, 59, "Europe/Istanbul").GetCurrentInstant());
            var on = await campaign.RunDueAsync(TestClocks.At(year, 2, day, 9, 0, "Europe/Istanbul").GetCurrentInstant());

            Assert.Empty(before.Issued);
            Assert.Equal(year.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(on.Issued).Period);
        }
    }

    [Fact]
    public async Task RunDue_DailyOverAYear_GivesEveryoneInEveryZoneExactlyOneCoupon()
    {
        var (customers, coupons) = await StoresAsync();
        var random = new Random(29);
        for (var i = 0; i < 60; i++)
        {
            var birthday = Birthday.Create(random.Next(1, 13), random.Next(1, 29));
            await AddAsync(customers, new CustomerBuilder().WithId($"c-{i:D3}").InZone(Zones[i % Zones.Length]).With(c => c with { Birthday = birthday }));
        }

        await AddAsync(customers, new CustomerBuilder().WithId("c-leap").BornOn(2, 29).InZone("Pacific/Apia"));
        var campaign = Campaign(customers, coupons);
        for (var now = Instant.FromUtc(2027, 1, 1, 0, 0); now < Instant.FromUtc(2028, 1, 1, 0, 0); now += Duration.FromHours(6))
        {
            await campaign.RunDueAsync(now);
        }

        var grants = await ((ICampaignLedger)coupons).GrantsAsync("birthday");
        Assert.Equal(61, grants.Count(g => g.Period == "2027"));
        Assert.Equal(grants.Count, grants.Select(g => (g.CustomerId, g.Period)).Distinct().Count());
    }

    [Fact]
    public async Task RunDue_WithCrashesInjectedAtRandomPoints_NeverIssuesTwiceAndMissesNobody()
    {
        for (var run = 0; run < 1000; run++)
        {
            var random = new Random(run);
            var (customers, coupons) = await StoresAsync();
            var count = random.Next(1, 8);
            for (var i = 0; i < count; i++)
            {
                await AddAsync(customers, new CustomerBuilder().WithId($"c-{i}").InZone(Zones[random.Next(Zones.Length)]).With(c => c with { Birthday = Birthday.Create(3, random.Next(1, 6)) }));
            }

            var crashing = new CrashingLedger(coupons, random);
            var campaign = Campaign(customers, crashing);
            var now = Instant.FromUtc(2027, 2, 27, 0, 0);
            while (now < Instant.FromUtc(2027, 3, 9, 0, 0))
            {
                try
                {
                    await campaign.RunDueAsync(now);
                }
                catch (SimulatedCrashException)
                {
                    // A crash ends the run; the next run, like a restarted process, must continue where it stopped.
                    continue;
                }

                now += Duration.FromHours(random.Next(1, 30));
            }

            var grants = await ((ICampaignLedger)coupons).GrantsAsync("birthday");
            Assert.True(grants.Count == count, $"run {run}: {grants.Count} grants for {count} customers");
            Assert.Equal(count, grants.Select(g => g.CustomerId).Distinct().Count());
        }
    }

    private static BirthdayCampaign Campaign(ICustomerStore customers, ICampaignLedger ledger) =>
        new(customers, ledger, new CouponCodeGenerator(), new BirthdayCampaignOptions { RequireConsent = true });

    private static async Task<(InMemoryCustomerStore Customers, InMemoryCouponStore Coupons)> StoresAsync()
    {
        var coupons = new InMemoryCouponStore();
        await coupons.AddDefinitionAsync(new CouponDefinition("birthday", "Doğum günü", Discount.PercentOff(20, new Money(250m, Currency.TRY))));
        return (new InMemoryCustomerStore(), coupons);
    }

    private static async Task<Customer> AddAsync(InMemoryCustomerStore store, CustomerBuilder builder)
    {
        var customer = builder.With(c => c with { Consents = Support.TestConsents.Marketing(true), BirthdaySetAt = null }).Build();
        await store.CommitAsync(new CustomerChangeSet { Customers = [new(customer, 0)] });
        return customer;
    }

    private sealed class SimulatedCrashException : Exception;

    /// <summary>A ledger that sometimes dies before a grant, sometimes right after it was written.</summary>
    private sealed class CrashingLedger(ICampaignLedger inner, Random random) : ICampaignLedger
    {
        public async ValueTask<GrantOutcome> GrantAsync(CampaignGrant grant, Coupon coupon, CancellationToken cancellationToken = default)
        {
            if (random.Next(4) == 0)
            {
                throw new SimulatedCrashException();
            }

            var outcome = await inner.GrantAsync(grant, coupon, cancellationToken);
            return random.Next(4) == 0 ? throw new SimulatedCrashException() : outcome;
        }

        public ValueTask<CampaignGrant?> FindGrantAsync(string campaignId, CustomerId customerId, string period, CancellationToken cancellationToken = default) =>
            inner.FindGrantAsync(campaignId, customerId, period, cancellationToken);

        public ValueTask<IReadOnlyList<CampaignGrant>> GrantsAsync(string campaignId, CancellationToken cancellationToken = default) =>
            inner.GrantsAsync(campaignId, cancellationToken);
    }
}
