using CustomerCare.Campaigns.Recovery;
using CustomerCare.Coupons;
using CustomerCare.Coupons.Codes;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Storage.InMemory;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Tests.Campaigns;

public sealed class ServiceRecoveryIssuerTests
{
    private readonly FakeClock _clock = new(Instant.FromUtc(2027, 6, 1, 8, 0));
    private readonly InMemoryCouponStore _coupons = new();

    public ServiceRecoveryIssuerTests()
    {
        _coupons.AddDefinitionAsync(new CouponDefinition("apology-10", "Özür dileriz", Discount.PercentOff(10))).AsTask().GetAwaiter().GetResult();
    }

    private ServiceRecoveryIssuer Issuer => new(_coupons, new CouponCodeGenerator(), _clock);

    [Fact]
    public async Task SameOrderAndKind_ReplayedConcurrently_IssuesExactlyOne_AndEveryCallSeesIt()
    {
        var request = Request("o-1", "late_delivery");

        var issues = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () => await Issuer.IssueAsync(request))));

        Assert.Single(issues, i => i.IsNew);
        Assert.Single(issues.Select(i => i.Grant.Code).Distinct());
        Assert.Single(await _coupons.GrantsAsync(ServiceRecoveryIssuer.CampaignId));
    }

    [Fact]
    public async Task AnotherKind_OrAnotherOrder_IsAnotherCompensation()
    {
        await Issuer.IssueAsync(Request("o-1", "late_delivery"));
        await Issuer.IssueAsync(Request("o-1", "damaged"));
        await Issuer.IssueAsync(Request("o-2", "late_delivery"));

        var periods = (await _coupons.GrantsAsync(ServiceRecoveryIssuer.CampaignId)).Select(g => g.Period).Order(StringComparer.Ordinal);

        Assert.Equal(["order:o-1/damaged", "order:o-1/late_delivery", "order:o-2/late_delivery"], periods);
    }

    [Fact]
    public async Task TheCoupon_IsAssignedToTheCustomer_SingleUse_FromNow()
    {
        var issue = await Issuer.IssueAsync(Request("o-1", "wrong_item"));

        var coupon = (await _coupons.FindCouponAsync(issue.Grant.Code))!;
        Assert.Equal(
            (CustomerId.From("c-1"), 1, _clock.GetCurrentInstant(), _clock.GetCurrentInstant() + Duration.FromDays(60)),
            (coupon.AssignedTo, coupon.MaxRedemptions, coupon.ValidFrom, coupon.ValidUntil));
        Assert.StartsWith("CARE", issue.Grant.Code.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "kind")]
    [InlineData("Late Delivery", "kind")]
    [InlineData("geç_teslim", "kind")]
    public async Task AMalformedKind_IsRefusedNamingIt_AndNothingIsIssued(string kind, string field)
    {
        var refused = await Assert.ThrowsAsync<FieldValidationException>(async () => await Issuer.IssueAsync(Request("o-1", kind)));

        Assert.Equal(field, Assert.Single(refused.Errors).Field);
        Assert.Empty(await _coupons.GrantsAsync(ServiceRecoveryIssuer.CampaignId));
    }

    private static RecoveryRequest Request(string order, string kind) =>
        RecoveryRequest.ForOrder(CustomerId.From("c-1"), OrderId.From(order), kind, "apology-10", Duration.FromDays(60));
}
