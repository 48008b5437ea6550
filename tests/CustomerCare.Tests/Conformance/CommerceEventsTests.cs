using CustomerCare.Orders;
using CustomerCare.Storage.InMemory;
using CustomerCare.Testing;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerCare.Tests.Conformance;

public sealed class CommerceEventsTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 22, 6, 0);

    [Fact]
    public void NextEventId_WithAPrefix_CountsFromOne()
    {
        var events = new CommerceEvents("run");

        Assert.Equal("run-000001", events.NextEventId().Value);
        Assert.Equal("run-000002", events.NextEventId().Value);
    }

    [Fact]
    public void EventIds_OfTwoDefaultInstances_NeverCollide()
    {
        var first = new CommerceEvents();
        var second = new CommerceEvents();

        var ids = Enumerable.Range(0, 50).SelectMany(_ => new[] { first.NextEventId(), second.NextEventId() }).ToArray();

        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public async Task EventIds_FromConcurrentCalls_AreAllDistinct()
    {
        var events = new CommerceEvents("parallel");

        var batches = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Enumerable.Range(0, 200).Select(_ => events.NextEventId().Value).ToArray())));

        Assert.Equal(1600, batches.SelectMany(b => b).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Helpers_MakeEventsOfTheRightKindWithTheirArguments()
    {
        var events = new CommerceEvents("k");
        var customer = new CustomerBuilder().WithId("c-1").SignedUpAt(At).Build();
        var orderId = OrderId.From("o-1");
        var refund = new Money(5m, Currency.TRY);

        CommerceEvent[] all =
        [
            events.Registered(customer),
            events.Placed(customer.Id, orderId, new Money(20m, Currency.TRY), At),
            events.Shipped(customer.Id, orderId, At),
            events.Delivered(customer.Id, orderId, At),
            events.Cancelled(customer.Id, orderId, At),
            events.Returned(customer.Id, orderId, refund, At),
            events.Reviewed(customer.Id, "p-1", 5, At),
        ];

        Assert.Equal(["customer_registered", "order_placed", "order_shipped", "order_delivered", "order_cancelled", "order_returned", "review_posted"], all.Select(e => e.Kind));
        Assert.All(all, e => Assert.Equal(customer.Id, e.CustomerId));
        Assert.All(all, e => Assert.Equal(At, e.OccurredAt));
        Assert.Equal(refund, ((OrderReturned)all[5]).Refund);
        Assert.Equal(all.Length, all.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public async Task Events_AppliedThroughTheProcessor_TellTheOrderStory()
    {
        var store = new InMemoryCustomerStore();
        var processor = new CustomerEventProcessor(store, store, TestClocks.AtUtc(2026, 11, 22), Options.Create(new CustomerCareOptions()));
        var events = new CommerceEvents();
        var customer = new CustomerBuilder().WithId("c-1").Build();
        var orderId = OrderId.From("o-1");
        var day = Duration.FromDays(1);

        CommerceEvent[] story =
        [
            events.Registered(customer),
            events.Placed(customer.Id, orderId, new Money(200m, Currency.TRY), At),
            events.Shipped(customer.Id, orderId, At + day),
            events.Delivered(customer.Id, orderId, At + (2 * day)),
            events.Returned(customer.Id, orderId, new Money(50m, Currency.TRY), At + (3 * day)),
            events.Reviewed(customer.Id, "p-1", 2, At + (4 * day)),
        ];
        foreach (var commerceEvent in story)
        {
            Assert.Equal(EventApplyOutcome.Applied, (await processor.ApplyAsync(commerceEvent)).Outcome);
        }

        var stored = await store.FindAsync(customer.Id);
        Assert.Equal(new Money(150m, Currency.TRY), stored?.Stats.TotalSpend);
        Assert.Equal(1, stored?.Stats.ReturnsCount);
        Assert.Equal(1, stored?.Engagement.ReviewCount);
        Assert.Equal(OrderStatus.PartiallyReturned, (await store.FindOrderAsync(orderId))?.Status);
    }

    [Fact]
    public void Constructor_BlankPrefix_IsRefused()
    {
        Assert.ThrowsAny<ArgumentException>(() => new CommerceEvents(" "));
    }
}
