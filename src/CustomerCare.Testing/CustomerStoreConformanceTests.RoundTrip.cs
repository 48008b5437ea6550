using System.Collections.Immutable;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using NodaTime;
using Xunit;

namespace CustomerCare.Testing;

/// <content>Round-trips: every field written comes back exactly, through every read.</content>
public abstract partial class CustomerStoreConformanceTests
{
    /// <summary>
    /// Customers come back from <see cref="ICustomerStore.FindAsync"/>, <see cref="ICustomerStore.ListAsync"/> and
    /// <see cref="ICustomerStore.StreamAsync"/> with every field as written: profile, tags, a 29 February birthday with
    /// and without a year, time zones with odd offsets, locale, statistics with four decimal places, engagement counters
    /// beyond 32 bits, and absent optional fields still absent.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Customers_EveryField_RoundTripsThroughEveryRead()
    {
        await using var store = await CreateStoreAsync();
        Customer[] customers = [FullCustomer(), LeapDayCustomer(), MinimalCustomer()];
        await InsertAsync(store, customers);

        var listed = await store.Customers.ListAsync(new Specification<Customer>());
        var streamed = new List<Customer>();
        await foreach (var customer in store.Customers.StreamAsync(new Specification<Customer>()))
        {
            streamed.Add(customer);
        }

        Assert.Equal(customers.Length, listed.Count);
        Assert.Equal(customers.Length, streamed.Count);
        foreach (var customer in customers)
        {
            StoreAssert.SameCustomer(customer, await store.Customers.FindAsync(customer.Id), 1, "FindAsync");
            StoreAssert.SameCustomer(customer, listed.SingleOrDefault(c => c.Id == customer.Id), 1, "ListAsync");
            StoreAssert.SameCustomer(customer, streamed.SingleOrDefault(c => c.Id == customer.Id), 1, "StreamAsync");
        }
    }

    /// <summary>
    /// Orders come back from <see cref="ICustomerStore.FindOrderAsync"/> and <see cref="ICustomerStore.ListOrdersAsync"/>
    /// with every field as written: lines, a promised 29 February, each moment of their life, amounts with three
    /// decimal places, and no lines or dates where none were written.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Orders_EveryField_RoundTripsThroughEveryRead()
    {
        await using var store = await CreateStoreAsync();
        var owner = FullCustomer();
        Order[] orders = [FullOrder(owner), CancelledOrder(owner), new Order(OrderId.From("o-minimal"), owner.Id, Epoch, Money.Zero(Currency.TRY))];
        await CommitOrFailAsync(store, new CustomerChangeSet
        {
            Customers = [new(owner, 0)],
            Orders = orders.Select(o => new VersionedWrite<Order>(o, 0)).ToArray(),
        });

        var listed = await store.Customers.ListOrdersAsync(new Specification<Order>());

        Assert.Equal(orders.Length, listed.Count);
        foreach (var order in orders)
        {
            StoreAssert.SameOrder(order, await store.Customers.FindOrderAsync(order.Id), 1, "FindOrderAsync");
            StoreAssert.SameOrder(order, listed.SingleOrDefault(o => o.Id == order.Id), 1, "ListOrdersAsync");
        }
    }

    private static Instant At(int year, int month, int day, int hour, int minute, int second, int millisecond) =>
        Instant.FromUtc(year, month, day, hour, minute, second).Plus(Duration.FromMilliseconds(millisecond));

    private static Customer FullCustomer()
    {
        var engagement = EngagementCounters.None.WithCategoryPurchases([("Kitap", 3), ("İçecek", 12), ("ışık", 1)]) with
        {
            EmailOpens = 5_000_000_000,
            EmailClicks = 42,
            ReviewCount = 3,
            Subscriptions = EngagementCounters.None.Subscriptions.Add("bülten").Add("fiyat-alarmı"),
        };
        var stats = new PurchaseStats(Currency.TRY)
        {
            OrderCount = 7,
            TotalSpend = new Money(12345.6789m, Currency.TRY),
            RefundedTotal = new Money(10.05m, Currency.TRY),
            ReturnsCount = 2,
            CancelledCount = 1,
            FirstOrderAt = At(2024, 2, 29, 23, 59, 59, 123),
            LastOrderAt = At(2026, 11, 22, 6, 30, 0, 7),
        };

        // The longest identifier allowed, with letters outside ASCII, so a column sized in bytes is caught.
        var id = "c-ayşe-" + new string('ğ', CustomerId.MaxLength - 7);
        return new CustomerBuilder()
            .WithId(id)
            .Named("Ayşe Gül", "Yılmaz-Öztürk")
            .BornOn(1992, 2, 29)
            .InZone("America/St_Johns")
            .InCity("İstanbul")
            .WithTags("vip", "Çok Sadık", "ıspanak")
            .SignedUpAt(At(2024, 2, 29, 12, 0, 0, 999))
            .WithEmail("Ayse.Yilmaz@Örnek.com.tr")
            .WithPhone("+90 (532) 123-45-67")
            .WithLocale("en-GB")
            .WithStats(stats)
            .WithEngagement(engagement)
            .With(c => c with { Gender = Gender.Female, AgeBand = AgeBand.From25To34, Education = Education.Master, IncomeBand = IncomeBand.UpperMiddle })
            .Build();
    }

    private static Customer LeapDayCustomer() => new CustomerBuilder()
        .WithId("c-leap")
        .Named("Işıl")
        .BornOn(2, 29)
        .InZone("Asia/Kathmandu")
        .InCity("ıspir")
        .WithLocale("tr-TR")
        .PayingIn(Currency.FromCode("KWD"))
        .With(c => c with { Gender = Gender.Other, IncomeBand = IncomeBand.Low })
        .Build();

    private static Customer MinimalCustomer() =>
        new(CustomerId.From("c-minimal"), new PersonName("Ali"), Epoch, Currency.TRY);

    private static Order FullOrder(Customer owner)
    {
        var kwd = Currency.FromCode("KWD");
        return new Order(OrderId.From("o-İ-" + new string('ş', OrderId.MaxLength - 4)), owner.Id, At(2028, 2, 28, 21, 15, 0, 250), new Money(1234.567m, kwd))
        {
            Lines =
            [
                new OrderLine("p-1", 2, new Money(500m, kwd), "Kitap"),
                new OrderLine("p-ş", 1, new Money(234.567m, kwd)),
            ],
            PromisedDeliveryDate = new LocalDate(2028, 2, 29),
            Status = OrderStatus.PartiallyReturned,
            ShippedAt = At(2028, 2, 29, 8, 0, 0, 1),
            DeliveredAt = At(2028, 3, 1, 16, 45, 30, 500),
            LastReturnAt = At(2028, 3, 10, 10, 10, 10, 10),
            RefundedTotal = new Money(100.001m, kwd),
        };
    }

    private static Order CancelledOrder(Customer owner) =>
        new(OrderId.From("o-cancelled"), owner.Id, Epoch, new Money(49.99m, Currency.TRY))
        {
            Lines = ImmutableArray.Create(new OrderLine("p-9", 3, new Money(16.663333m, Currency.TRY), "Oyuncak")),
            Status = OrderStatus.Cancelled,
            ShippedAt = Epoch.Plus(Duration.FromHours(5)),
            CancelledAt = Epoch.Plus(Duration.FromHours(30)),
        };
}
