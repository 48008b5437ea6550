using CustomerCare.Coupons;
using CustomerCare.Coupons.Codes;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Storage.InMemory;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Tests.Coupons;

public sealed class CouponAttemptLimiterTests
{
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 6, 1, 10, 0));

    [Fact]
    public async Task GuessingCodes_IsCutOffAfterTheLimit_PerCustomer_UntilTheWindowPasses()
    {
        using var limiter = new CouponAttemptLimiter(_clock, permitLimit: 3, window: Duration.FromMinutes(15));
        var service = new CouponService(new InMemoryCouponStore(), new InMemorySegmentMembershipStore(), _clock, attempts: limiter);
        var guesser = Order("c-guesser");

        var outcomes = new List<string?>();
        for (var i = 0; i < 4; i++)
        {
            outcomes.Add((await service.CheckAsync(new CouponCodeGenerator().Generate(CouponCodePattern.Default).ToString(), guesser)).Rejection);
        }

        var otherCustomer = await service.CheckAsync("GARBAGE", Order("c-other"));
        _clock.Advance(Duration.FromMinutes(15));
        var afterWindow = await service.CheckAsync("GARBAGE", guesser);

        Assert.Equal([CouponRejection.Unknown, CouponRejection.Unknown, CouponRejection.Unknown, CouponRejection.TooManyAttempts], outcomes);
        Assert.Equal(CouponRejection.Malformed, otherCustomer.Rejection);
        Assert.Equal(CouponRejection.Malformed, afterWindow.Rejection);
    }

    [Fact]
    public async Task GuessingCodes_FromOneCaller_IsCutOffAcrossCustomers()
    {
        using var limiter = new CouponAttemptLimiter(_clock, permitLimit: 2);
        var service = new CouponService(new InMemoryCouponStore(), new InMemorySegmentMembershipStore(), _clock, attempts: limiter);

        await service.CheckAsync("NOPE", Order("c-1"), callerKey: "10.0.0.7");
        await service.CheckAsync("NOPE", Order("c-2"), callerKey: "10.0.0.7");
        var third = await service.CheckAsync("NOPE", Order("c-3"), callerKey: "10.0.0.7");

        Assert.Equal(CouponRejection.TooManyAttempts, third.Rejection);
    }

    private static CouponOrder Order(string customer) =>
        new(OrderId.From("o-" + customer), CustomerId.From(customer), [new OrderLine("sku", 1, new Money(10m, Currency.TRY))], new Money(0m, Currency.TRY));
}
