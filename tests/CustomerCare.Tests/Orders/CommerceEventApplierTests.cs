using System.Collections.Immutable;
using CustomerCare.Customers;
using CustomerCare.Orders;

namespace CustomerCare.Tests.Orders;

public sealed class CommerceEventApplierTests
{
    private readonly EventFactory _events = new();

    [Fact]
    public void Placed_AddsOrderSpendAndFirstAndLastOrder()
    {
        var (customer, _) = Run(_events.Registered("c1"), _events.Placed("c1", "o1", 100m, day: 5), _events.Placed("c1", "o2", 50m, day: 3));

        Assert.Equal(2, customer.Stats.OrderCount);
        Assert.Equal(150m, customer.Stats.TotalSpend.Amount);
        Assert.Equal(75m, customer.Stats.AverageOrderValue.Amount);
        Assert.Equal(EventFactory.Day(3), customer.Stats.FirstOrderAt);
        Assert.Equal(EventFactory.Day(5), customer.Stats.LastOrderAt);
    }

    [Fact]
    public void Cancelled_RemovesTheOrderFromCountAndSpend()
    {
        var (customer, orders) = Run(_events.Registered("c1"), _events.Placed("c1", "o1", 100m), _events.Placed("c1", "o2", 40m), _events.Cancelled("c1", "o1"));

        Assert.Equal(1, customer.Stats.OrderCount);
        Assert.Equal(40m, customer.Stats.TotalSpend.Amount);
        Assert.Equal(1, customer.Stats.CancelledCount);
        Assert.Equal(OrderStatus.Cancelled, orders["o1"].Status);
    }

    [Fact]
    public void Returned_PartialThenRest_MovesToReturnedAndNetsSpend()
    {
        var (customer, orders) = Run(
            _events.Registered("c1"),
            _events.Placed("c1", "o1", 100m),
            _events.Delivered("c1", "o1"),
            _events.Returned("c1", "o1", 30m),
            _events.Returned("c1", "o1", 70m, day: 8));

        Assert.Equal(OrderStatus.Returned, orders["o1"].Status);
        Assert.Equal(0m, customer.Stats.TotalSpend.Amount);
        Assert.Equal(100m, customer.Stats.RefundedTotal.Amount);
        Assert.Equal(2, customer.Stats.ReturnsCount);
        Assert.Equal(1, customer.Stats.OrderCount);
    }

    [Fact]
    public void Placed_WithLines_CountsCategoriesForEngagement()
    {
        var placed = _events.Placed("c1", "o1", 300m) with
        {
            Lines = [new OrderLine("sku-1", 2, EventFactory.Lira(100m), "Elektronik"), new OrderLine("sku-2", 1, EventFactory.Lira(100m), "Kitap")],
        };
        var (customer, _) = Run(_events.Registered("c1"), placed, _events.Placed("c1", "o2", 10m) with { Lines = [new OrderLine("sku-3", 1, EventFactory.Lira(10m), "KİTAP")] });

        Assert.Equal(["Elektronik", "Kitap"], customer.Engagement.TopCategories(2));
        Assert.Equal(2, customer.Engagement.CategoryPurchases["kitap"]);
    }

    [Fact]
    public void Registered_Again_ReplacesProfileButKeepsStats()
    {
        var again = _events.Registered("c1", name: "Ayşe Nur");
        var (customer, _) = Run(_events.Registered("c1"), _events.Placed("c1", "o1", 100m), again);

        Assert.Equal("Ayşe Nur", customer.Name.GivenName);
        Assert.Equal(1, customer.Stats.OrderCount);
    }

    [Fact]
    public void OrderEvent_ForUnknownCustomer_IsRejectedNamingTheCustomer()
    {
        var transition = CommerceEventApplier.Apply(null, null, _events.Placed("ghost", "o1", 10m));

        Assert.True(transition.IsRejected);
        Assert.Equal(EventRejectionCodes.UnknownCustomer, transition.Rejection.Code);
        Assert.Equal("ghost", transition.Rejection.Value);
    }

    [Theory]
    [InlineData("delivered-then-cancelled")]
    [InlineData("returned-before-delivery")]
    [InlineData("shipped-twice")]
    public void InvalidTransition_IsRejectedWithTheCurrentStatus(string scenario)
    {
        var customer = Run(_events.Registered("c1"), _events.Placed("c1", "o1", 100m)).Customer;
        var order = CommerceEventApplier.Apply(customer, null, _events.Placed("c1", "o1", 100m)).Order!;
        if (scenario == "delivered-then-cancelled")
        {
            order = order with { Status = OrderStatus.Delivered };
        }
        else if (scenario == "shipped-twice")
        {
            order = order with { Status = OrderStatus.Shipped };
        }

        CommerceEvent next = scenario switch
        {
            "delivered-then-cancelled" => _events.Cancelled("c1", "o1"),
            "returned-before-delivery" => _events.Returned("c1", "o1", 10m),
            _ => _events.Shipped("c1", "o1"),
        };

        var transition = CommerceEventApplier.Apply(customer, order, next);

        Assert.Equal(EventRejectionCodes.InvalidTransition, transition.Rejection?.Code);
        Assert.Equal(order.Status.ToString(), transition.Rejection?.Value);
    }

    [Fact]
    public void Refund_AboveWhatTheOrderStillCountsFor_IsRejected()
    {
        var (customer, orders) = Run(_events.Registered("c1"), _events.Placed("c1", "o1", 100m), _events.Delivered("c1", "o1"), _events.Returned("c1", "o1", 60m));

        var transition = CommerceEventApplier.Apply(customer, orders["o1"], _events.Returned("c1", "o1", 50m));

        Assert.Equal(EventRejectionCodes.OutOfRange, transition.Rejection?.Code);
        Assert.Equal("refund", transition.Rejection?.Field);
    }

    [Fact]
    public void Placed_InAnotherCurrency_IsRejected()
    {
        var customer = Run(_events.Registered("c1")).Customer;
        var placed = _events.Placed("c1", "o1", 10m) with { Total = new Money(10m, Currency.EUR) };

        var transition = CommerceEventApplier.Apply(customer, null, placed);

        Assert.Equal(EventRejectionCodes.CurrencyMismatch, transition.Rejection?.Code);
        Assert.Equal("total", transition.Rejection?.Field);
    }

    [Fact]
    public void Placed_NegativeTotal_IsRejected()
    {
        var customer = Run(_events.Registered("c1")).Customer;

        var transition = CommerceEventApplier.Apply(customer, null, _events.Placed("c1", "o1", -1m));

        Assert.Equal(EventRejectionCodes.OutOfRange, transition.Rejection?.Code);
    }

    [Fact]
    public void OrderEvent_FromAnotherCustomer_IsRejected()
    {
        var (_, orders) = Run(_events.Registered("c1"), _events.Placed("c1", "o1", 10m));
        var intruder = new Customer(CustomerId.From("c2"), new PersonName("Mehmet"), EventFactory.Day(1), Currency.TRY);

        var transition = CommerceEventApplier.Apply(intruder, orders["o1"], _events.Cancelled("c2", "o1"));

        Assert.Equal(EventRejectionCodes.CustomerMismatch, transition.Rejection?.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Review_RatingOutsideOneToFive_IsRejected(int rating)
    {
        var customer = Run(_events.Registered("c1")).Customer;

        var transition = CommerceEventApplier.Apply(customer, null, _events.Reviewed("c1", rating));

        Assert.Equal("rating", transition.Rejection?.Field);
    }

    private static (Customer Customer, ImmutableDictionary<string, Order> Orders) Run(params CommerceEvent[] events)
    {
        Customer? customer = null;
        var orders = ImmutableDictionary<string, Order>.Empty;
        foreach (var e in events)
        {
            var orderId = CommerceEventApplier.OrderOf(e);
            var order = orderId is { } id && e is not OrderPlaced ? orders.GetValueOrDefault(id.Value) : null;
            var transition = CommerceEventApplier.Apply(customer, order, e);
            Assert.False(transition.IsRejected, transition.Rejection?.Message);
            customer = transition.Customer;
            if (transition.Order is { } next)
            {
                orders = orders.SetItem(next.Id.Value, next);
            }
        }

        return (customer!, orders);
    }
}
