using System.Collections.Immutable;
using CustomerCare.Coupons;
using CustomerCare.Coupons.Codes;
using CustomerCare.Coupons.Redemptions;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Storage.InMemory;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Tests.Coupons;

public sealed class CouponServiceTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 6, 1, 10, 0);
    private readonly InMemoryCouponStore _store = new();
    private readonly InMemorySegmentMembershipStore _segments = new();
    private readonly FakeClock _clock = new(Now);
    private readonly CouponService _service;
    private readonly CouponCodeGenerator _generator = new();

    public CouponServiceTests()
    {
        _service = new CouponService(_store, _segments, _clock);
    }

    [Fact]
    public async Task Check_ValidCode_GivesTheDiscountOnEligibleLinesOnly()
    {
        var code = await IssueAsync(Definition(Discount.PercentOff(10)) with { ExcludedCategories = ["Kitap"] });

        var check = await _service.CheckAsync(code.ToString().ToLowerInvariant(), Order(("tv", "Elektronik", 1000m), ("novel", "KİTAP", 100m)));

        Assert.True(check.IsAccepted, check.Message);
        Assert.Equal(Lira(100m), check.Discount);
    }

    [Theory]
    [InlineData("not-started", CouponRejection.NotStarted)]
    [InlineData("expired", CouponRejection.Expired)]
    [InlineData("minimum", CouponRejection.MinimumNotMet)]
    [InlineData("product", CouponRejection.ProductNotEligible)]
    [InlineData("segment", CouponRejection.SegmentNotEligible)]
    [InlineData("owner", CouponRejection.AssignedToAnotherCustomer)]
    [InlineData("stacking", CouponRejection.StackingConflict)]
    public async Task Check_EachRule_RefusesWithItsStableCode(string rule, string expected)
    {
        var definition = rule switch
        {
            "not-started" => Definition() with { ValidFrom = Now + Duration.FromDays(1) },
            "expired" => Definition() with { ValidUntil = Now },
            "minimum" => Definition() with { MinimumOrder = Lira(500m) },
            "product" => Definition() with { IncludedProducts = ["other"] },
            "segment" => Definition() with { EligibleSegments = ["vip"] },
            _ => Definition(),
        };
        var code = await IssueAsync(definition, owner: rule == "owner" ? CustomerId.From("c-owner") : null);
        var order = Order(("tv", "Elektronik", 100m)) with { OtherCodes = rule == "stacking" ? ["OTHER"] : [] };

        var check = await _service.CheckAsync(code.ToString(), order);

        Assert.Equal(expected, check.Rejection);
        Assert.Contains(code.ToString(), check.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("NOT A CODE")]
    public async Task Check_MalformedText_IsRefusedWithTheReason(string text)
    {
        var check = await _service.CheckAsync(text, Order(("tv", "Elektronik", 100m)));

        Assert.Equal(CouponRejection.Malformed, check.Rejection);
    }

    [Fact]
    public async Task Check_UnknownCode_IsRefused()
    {
        var check = await _service.CheckAsync(_generator.Generate(CouponCodePattern.Default).ToString(), Order(("tv", "Elektronik", 100m)));

        Assert.Equal(CouponRejection.Unknown, check.Rejection);
    }

    [Fact]
    public async Task Check_CustomerInTheEligibleSegment_IsAccepted()
    {
        await _segments.RecordAsync("vip", Now - Duration.FromHours(1), [CustomerId.From("c-1")]);
        var code = await IssueAsync(Definition() with { EligibleSegments = ["vip"] });

        Assert.True((await _service.CheckAsync(code.ToString(), Order(("tv", "Elektronik", 100m)))).IsAccepted);
    }

    [Fact]
    public async Task Redeem_SingleUseTwice_SecondOrderIsRefused_AndARetryOfTheFirstIsIdempotent()
    {
        var code = await IssueAsync(Definition());
        var first = Order(("tv", "Elektronik", 100m));

        var (check, reservation) = await _service.RedeemAsync(code.ToString(), first);
        var (_, retry) = await _service.RedeemAsync(code.ToString(), first);
        var (secondCheck, _) = await _service.RedeemAsync(code.ToString(), first with { OrderId = OrderId.From("o-2") });

        Assert.True(check.IsAccepted);
        Assert.Equal(RedemptionOutcome.Done, reservation!.Outcome);
        Assert.Equal(RedemptionOutcome.AlreadyDone, retry!.Outcome);
        Assert.Equal(CouponRejection.CapReached, secondCheck.Rejection);
    }

    [Fact]
    public async Task ReleaseOrder_AfterCancellation_GivesTheUseBack()
    {
        var code = await IssueAsync(Definition());
        var order = Order(("tv", "Elektronik", 100m));
        await _service.RedeemAsync(code.ToString(), order);
        await _service.ConfirmAsync(order.OrderId);

        var released = await _service.ReleaseOrderAsync(order.OrderId);
        var (again, _) = await _service.RedeemAsync(code.ToString(), order with { OrderId = OrderId.From("o-2") });

        Assert.Equal(RedemptionOutcome.Done, Assert.Single(released).Outcome);
        Assert.True(again.IsAccepted, again.Message);
        Assert.Equal(new CouponUsage(1, 0, 1), await _store.GetUsageAsync(code));
    }

    private static CouponDefinition Definition(Discount? discount = null) => new("def", "Test", discount ?? Discount.AmountOff(Lira(50m)));

    private static CouponOrder Order(params (string Product, string Category, decimal Price)[] lines) =>
        new(OrderId.From("o-1"), CustomerId.From("c-1"), [.. lines.Select(l => new OrderLine(l.Product, 1, Lira(l.Price), l.Category))], Lira(29.90m));

    private static CustomerCare.Money Lira(decimal amount) => new(amount, Currency.TRY);

    private async Task<CouponCode> IssueAsync(CouponDefinition definition, CustomerId? owner = null)
    {
        await _store.AddDefinitionAsync(definition);
        var code = _generator.Generate(CouponCodePattern.Default);
        Assert.Empty(await _store.AddCouponsAsync([new Coupon(code, definition.Id, Now) { AssignedTo = owner }]));
        return code;
    }
}
