using CustomerCare.Campaigns.WinBack;
using CustomerCare.Coupons;
using CustomerCare.Coupons.Codes;
using CustomerCare.Customers;
using CustomerCare.Segments;
using CustomerCare.Storage;
using CustomerCare.Storage.InMemory;
using CustomerCare.Testing;
using NodaTime;

namespace CustomerCare.Tests.Campaigns;

public sealed class WinBackCampaignTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 9, 1, 9, 0);
    private readonly InMemoryCustomerStore _customers = new();
    private readonly InMemoryCouponStore _coupons = new();

    [Theory]
    [InlineData(89, 0)]
    [InlineData(90, 1)]
    [InlineData(200, 1)]
    public async Task RunDue_AfterTheInactiveDays_IssuesOneCoupon(int daysSinceLastOrder, int expected)
    {
        await AddAsync("c-1", Now - Duration.FromDays(daysSinceLastOrder));

        var result = await (await CampaignAsync(new Dictionary<CustomerId, ServiceHistory>())).RunDueAsync(Now);

        Assert.Equal(expected, result.Issued.Count);
    }

    [Fact]
    public async Task RunDue_Twice_IssuesOnce_AndANewLapseEarnsANewCoupon()
    {
        await AddAsync("c-1", Now - Duration.FromDays(120));
        var campaign = await CampaignAsync(new Dictionary<CustomerId, ServiceHistory>());

        var first = await campaign.RunDueAsync(Now);
        var again = await campaign.RunDueAsync(Now + Duration.FromDays(1));
        var customer = (await _customers.FindAsync(CustomerId.From("c-1")))!;
        var reordered = customer with { Stats = customer.Stats with { LastOrderAt = Now + Duration.FromDays(2) } };
        await _customers.CommitAsync(new CustomerChangeSet { Customers = [new(reordered, customer.Version)] });
        var nextLapse = await campaign.RunDueAsync(Now + Duration.FromDays(100));

        Assert.Single(first.Issued);
        Assert.Empty(again.Issued);
        Assert.Equal(1, again.AlreadyGranted);
        Assert.NotEqual(first.Issued[0].Period, Assert.Single(nextLapse.Issued).Period);
    }

    [Fact]
    public async Task RunDue_WhileAComplaintIsOpen_IssuesNothing()
    {
        await AddAsync("c-1", Now - Duration.FromDays(120));
        var history = new Dictionary<CustomerId, ServiceHistory> { [CustomerId.From("c-1")] = new(1, Now - Duration.FromDays(3), null) };

        var result = await (await CampaignAsync(history)).RunDueAsync(Now);

        Assert.Empty(result.Issued);
    }

    private async Task<WinBackCampaign> CampaignAsync(Dictionary<CustomerId, ServiceHistory> history)
    {
        await _coupons.AddDefinitionAsync(new CouponDefinition("win-back", "Seni özledik", Discount.PercentOff(15)));
        return new WinBackCampaign(_customers, _coupons, new FixedHistory(history), new CouponCodeGenerator(), new WinBackCampaignOptions());
    }

    private async Task AddAsync(string id, Instant lastOrder)
    {
        var customer = new CustomerBuilder().WithId(id).With(c => c with
        {
            Consents = Support.TestConsents.Marketing(true),
            Stats = c.Stats with { OrderCount = 2, FirstOrderAt = lastOrder - Duration.FromDays(30), LastOrderAt = lastOrder },
        }).Build();
        await _customers.CommitAsync(new CustomerChangeSet { Customers = [new(customer, 0)] });
    }

    private sealed class FixedHistory(Dictionary<CustomerId, ServiceHistory> history) : IServiceHistoryProvider
    {
        public ValueTask<IReadOnlyDictionary<CustomerId, ServiceHistory>> GetAsync(IReadOnlyCollection<CustomerId> customers, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<IReadOnlyDictionary<CustomerId, ServiceHistory>>(history);
    }
}
