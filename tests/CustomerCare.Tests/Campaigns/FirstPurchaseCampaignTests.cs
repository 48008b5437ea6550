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
    public void Options_WithAMaxAgeShorterThanTheWait_AreRefusedNamingBoth()
    {
        var options = new FirstPurchaseCampaignOptions { AfterSignUp = Duration.FromDays(10), MaxAccountAge = Duration.FromDays(5) };

        var refused = Assert.Throws<FieldValidationException>(() => new FirstPurchaseCampaign(_customers, _coupons, new CouponCodeGenerator(), options));

        var error = Assert.Single(refused.Errors);
        Assert.Equal("MaxAccountAge", error.Field);
        Assert.Contains("AfterSignUp", error.Message, StringComparison.Ordinal);
    }

    private FirstPurchaseCampaign Campaign()
    {
        _coupons.AddDefinitionAsync(new CouponDefinition("first-purchase", "İlk alışverişe", Discount.PercentOff(10))).AsTask().GetAwaiter().GetResult();
        return new(_customers, _coupons, new CouponCodeGenerator(), new FirstPurchaseCampaignOptions());
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
}
