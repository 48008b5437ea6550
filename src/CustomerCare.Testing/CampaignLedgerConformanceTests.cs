using CustomerCare.Campaigns;
using CustomerCare.Coupons;
using CustomerCare.Coupons.Codes;
using CustomerCare.Customers;
using CustomerCare.Storage;
using NodaTime;
using Xunit;

namespace CustomerCare.Testing;

/// <summary>
/// The required conformance suite of <see cref="ICampaignLedger"/>: a grant and its coupon are written together or
/// not at all, (campaign, customer, period) is unique, and racing runs give exactly one grant.
/// </summary>
/// <remarks>
/// Derive it once per store and override <see cref="CreateLedgerAsync"/>, returning the ledger and the coupon store it
/// shares storage with; each test gets a fresh, isolated store.
/// </remarks>
[ConformanceSuite(typeof(ICampaignLedger))]
public abstract class CampaignLedgerConformanceTests
{
    private static readonly Instant At = Instant.FromUtc(2027, 5, 17, 6, 0);
    private readonly CouponCodeGenerator _codes = new();

    /// <summary>Creates an empty ledger and the coupon store over the same storage.</summary>
    /// <returns>The pair.</returns>
    protected abstract ValueTask<(ICampaignLedger Ledger, ICouponStore Coupons)> CreateLedgerAsync();

    /// <summary>A grant writes its coupon; a second grant for the same key writes nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Grant_ThenAgainForTheSamePeriod_WritesOnlyTheFirst()
    {
        var (ledger, coupons) = await CreateAsync();
        var (grant, coupon) = Grant("c-1", "2027");
        var (again, secondCoupon) = Grant("c-1", "2027");

        Assert.Equal(GrantOutcome.Granted, await ledger.GrantAsync(grant, coupon));
        Assert.Equal(GrantOutcome.AlreadyGranted, await ledger.GrantAsync(again, secondCoupon));

        Assert.NotNull(await coupons.FindCouponAsync(coupon.Code));
        Assert.Null(await coupons.FindCouponAsync(secondCoupon.Code));
        Assert.Equal(grant, await ledger.FindGrantAsync("birthday", CustomerId.From("c-1"), "2027"));
    }

    /// <summary>Other periods and other customers are separate keys.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Grant_OtherPeriodOrCustomer_AreSeparate()
    {
        var (ledger, _) = await CreateAsync();
        foreach (var (customer, period) in new[] { ("c-1", "2027"), ("c-1", "2028"), ("c-2", "2027") })
        {
            var (grant, coupon) = Grant(customer, period);
            Assert.Equal(GrantOutcome.Granted, await ledger.GrantAsync(grant, coupon));
        }

        Assert.Equal([("c-1", "2027"), ("c-1", "2028"), ("c-2", "2027")], (await ledger.GrantsAsync("birthday")).Select(g => (g.CustomerId.Value, g.Period)));
    }

    /// <summary>A code that already exists writes nothing, so the caller can draw another.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Grant_WithATakenCode_WritesNothing()
    {
        var (ledger, _) = await CreateAsync();
        var (first, coupon) = Grant("c-1", "2027");
        await ledger.GrantAsync(first, coupon);
        var clash = new CampaignGrant("birthday", CustomerId.From("c-2"), "2027", At, coupon.Code);

        Assert.Equal(GrantOutcome.CodeTaken, await ledger.GrantAsync(clash, coupon with { AssignedTo = clash.CustomerId }));
        Assert.Null(await ledger.FindGrantAsync("birthday", CustomerId.From("c-2"), "2027"));
    }

    /// <summary>Racing grants for one key: exactly one is written.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Grant_RacingForTheSameKey_ExactlyOneWins()
    {
        var (ledger, _) = await CreateAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            var (grant, coupon) = Grant("c-1", "2027");
            return await ledger.GrantAsync(grant, coupon);
        })));

        Assert.Single(outcomes, o => o == GrantOutcome.Granted);
        Assert.Single(await ledger.GrantsAsync("birthday"));
    }

    private async Task<(ICampaignLedger Ledger, ICouponStore Coupons)> CreateAsync()
    {
        var (ledger, coupons) = await CreateLedgerAsync();
        await coupons.AddDefinitionAsync(new CouponDefinition("birthday", "Birthday", Discount.PercentOff(10)));
        return (ledger, coupons);
    }

    private (CampaignGrant Grant, Coupon Coupon) Grant(string customer, string period)
    {
        var code = _codes.Generate(CouponCodePattern.Default);
        var id = CustomerId.From(customer);
        return (new CampaignGrant("birthday", id, period, At, code), new Coupon(code, "birthday", At) { AssignedTo = id });
    }
}
