using System.Collections.Immutable;
using Bogus;
using CustomerCare.Customers;
using CustomerCare.Orders;
using NodaTime;

namespace CustomerCare.Sample.Simulation;

/// <summary>
/// Plans one order's whole life when it is placed: its lines, and whether it ships, arrives, is cancelled (about
/// 5 %), comes back in part or in full (about 4 % of deliveries, a quarter of them damaged or the wrong item) and gets a
/// review.
/// </summary>
/// <remarks>
/// Deciding the fate up front keeps every event valid for the library: a cancellation is only planned before
/// delivery, a return only after it, and a refund never exceeds what the order still counts for.
/// </remarks>
public sealed class OrderPlanner
{
    private static readonly ImmutableArray<string> HappyReviews =
        ["Harika, çok memnun kaldım.", "Kargo çok hızlıydı, teşekkürler!", "Beklediğimden de iyi çıktı.", "Fiyatına göre çok başarılı."];

    private static readonly ImmutableArray<string> MiddleReviews =
        ["Fena değil ama beklentimi tam karşılamadı.", "İdare eder.", "Ürün güzel, paketleme biraz özensizdi."];

    private static readonly ImmutableArray<string> UnhappyReviews =
        ["Ürün hasarlı geldi, hiç memnun değilim.", "Kalitesi beklediğim gibi değil.", "Kargo çok geç geldi."];

    private readonly Randomizer _random;
    private readonly Catalog _catalog;
    private readonly IdSequence _ids;

    /// <summary>Creates a planner.</summary>
    /// <param name="random">The seeded random source.</param>
    /// <param name="catalog">The products.</param>
    /// <param name="ids">The identifier sequence.</param>
    public OrderPlanner(Randomizer random, Catalog catalog, IdSequence ids)
    {
        _random = random ?? throw new ArgumentNullException(nameof(random));
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _ids = ids ?? throw new ArgumentNullException(nameof(ids));
    }

    /// <summary>Plans an order and the events of its life.</summary>
    /// <param name="customer">The customer who orders.</param>
    /// <param name="placedAt">When the order is placed.</param>
    /// <returns>The events, the <see cref="OrderPlaced"/> first, each at the instant it occurs.</returns>
    public IReadOnlyList<CommerceEvent> Plan(Customer customer, Instant placedAt)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var orderId = _ids.NextOrder();
        var lines = Lines();
        var total = lines.Aggregate(Money.Zero(Currency.TRY), (sum, line) => sum + line.LineTotal);
        var placedDate = placedAt.InZone(customer.TimeZone).Date;
        var events = new List<CommerceEvent>
        {
            new OrderPlaced(_ids.NextEvent(), customer.Id, placedAt, orderId, total)
            {
                Lines = lines,
                PromisedDeliveryDate = placedDate.PlusDays(_random.Int(3, 6)),
            },
        };

        var fate = _random.Double();
        if (fate < 0.03)
        {
            events.Add(new OrderCancelled(_ids.NextEvent(), customer.Id, placedAt + Hours(1, 20), orderId));
            return events;
        }

        var shippedAt = placedAt + Hours(4, 60);
        events.Add(new OrderShipped(_ids.NextEvent(), customer.Id, shippedAt, orderId));
        if (fate < 0.05)
        {
            events.Add(new OrderCancelled(_ids.NextEvent(), customer.Id, shippedAt + Hours(2, 30), orderId));
            return events;
        }

        var deliveredAt = shippedAt + Hours(18, 96);
        events.Add(new OrderDelivered(_ids.NextEvent(), customer.Id, deliveredAt, orderId));
        var returned = _random.Bool(0.04f);
        if (returned)
        {
            AddReturns(events, customer.Id, orderId, lines, total, deliveredAt);
        }

        if (_random.Bool(0.22f))
        {
            events.Add(Review(customer.Id, orderId, lines, deliveredAt, returned));
        }

        return events;
    }

    private ImmutableArray<OrderLine> Lines()
    {
        var count = Weighted.Pick(_random, (1, 50), (2, 28), (3, 14), (4, 8));
        var quantities = new Dictionary<Product, int>();
        var order = new List<Product>();
        for (var i = 0; i < count; i++)
        {
            var product = _catalog.Pick(_random);
            var quantity = Weighted.Pick(_random, (1, 80), (2, 15), (3, 5));
            if (quantities.TryAdd(product, quantity))
            {
                order.Add(product);
            }
            else
            {
                quantities[product] += quantity;
            }
        }

        return [.. order.Select(p => new OrderLine(p.Id, quantities[p], p.Price, p.Category))];
    }

    private void AddReturns(List<CommerceEvent> events, CustomerId customerId, OrderId orderId, ImmutableArray<OrderLine> lines, Money total, Instant deliveredAt)
    {
        var firstReturnAt = deliveredAt + Duration.FromDays(_random.Int(1, 14)) + Hours(0, 12);
        // A quarter of returns are the shop's fault: broken in transit, or the wrong size or colour sent.
        var reason = Weighted.Pick(_random, (ReturnReason.ChangedMind, 60), (ReturnReason.Damaged, 15), (ReturnReason.WrongItem, 10), (ReturnReason.Defective, 5), (ReturnReason.NotAsDescribed, 10));
        if (lines.Length == 1 || _random.Bool(0.6f))
        {
            events.Add(new OrderReturned(_ids.NextEvent(), customerId, firstReturnAt, orderId, total) { Reason = reason });
            return;
        }

        // A partial return refunds one line; sometimes the rest follows a few days later.
        var refund = lines[_random.Int(0, lines.Length - 1)].LineTotal;
        events.Add(new OrderReturned(_ids.NextEvent(), customerId, firstReturnAt, orderId, refund) { Reason = reason });
        if (_random.Bool(0.3f))
        {
            events.Add(new OrderReturned(_ids.NextEvent(), customerId, firstReturnAt + Duration.FromDays(_random.Int(1, 5)), orderId, total - refund) { Reason = ReturnReason.ChangedMind });
        }
    }

    private ReviewPosted Review(CustomerId customerId, OrderId orderId, ImmutableArray<OrderLine> lines, Instant deliveredAt, bool returned)
    {
        var rating = returned
            ? Weighted.Pick(_random, (1, 35), (2, 30), (3, 20), (4, 10), (5, 5))
            : Weighted.Pick(_random, (1, 9), (2, 7), (3, 12), (4, 27), (5, 45));
        var texts = rating switch
        {
            >= 4 => HappyReviews,
            3 => MiddleReviews,
            _ => UnhappyReviews,
        };
        return new ReviewPosted(_ids.NextEvent(), customerId, deliveredAt + Duration.FromDays(_random.Int(1, 10)), lines[_random.Int(0, lines.Length - 1)].ProductId, rating)
        {
            OrderId = orderId,
            Text = _random.Bool(0.7f) ? texts[_random.Int(0, texts.Length - 1)] : null,
        };
    }

    private Duration Hours(int min, int max) => Duration.FromMinutes(_random.Int(min * 60, max * 60));
}
