using CustomerCare.Campaigns;
using CustomerCare.Campaigns.FirstPurchase;
using CustomerCare.Coupons;
using CustomerCare.Coupons.Codes;
using CustomerCare.Customers;
using CustomerCare.Storage;
using CustomerCare.Storage.InMemory;
using CustomerCare.Testing;
using NodaTime;

namespace CustomerCare.Tests.Campaigns;

public sealed class FirstPurchaseCampaignTests
{
    private static readonly Instant Now = Instant.FromUtc(2027, 5, 10, 9, 0);
    private readonly InMemoryCustomerStore _customers = new();
    private readonly InMemoryCouponStore _coupons = new();

    [Theory]
    [InlineData(2, 0, 0)]
    [InlineData(3, 0, 1)]
    [InlineData(29, 0, 1)]
    [InlineData(30, 0, 0)]
    [InlineData(10, 1, 0)]
    public async Task RunDue_GivesTheNudge_OnlyToAccountsInTheWindowWithoutAnOrder(int accountAgeDays, int orders, int expected)
    {
        await AddAsync("c-1", Now - Duration.FromDays(accountAgeDays), orders, consent: true);

        var result = await Campaign().RunDueAsync(Now);

        Assert.Equal(expected, result.Issued.Count);
    }

    [Fact]
    public async Task RunDue_RepeatedOverTheWindow_IssuesOncePerCustomer_AndSkipsThoseWithoutConsent()
    {
        await AddAsync("c-1", Now - Duration.FromDays(5), 0, consent: true);
        await AddAsync("c-2", Now - Duration.FromDays(5), 0, consent: false);
        var campaign = Campaign();

        var runs = new List<int>();
        for (var day = 0; day < 10; day++)
        {
            runs.Add((await campaign.RunDueAsync(Now + Duration.FromDays(day))).Issued.Count);
        }

        Assert.Equal(1, runs.Sum());
        Assert.Equal(CustomerId.From("c-1"), Assert.Single(await _coupons.GrantsAsync("first-purchase")).CustomerId);
    }

    [Fact]
    public async Task RunDue_AGrantHeardByItsObserver_IsNotHeardAgain_ButOneWhoseObserverFailedIs()
    {
        await AddAsync("c-1", Now - Duration.FromDays(5), 0, consent: true);
        await AddAsync("c-2", Now - Duration.FromDays(5), 0, consent: true);
        var observer = new RecordingObserver(failFor: CustomerId.From("c-2"));
        var campaign = Campaign(observer);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await campaign.RunDueAsync(Now));
        observer.Heal();
        var second = await campaign.RunDueAsync(Now + Duration.FromDays(1));
        var third = await campaign.RunDueAsync(Now + Duration.FromDays(2));
        var restarted = await Campaign(observer).RunDueAsync(Now + Duration.FromDays(3));

        Assert.Equal(
            [("c-1", true), ("c-2", true), ("c-2", false), ("c-1", false), ("c-2", false)],
            observer.Heard.Select(n => (n.Grant.CustomerId.Value, n.IsNew)));
        Assert.Equal((0, 2), (second.Issued.Count + third.Issued.Count + restarted.Issued.Count, (await _coupons.GrantsAsync("first-purchase")).Count));
    }

    [Fact]
    public void Options_WithAMaxAgeShorterThanTheWait_AreRefusedNamingBoth()
    {
        var options = new FirstPurchaseCampaignOptions { AfterSignUp = Duration.FromDays(10), MaxAccountAge = Duration.FromDays(5) };

        var refused = Assert.Throws<FieldValidationException>(() => new FirstPurchaseCampaign(_customers, _coupons, new CouponCodeGenerator(), options));

        var error = Assert.Single(refused.Errors);
        Assert.Equal("MaxAccountAge", error.Field);
        Assert.Contains("AfterSignUp", error.Message, StringComparison.Ordinal);
    }

    private FirstPurchaseCampaign Campaign(ICampaignObserver? observer = null)
    {
        _coupons.AddDefinitionAsync(new CouponDefinition("first-purchase", "İlk alışverişe", Discount.PercentOff(10))).AsTask().GetAwaiter().GetResult();
        return new(_customers, _coupons, new CouponCodeGenerator(), new FirstPurchaseCampaignOptions(), observer is null ? null : [observer]);
    }

    private async Task AddAsync(string id, Instant signedUp, int orders, bool consent)
    {
        var customer = new CustomerBuilder().WithId(id).SignedUpAt(signedUp).With(c => c with
        {
            Consents = Support.TestConsents.Marketing(consent),
            Stats = orders == 0 ? c.Stats : c.Stats with { OrderCount = orders, FirstOrderAt = signedUp, LastOrderAt = signedUp },
        }).Build();
        await _customers.CommitAsync(new CustomerChangeSet { Customers = [new(customer, 0)] });
    }

    private sealed class RecordingObserver(CustomerId failFor) : ICampaignObserver
    {
        private bool _failing = true;

        public List<CampaignGrantNotice> Heard { get; } = [];

        public void Heal() => _failing = false;

        public ValueTask OnGrantedAsync(CampaignGrantNotice notice, CancellationToken cancellationToken = default)
        {
            Heard.Add(notice);
            return _failing && notice.Grant.CustomerId == failFor
                ? throw new InvalidOperationException("The mail server is down.")
                : ValueTask.CompletedTask;
        }
    }
}
