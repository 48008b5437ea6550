using BenchmarkDotNet.Attributes;
using CustomerCare.Customers;
using CustomerCare.Orders;
using NodaTime;

namespace CustomerCare.Benchmarks.Customers;

/// <summary>
/// Applying 1M order events to purchase statistics: the library's immutable <see cref="PurchaseStats"/> transitions,
/// and the full <see cref="CommerceEventApplier"/> path, beside a hand-written loop over the same data.
/// </summary>
[MemoryDiagnoser]
public class PurchaseStatsBenchmarks
{
    private const int EventCount = 1_000_000;
    private const int Placed = 0;
    private const int Cancelled = 1;
    private const int Returned = 2;
    private const int Delivered = 3;

    private int[] _kinds = [];
    private decimal[] _amounts = [];
    private Instant[] _instants = [];
    private CommerceEvent[] _events = [];
    private Customer _customer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _kinds = new int[EventCount];
        _amounts = new decimal[EventCount];
        _instants = new Instant[EventCount];
        _events = new CommerceEvent[EventCount];
        var start = Instant.FromUtc(2026, 1, 1, 0, 0);
        var customerId = CustomerId.From("c-1");
        var pending = new List<(OrderId Id, decimal Total)>();
        var delivered = new List<(OrderId Id, decimal Net)>();
        for (var i = 0; i < EventCount; i++)
        {
            var at = start + Duration.FromMinutes(i);
            var eventId = EventId.From("e" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var roll = random.Next(100);
            _instants[i] = at;
            if (pending.Count > 0 && roll < 4)
            {
                var (orderId, total) = Take(pending);
                (_kinds[i], _amounts[i]) = (Cancelled, total);
                _events[i] = new OrderCancelled(eventId, customerId, at, orderId);
            }
            else if (pending.Count > 0 && roll < 12)
            {
                var (orderId, total) = Take(pending);
                delivered.Add((orderId, total));
                (_kinds[i], _amounts[i]) = (Delivered, 0m);
                _events[i] = new OrderDelivered(eventId, customerId, at, orderId);
            }
            else if (delivered.Count > 0 && roll < 16)
            {
                var (orderId, net) = Take(delivered);
                var refund = Math.Round(net / 2m, 2);
                (_kinds[i], _amounts[i]) = (Returned, refund);
                _events[i] = new OrderReturned(eventId, customerId, at, orderId, new Money(refund, Currency.TRY));
            }
            else
            {
                var total = random.Next(1_000, 500_000) / 100m;
                var orderId = OrderId.From("o" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                pending.Add((orderId, total));
                (_kinds[i], _amounts[i]) = (Placed, total);
                _events[i] = new OrderPlaced(eventId, customerId, at, orderId, new Money(total, Currency.TRY));
            }
        }

        _customer = new Customer(customerId, new PersonName("Ayşe"), start, Currency.TRY);
    }

    /// <summary>The floor: counters in locals, no value types, no validation.</summary>
    [Benchmark(Baseline = true)]
    public decimal HandWrittenLoop()
    {
        int count = 0, cancelled = 0, returns = 0;
        decimal spend = 0m;
        long first = long.MaxValue, last = long.MinValue;
        for (var i = 0; i < _kinds.Length; i++)
        {
            switch (_kinds[i])
            {
                case Placed:
                    count++;
                    spend += _amounts[i];
                    var ticks = _instants[i].ToUnixTimeTicks();
                    first = Math.Min(first, ticks);
                    last = Math.Max(last, ticks);
                    break;
                case Cancelled:
                    count--;
                    cancelled++;
                    spend -= _amounts[i];
                    break;
                case Returned:
                    returns++;
                    spend -= _amounts[i];
                    break;
                default:
                    break;
            }
        }

        return spend + count + cancelled + returns + (last - first);
    }

    /// <summary>The library's <see cref="PurchaseStats"/> transitions over the same data.</summary>
    [Benchmark]
    public decimal PurchaseStatsTransitions()
    {
        var stats = new PurchaseStats(Currency.TRY);
        for (var i = 0; i < _kinds.Length; i++)
        {
            var amount = new Money(_amounts[i], Currency.TRY);
            stats = _kinds[i] switch
            {
                Placed => stats.WithOrderPlaced(amount, _instants[i]),
                Cancelled => stats.WithOrderCancelled(amount),
                Returned => stats.WithReturn(amount),
                _ => stats,
            };
        }

        return stats.TotalSpend.Amount + stats.OrderCount;
    }

    /// <summary>The whole in-memory event path: validation, order life and customer records, as the processor runs it.</summary>
    [Benchmark]
    public decimal CommerceEventApplierPath()
    {
        var customer = _customer;
        var orders = new Dictionary<OrderId, Order>(EventCount);
        foreach (var commerceEvent in _events)
        {
            var orderId = CommerceEventApplier.OrderOf(commerceEvent)!.Value;
            var transition = CommerceEventApplier.Apply(customer, commerceEvent is OrderPlaced ? null : orders[orderId], commerceEvent);
            customer = transition.Customer!;
            orders[orderId] = transition.Order!;
        }

        return customer.Stats.TotalSpend.Amount;
    }

    private static T Take<T>(List<T> pool)
    {
        var item = pool[^1];
        pool.RemoveAt(pool.Count - 1);
        return item;
    }
}
