using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using Xunit;

namespace CustomerCare.Testing;

/// <content>The commit: atomic, conditional on versions and on the ledger, and refusing malformed change sets.</content>
public abstract partial class CustomerStoreConformanceTests
{
    /// <summary>The conflicts <see cref="Commit_VersionConflict_WritesNothingOfTheSet"/> provokes.</summary>
    public static TheoryData<string> VersionConflicts { get; } =
    [
        "existing customer written as new",
        "customer at a stale version",
        "customer at a version not reached yet",
        "unknown customer at version 1",
        "existing order written as new",
        "order at a stale version",
        "unknown order at version 1",
    ];

    /// <summary>The items <see cref="Commit_ChangeSetRepeatingAnItem_ThrowsArgumentExceptionAndWritesNothing"/> repeats.</summary>
    public static TheoryData<string> RepeatedItems { get; } = ["customer", "order", "event"];

    /// <summary>Customers, orders and ledger entries of one change set are all written, each new item at version 1.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Commit_NewCustomersOrdersAndEvents_AreAllWrittenAtVersionOne()
    {
        await using var store = await CreateStoreAsync();
        var ayse = new CustomerBuilder().WithId("c-ayşe").Named("Ayşe", "Yılmaz").InCity("İstanbul").Build();
        var omer = new CustomerBuilder().WithId("c-ömer").Named("Ömer").InCity("Zonguldak").Build();
        var first = NewOrder("o-1", ayse, 149.90m, Epoch);
        var second = NewOrder("o-2", omer, 20m, Epoch);
        var registered = Entry("evt-1", ayse, Epoch);
        var placed = Entry("evt-2", omer, Epoch, "order_placed");

        var result = await store.Customers.CommitAsync(new CustomerChangeSet
        {
            Customers = [new(ayse, 0), new(omer, 0)],
            Orders = [new(first, 0), new(second, 0)],
            Events = [registered, placed],
        });

        Assert.Equal(CommitOutcome.Committed, result.Outcome);
        Assert.True(result.IsCommitted);
        StoreAssert.SameCustomer(ayse, await store.Customers.FindAsync(ayse.Id), 1, "FindAsync");
        StoreAssert.SameCustomer(omer, await store.Customers.FindAsync(omer.Id), 1, "FindAsync");
        StoreAssert.SameOrder(first, await store.Customers.FindOrderAsync(first.Id), 1, "FindOrderAsync");
        StoreAssert.SameOrder(second, await store.Customers.FindOrderAsync(second.Id), 1, "FindOrderAsync");
        Assert.True(await store.Ledger.ContainsAsync(registered.EventId));
        Assert.True(await store.Ledger.ContainsAsync(placed.EventId));
    }

    /// <summary>Each commit at the stored version stores the item at that version plus one.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Commit_AtTheStoredVersion_StoresExpectedVersionPlusOne()
    {
        await using var store = await CreateStoreAsync();
        var customer = NewCustomer("c-1", "Ankara");
        var order = NewOrder("o-1", customer, 10m, Epoch);
        await CommitOrFailAsync(store, new CustomerChangeSet { Customers = [new(customer, 0)], Orders = [new(order, 0)] });

        for (var version = 1; version <= 3; version++)
        {
            customer = customer with { City = "City " + version };
            order = order with { Status = version == 3 ? OrderStatus.Delivered : OrderStatus.Shipped };
            var result = await store.Customers.CommitAsync(new CustomerChangeSet { Customers = [new(customer, version)], Orders = [new(order, version)] });

            Assert.Equal(CommitOutcome.Committed, result.Outcome);
            StoreAssert.SameCustomer(customer, await store.Customers.FindAsync(customer.Id), version + 1, "FindAsync");
            StoreAssert.SameOrder(order, await store.Customers.FindOrderAsync(order.Id), version + 1, "FindOrderAsync");
        }
    }

    /// <summary>The store versions items by the expected version of the write, not by the <c>Version</c> the item carries.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Commit_ItemCarryingAnotherVersion_IsVersionedByTheExpectedVersion()
    {
        await using var store = await CreateStoreAsync();
        var customer = NewCustomer("c-1") with { Version = 42 };

        await CommitOrFailAsync(store, new CustomerChangeSet { Customers = [new(customer, 0)] });
        Assert.Equal(1, (await store.Customers.FindAsync(customer.Id))?.Version);

        await CommitOrFailAsync(store, new CustomerChangeSet { Customers = [new(customer with { Version = 0 }, 1)] });
        Assert.Equal(2, (await store.Customers.FindAsync(customer.Id))?.Version);
    }

    /// <summary>
    /// A change set with one conflicting write returns <see cref="CommitOutcome.VersionConflict"/> naming that item, and
    /// writes none of its other customers, orders or ledger entries, even those listed before the conflict.
    /// </summary>
    /// <param name="conflict">Which write conflicts.</param>
    /// <returns>The test.</returns>
    [Theory]
    [MemberData(nameof(VersionConflicts))]
    public async Task Commit_VersionConflict_WritesNothingOfTheSet(string conflict)
    {
        await using var store = await CreateStoreAsync();
        var world = await ExistingWorld.CreateAsync(store);
        var (write, key) = conflict switch
        {
            "existing customer written as new" => (new CustomerChangeSet { Customers = [new(world.A with { City = "İzmir" }, 0)] }, world.A.Id.Value),
            "customer at a stale version" => (new CustomerChangeSet { Customers = [new(world.A with { City = "İzmir" }, 1)] }, world.A.Id.Value),
            "customer at a version not reached yet" => (new CustomerChangeSet { Customers = [new(world.A with { City = "İzmir" }, 3)] }, world.A.Id.Value),
            "unknown customer at version 1" => (new CustomerChangeSet { Customers = [new(NewCustomer("c-ghost"), 1)] }, "c-ghost"),
            "existing order written as new" => (new CustomerChangeSet { Orders = [new(world.OrderOfA with { Status = OrderStatus.Delivered }, 0)] }, world.OrderOfA.Id.Value),
            "order at a stale version" => (new CustomerChangeSet { Orders = [new(world.OrderOfA with { Status = OrderStatus.Delivered }, 1)] }, world.OrderOfA.Id.Value),
            "unknown order at version 1" => (new CustomerChangeSet { Orders = [new(NewOrder("o-ghost", world.A, 1m, Epoch), 1)] }, "o-ghost"),
            _ => throw new ArgumentOutOfRangeException(nameof(conflict), conflict, "Unknown case."),
        };

        // Valid writes come first, the conflicting one last, so a store that writes as it checks is caught.
        var result = await store.Customers.CommitAsync(new CustomerChangeSet
        {
            Customers = [new(world.Newcomer, 0), new(world.B with { City = "Değişti" }, 1), .. write.Customers],
            Orders = [new(world.OrderOfNewcomer, 0), .. write.Orders],
            Events = [world.NewEntry],
        });

        Assert.Equal(CommitOutcome.VersionConflict, result.Outcome);
        Assert.False(result.IsCommitted);
        Assert.Equal(key, result.ConflictKey);
        await world.AssertUnchangedAsync(store);
        if (key.EndsWith("ghost", StringComparison.Ordinal))
        {
            Assert.Null(await store.Customers.FindAsync(CustomerId.From(key)));
            Assert.Null(await store.Customers.FindOrderAsync(OrderId.From(key)));
        }
    }

    /// <summary>
    /// A change set with an event already in the ledger returns <see cref="CommitOutcome.EventAlreadyProcessed"/>
    /// naming the event, writes nothing, and leaves the first ledger entry as it was.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Commit_EventAlreadyInTheLedger_IsEventAlreadyProcessedAndWritesNothing()
    {
        await using var store = await CreateStoreAsync();
        var world = await ExistingWorld.CreateAsync(store);
        var replay = new ProcessedEvent(world.OldEntry.EventId, "order_placed", world.Newcomer.Id, Epoch.PlusTicks(1));

        var result = await store.Customers.CommitAsync(new CustomerChangeSet
        {
            Customers = [new(world.Newcomer, 0), new(world.A with { City = "İzmir" }, 2), new(world.B with { City = "Değişti" }, 1)],
            Orders = [new(world.OrderOfNewcomer, 0), new(world.OrderOfA with { Status = OrderStatus.Delivered }, 2)],
            Events = [world.NewEntry, replay],
        });

        Assert.Equal(CommitOutcome.EventAlreadyProcessed, result.Outcome);
        Assert.Equal(world.OldEntry.EventId.Value, result.ConflictKey);
        await world.AssertUnchangedAsync(store);
    }

    /// <summary>A cancelled commit throws <see cref="OperationCanceledException"/> and writes nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Commit_CancelledToken_ThrowsOperationCanceledAndWritesNothing()
    {
        await using var store = await CreateStoreAsync();
        var world = await ExistingWorld.CreateAsync(store);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.Customers.CommitAsync(
            new CustomerChangeSet
            {
                Customers = [new(world.Newcomer, 0), new(world.B with { City = "Değişti" }, 1)],
                Orders = [new(world.OrderOfNewcomer, 0)],
                Events = [world.NewEntry],
            },
            CancelledToken()));

        await world.AssertUnchangedAsync(store);
    }

    /// <summary>A change set that lists a customer, an order or an event twice throws <see cref="ArgumentException"/> and writes nothing.</summary>
    /// <param name="repeated">What the set repeats.</param>
    /// <returns>The test.</returns>
    [Theory]
    [MemberData(nameof(RepeatedItems))]
    public async Task Commit_ChangeSetRepeatingAnItem_ThrowsArgumentExceptionAndWritesNothing(string repeated)
    {
        await using var store = await CreateStoreAsync();
        var world = await ExistingWorld.CreateAsync(store);
        var other = new ProcessedEvent(world.NewEntry.EventId, "review_posted", world.B.Id, Epoch);
        var changes = new CustomerChangeSet
        {
            Customers = repeated == "customer" ? [new(world.Newcomer, 0), new(world.Newcomer with { City = "Rize" }, 0)] : [new(world.Newcomer, 0)],
            Orders = repeated == "order" ? [new(world.OrderOfNewcomer, 0), new(world.OrderOfNewcomer, 0)] : [new(world.OrderOfNewcomer, 0)],
            Events = repeated == "event" ? [world.NewEntry, other] : [world.NewEntry],
        };

        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.Customers.CommitAsync(changes));

        await world.AssertUnchangedAsync(store);
    }

    /// <summary>A negative expected version throws <see cref="ArgumentException"/> and writes nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Commit_NegativeExpectedVersion_ThrowsArgumentExceptionAndWritesNothing()
    {
        await using var store = await CreateStoreAsync();
        var world = await ExistingWorld.CreateAsync(store);

        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.Customers.CommitAsync(new CustomerChangeSet
        {
            Customers = [new(world.Newcomer, 0), new(world.B, -1)],
            Events = [world.NewEntry],
        }));

        await world.AssertUnchangedAsync(store);
    }

    /// <summary>A <see langword="null"/> change set throws <see cref="ArgumentNullException"/>.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Commit_NullChangeSet_ThrowsArgumentNullException()
    {
        await using var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<ArgumentNullException>(async () => await store.Customers.CommitAsync(null!));
    }

    /// <summary>
    /// Identifiers are compared ordinally: ids that differ only by case, by dotted or dotless i, or by Unicode
    /// normalization are different customers and different orders (a case-insensitive or normalizing key fails this).
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Commit_IdentifiersDifferingOnlyByCaseOrNormalization_AreDifferentItems()
    {
        await using var store = await CreateStoreAsync();
        string[] ids = ["x-i", "x-I", "x-İ", "x-ı", "X-AYŞE", "x-ayşe", "x-ayse", "x-\u00E9", "x-e\u0301"];

        foreach (var (id, index) in ids.Select((id, index) => (id, index)))
        {
            var customer = NewCustomer("c" + id, "City " + index);
            var result = await store.Customers.CommitAsync(new CustomerChangeSet
            {
                Customers = [new(customer, 0)],
                Orders = [new(NewOrder("o" + id, customer, index, Epoch), 0)],
            });
            Assert.True(result.IsCommitted, $"Committing customer and order '{id}' returned {result.Outcome} on '{result.ConflictKey}': the store treats it as equal to an earlier id.");
        }

        foreach (var (id, index) in ids.Select((id, index) => (id, index)))
        {
            Assert.Equal("City " + index, (await store.Customers.FindAsync(CustomerId.From("c" + id)))?.City);
            Assert.Equal(index, (await store.Customers.FindOrderAsync(OrderId.From("o" + id)))?.Total.Amount);
        }
    }

    /// <summary>The state every commit test starts from, and the checks that nothing of a refused set was written.</summary>
    private sealed record ExistingWorld(Customer A, Customer B, Order OrderOfA, ProcessedEvent OldEntry, Customer Newcomer, Order OrderOfNewcomer, ProcessedEvent NewEntry)
    {
        public static async Task<ExistingWorld> CreateAsync(CustomerStoreUnderTest store)
        {
            var a = NewCustomer("c-a", "Ankara");
            var b = NewCustomer("c-b", "Bursa");
            var orderOfA = NewOrder("o-a", a, 100m, Epoch);
            var oldEntry = Entry("evt-old", a, Epoch);
            await CommitOrFailAsync(store, new CustomerChangeSet { Customers = [new(a, 0), new(b, 0)], Orders = [new(orderOfA, 0)], Events = [oldEntry] });
            a = a with { City = "Antalya" };
            orderOfA = orderOfA with { Status = OrderStatus.Shipped, ShippedAt = Epoch.PlusTicks(10_000) };
            await CommitOrFailAsync(store, new CustomerChangeSet { Customers = [new(a, 1)], Orders = [new(orderOfA, 1)] });
            var newcomer = NewCustomer("c-new", "İzmir");
            return new ExistingWorld(a, b, orderOfA, oldEntry, newcomer, NewOrder("o-new", newcomer, 5m, Epoch), Entry("evt-new", newcomer, Epoch));
        }

        public async Task AssertUnchangedAsync(CustomerStoreUnderTest store)
        {
            StoreAssert.SameCustomer(A, await store.Customers.FindAsync(A.Id), 2, "FindAsync after a refused commit");
            StoreAssert.SameCustomer(B, await store.Customers.FindAsync(B.Id), 1, "FindAsync after a refused commit");
            StoreAssert.SameOrder(OrderOfA, await store.Customers.FindOrderAsync(OrderOfA.Id), 2, "FindOrderAsync after a refused commit");
            Assert.True(await store.Customers.FindAsync(Newcomer.Id) is null, $"A refused commit wrote customer '{Newcomer.Id}'.");
            Assert.True(await store.Customers.FindOrderAsync(OrderOfNewcomer.Id) is null, $"A refused commit wrote order '{OrderOfNewcomer.Id}'.");
            Assert.False(await store.Ledger.ContainsAsync(NewEntry.EventId), $"A refused commit wrote ledger entry '{NewEntry.EventId}'.");
            Assert.Equal(OldEntry, await store.Ledger.FindEntryAsync(OldEntry.EventId));
            Assert.Equal(2, await store.Customers.CountAsync(new Specification<Customer>()));
            Assert.Single(await store.Customers.ListOrdersAsync(new Specification<Order>()));
        }
    }
}
