using System.Globalization;
using CsCheck;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Specifications;
using CustomerCare.Storage.InMemory;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Tests.Orders;

public sealed class IdempotencyPropertyTests
{
    private static readonly Gen<(int Kind, int Pick, int Amount, int Percent)[]> Scripts =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 1000], Gen.Int[1, 5000], Gen.Int[1, 100]).Array[1, 60];

    [Fact]
    public void EventsAppliedTwiceOrReplayed_GiveTheSameStatsAsOnce()
    {
        Scripts.Sample(
            script =>
            {
                var events = ValidEvents(script);
                var once = Apply(events);
                var redelivered = events.SelectMany(e => new[] { e, e }).Concat(events).Concat(events.AsEnumerable().Reverse());
                var twice = Apply(redelivered);

                foreach (var id in new[] { "c1", "c2" })
                {
                    var a = once.Store.FindAsync(CustomerId.From(id)).AsTask().GetAwaiter().GetResult()!;
                    var b = twice.Store.FindAsync(CustomerId.From(id)).AsTask().GetAwaiter().GetResult()!;
                    Assert.Equal(a.Stats, b.Stats);
                    Assert.True(a.Engagement.HasSameValues(b.Engagement));
                }

                var ordersA = once.Store.ListOrdersAsync(new Specification<Order>()).AsTask().GetAwaiter().GetResult();
                var ordersB = twice.Store.ListOrdersAsync(new Specification<Order>()).AsTask().GetAwaiter().GetResult();
                Assert.Equal(ordersA.Select(o => (o.Id, o.Status, o.RefundedTotal)), ordersB.Select(o => (o.Id, o.Status, o.RefundedTotal)));
                Assert.Equal(0, once.Rejected);
                Assert.Equal(events.Count, once.Applied);
                Assert.Equal(events.Count, twice.Applied);
            },
            iter: 200);
    }

    private static (InMemoryCustomerStore Store, int Applied, int Rejected) Apply(IEnumerable<CommerceEvent> events)
    {
        var store = new InMemoryCustomerStore();
        var processor = new CustomerEventProcessor(store, store, new FakeClock(Instant.FromUtc(2026, 11, 22, 0, 0)), Options.Create(new CustomerCareOptions()));
        int applied = 0, rejected = 0;
        foreach (var e in events)
        {
            var outcome = processor.ApplyAsync(e).AsTask().GetAwaiter().GetResult().Outcome;
            applied += outcome == EventApplyOutcome.Applied ? 1 : 0;
            rejected += outcome == EventApplyOutcome.Rejected ? 1 : 0;
        }

        return (store, applied, rejected);
    }

    /// <summary>Turns random steps into a valid event history by tracking each order's state and skipping impossible steps.</summary>
    private static List<CommerceEvent> ValidEvents((int Kind, int Pick, int Amount, int Percent)[] script)
    {
        var factory = new EventFactory();
        var events = new List<CommerceEvent> { factory.Registered("c1"), factory.Registered("c2", "Mehmet") };
        var orders = new List<(string Id, string Customer, OrderStatus Status, decimal Net)>();
        var day = 2;
        foreach (var (kind, pick, amount, percent) in script)
        {
            day++;
            if (kind == 0 || orders.Count == 0)
            {
                var id = "o" + orders.Count.ToString(CultureInfo.InvariantCulture);
                var customer = pick % 2 == 0 ? "c1" : "c2";
                events.Add(factory.Placed(customer, id, amount / 100m, day));
                orders.Add((id, customer, OrderStatus.Placed, amount / 100m));
                continue;
            }

            var index = pick % orders.Count;
            var order = orders[index];
            CommerceEvent? next = (kind, order.Status) switch
            {
                (1, OrderStatus.Placed) => factory.Shipped(order.Customer, order.Id, day),
                (2, OrderStatus.Placed or OrderStatus.Shipped) => factory.Delivered(order.Customer, order.Id, day),
                (3, OrderStatus.Placed or OrderStatus.Shipped) => factory.Cancelled(order.Customer, order.Id, day),
                (4, OrderStatus.Delivered or OrderStatus.PartiallyReturned) when order.Net > 0m =>
                    factory.Returned(order.Customer, order.Id, Math.Max(0.01m, Math.Round(order.Net * percent / 100m, 2)), day),
                (5, _) => factory.Reviewed(order.Customer, 1 + (pick % 5), day),
                _ => null,
            };
            if (next is null)
            {
                continue;
            }

            events.Add(next);
            orders[index] = next switch
            {
                OrderShipped => order with { Status = OrderStatus.Shipped },
                OrderDelivered => order with { Status = OrderStatus.Delivered },
                OrderCancelled => order with { Status = OrderStatus.Cancelled },
                OrderReturned r => order with
                {
                    Net = order.Net - r.Refund.Amount,
                    Status = order.Net - r.Refund.Amount <= 0m ? OrderStatus.Returned : OrderStatus.PartiallyReturned,
                },
                _ => order,
            };
        }

        return events;
    }
}
