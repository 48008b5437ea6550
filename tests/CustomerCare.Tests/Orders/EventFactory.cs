using CustomerCare.Customers;
using CustomerCare.Orders;
using NodaTime;

namespace CustomerCare.Tests.Orders;

/// <summary>Small event makers for the order tests; each call gets a fresh event id.</summary>
internal sealed class EventFactory
{
    private int _next;

    public static Instant Day(int day, int hour = 12) => Instant.FromUtc(2026, 1, 1, 0, 0) + Duration.FromDays(day - 1) + Duration.FromHours(hour);

    public static Money Lira(decimal amount) => new(amount, Currency.TRY);

    public CustomerRegistered Registered(string customerId, string name = "Ayşe") =>
        new(NextId(), new Customer(CustomerId.From(customerId), new PersonName(name, "Yılmaz"), Day(1, 0), Currency.TRY) { City = "İstanbul" });

    public OrderPlaced Placed(string customerId, string orderId, decimal total, int day = 2) =>
        new(NextId(), CustomerId.From(customerId), Day(day), OrderId.From(orderId), Lira(total));

    public OrderShipped Shipped(string customerId, string orderId, int day = 3) => new(NextId(), CustomerId.From(customerId), Day(day), OrderId.From(orderId));

    public OrderDelivered Delivered(string customerId, string orderId, int day = 4) => new(NextId(), CustomerId.From(customerId), Day(day), OrderId.From(orderId));

    public OrderCancelled Cancelled(string customerId, string orderId, int day = 3) => new(NextId(), CustomerId.From(customerId), Day(day), OrderId.From(orderId));

    public OrderReturned Returned(string customerId, string orderId, decimal refund, int day = 6) =>
        new(NextId(), CustomerId.From(customerId), Day(day), OrderId.From(orderId), Lira(refund));

    public ReviewPosted Reviewed(string customerId, int rating, int day = 7) => new(NextId(), CustomerId.From(customerId), Day(day), "sku-1", rating);

    private EventId NextId() => EventId.From("evt-" + (++_next).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
