using System.Collections.Frozen;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Testing;

/// <summary>
/// The data and specifications the query tests compare against <see cref="InMemorySpecificationEvaluator"/>.
/// </summary>
/// <remarks>
/// Identifiers and cities are chosen so that ordinal order differs from culture order and from case-insensitive
/// order: <c>İstanbul</c>, <c>istanbul</c>, <c>Zonguldak</c>, <c>ankara</c>, <c>Ankara</c>, <c>Çanakkale</c>, ids that
/// differ by dotted and dotless i, and ids whose numeric order differs from their text order. Several keys tie, so
/// the ascending ordinal identifier tie-break shows.
/// </remarks>
internal static class QueryData
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 1, 9, 0);

    public static FrozenDictionary<string, Specification<Customer>> CustomerQueries { get; } = new Dictionary<string, Specification<Customer>>(StringComparer.Ordinal)
    {
        ["all, no ordering"] = new(),
        ["city ascending"] = new(q => q.OrderBy(c => c.City)),
        ["city descending"] = new(q => q.OrderByDescending(c => c.City)),
        ["city ascending, then sign-up descending"] = new(q => q.OrderBy(c => c.City).OrderByDescending(c => c.SignedUpAt)),
        ["given name ascending"] = new(q => q.OrderBy(c => c.Name.GivenName)),
        ["identifier descending"] = new(q => q.OrderByDescending(c => c.Id.Value)),
        ["last order ascending, nulls first"] = new(q => q.OrderBy(c => c.Stats.LastOrderAt)),
        ["spend descending, skip 2, take 3"] = new(q => q.OrderByDescending(c => c.Stats.TotalSpend.Amount).Skip(2).Take(3)),
        ["city equals istanbul, ordinally"] = new(q => q.Where(c => c.City == "istanbul")),
        ["tagged vip, Turkish-folded"] = new(q => q.Where(c => c.Tags.Contains("vip"))),
        ["has orders and a city, by city"] = new(q => q.Where(c => c.Stats.OrderCount > 0).Where(c => c.City != null).OrderBy(c => c.City)),
        ["city starts with dotted capital I"] = new(q => q.Where(c => c.City != null && c.City.StartsWith('İ'))),
        ["born on 29 February"] = new(q => q.Where(c => c.Birthday != null && c.Birthday.Value.Date == new AnnualDate(2, 29))),
        ["take 4, no ordering"] = new(q => q.Take(4)),
        ["city ascending, skip 5"] = new(q => q.OrderBy(c => c.City).Skip(5)),
        ["skip past the end"] = new(q => q.OrderBy(c => c.City).Skip(100)),
        ["take zero"] = new(q => q.Take(0)),
        ["no match"] = new(q => q.Where(c => c.City == "Trabzon")),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static FrozenDictionary<string, Specification<Order>> OrderQueries { get; } = new Dictionary<string, Specification<Order>>(StringComparer.Ordinal)
    {
        ["all, no ordering"] = new(),
        ["total descending"] = new(q => q.OrderByDescending(o => o.Total.Amount)),
        ["status ascending, then placed descending"] = new(q => q.OrderBy(o => o.Status).OrderByDescending(o => o.PlacedAt)),
        ["customer ascending, then total descending"] = new(q => q.OrderBy(o => o.CustomerId.Value).OrderByDescending(o => o.Total.Amount)),
        ["of customer c-10"] = new(q => q.Where(o => o.CustomerId.Value == "c-10")),
        ["delivered, take 2"] = new(q => q.Where(o => o.Status == OrderStatus.Delivered).Take(2)),
        ["placed ascending, skip 1, take 3"] = new(q => q.OrderBy(o => o.PlacedAt).Skip(1).Take(3)),
        ["undelivered with a promise"] = new UndeliveredPromisedOrdersSpecification(),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Writes the data through several commits, including updates, and returns the final states in ascending ordinal id order.</summary>
    public static async Task<(IReadOnlyList<Customer> Customers, IReadOnlyList<Order> Orders)> SeedAsync(CustomerStoreUnderTest store)
    {
        var customers = Customers();
        var orders = Orders(customers);
        foreach (var chunk in customers.Chunk(5))
        {
            await CommitAsync(store, new CustomerChangeSet { Customers = chunk.Select(c => new VersionedWrite<Customer>(c, 0)).ToArray() });
        }

        await CommitAsync(store, new CustomerChangeSet { Orders = orders.Select(o => new VersionedWrite<Order>(o, 0)).ToArray() });

        // Updates after the first write, so a store must query current state, not the first version it saw.
        var c2 = customers.Single(c => c.Id.Value == "c-2") with { City = "Zonguldak" };
        var cZ = customers.Single(c => c.Id.Value == "c-Z");
        cZ = cZ with { Stats = cZ.Stats.WithOrderPlaced(new Money(10m, Currency.TRY), Start.Plus(Duration.FromDays(9))) };
        var o2 = orders.Single(o => o.Id.Value == "o-2") with { Status = OrderStatus.Shipped, ShippedAt = Start.Plus(Duration.FromDays(3)) };
        await CommitAsync(store, new CustomerChangeSet { Customers = [new(c2, 1), new(cZ, 1)], Orders = [new(o2, 1)] });

        var finalCustomers = customers
            .Select(c => c.Id == c2.Id ? c2 with { Version = 2 } : c.Id == cZ.Id ? cZ with { Version = 2 } : c with { Version = 1 })
            .OrderBy(c => c.Id.Value, StringComparer.Ordinal)
            .ToArray();
        var finalOrders = orders
            .Select(o => o.Id == o2.Id ? o2 with { Version = 2 } : o with { Version = 1 })
            .OrderBy(o => o.Id.Value, StringComparer.Ordinal)
            .ToArray();
        return (finalCustomers, finalOrders);
    }

    private static async Task CommitAsync(CustomerStoreUnderTest store, CustomerChangeSet changes)
    {
        var result = await store.Customers.CommitAsync(changes);
        Xunit.Assert.True(result.IsCommitted, $"Seeding the query data failed: {result.Outcome} on '{result.ConflictKey}'.");
    }

    private static Customer[] Customers()
    {
        var builder = new CustomerBuilder();
        Customer Make(string id, string given, string? city, int signUpHours, params string[] tags) =>
            builder.WithId(id).Named(given).InCity(city).WithTags(tags).SignedUpAt(Start.Plus(Duration.FromHours(signUpHours))).Build();
        PurchaseStats Orders(int count, decimal spend, int lastOrderDays)
        {
            var stats = new PurchaseStats(Currency.TRY);
            for (var i = 0; i < count; i++)
            {
                stats = stats.WithOrderPlaced(new Money(spend / count, Currency.TRY), Start.Plus(Duration.FromDays(lastOrderDays - i)));
            }

            return stats;
        }

        return
        [
            Make("c-10", "Zeynep", "İstanbul", 0, "vip") with { Stats = Orders(3, 300m, 5) },
            Make("c-2", "ahmet", "istanbul", 0, "VIP"),
            Make("C-3", "Çağla", "Zonguldak", 1) with { Stats = Orders(1, 99.90m, 2) },
            Make("c-İ", "İlker", "ankara", 2, "yeni") with { Birthday = Birthday.Create(2, 29) },
            Make("c-i", "ilker", "Ankara", 2, "vip", "eski") with { Stats = Orders(2, 300m, 3) },
            Make("c-ı", "Ismail", null, 3),
            Make("c-Z", "Şule", "Zonguldak", 1) with { Stats = Orders(1, 99.90m, 2) },
            Make("c-a", "Ömer", "İstanbul", 4, "vıp") with { Birthday = Birthday.Create(2, 29, 1992) },
            Make("c-ş", "Ümit", "Çanakkale", 5),
            Make("c-1", "Ayşe", "istanbul", 0) with { Stats = Orders(5, 1000m, 1) },
            Make("c-01", "Ali", null, 6),
            Make("c-b", "Berk", "ankara", 2) with { Birthday = Birthday.Create(3, 1, 1990) },
        ];
    }

    private static Order[] Orders(Customer[] customers)
    {
        Order Make(string id, string owner, decimal total, int placedDays, OrderStatus status, bool promised = false) =>
            new(OrderId.From(id), customers.Single(c => c.Id.Value == owner).Id, Start.Plus(Duration.FromDays(placedDays)), new Money(total, Currency.TRY))
            {
                Status = status,
                PromisedDeliveryDate = promised ? new LocalDate(2026, 3, 10 + placedDays) : null,
            };

        // Every status, with and without a promised delivery date: the broken-promise sweep's question needs both.
        return
        [
            Make("o-10", "c-10", 250m, 1, OrderStatus.Delivered, promised: true),
            Make("o-2", "c-10", 99.90m, 2, OrderStatus.Placed, promised: true),
            Make("O-3", "c-i", 250m, 1, OrderStatus.Shipped, promised: true),
            Make("o-İ", "c-i", 50m, 3, OrderStatus.Cancelled, promised: true),
            Make("o-i", "c-1", 1000m, 0, OrderStatus.Delivered),
            Make("o-ı", "c-Z", 99.90m, 2, OrderStatus.Delivered),
            Make("o-a", "C-3", 99.90m, 4, OrderStatus.Returned, promised: true),
            Make("o-1", "c-1", 0m, 5, OrderStatus.Placed),
            Make("o-p", "c-Z", 75m, 6, OrderStatus.Placed, promised: true),
            Make("o-r", "C-3", 120m, 6, OrderStatus.PartiallyReturned, promised: true),
            Make("o-s", "c-1", 60m, 7, OrderStatus.Shipped),
        ];
    }
}
