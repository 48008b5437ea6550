using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Specifications;
using CustomerCare.Storage.InMemory;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Tests.Orders;

public sealed class CustomerEventProcessorTests
{
    private readonly EventFactory _events = new();
    private readonly InMemoryCustomerStore _store = new();
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 22, 9, 0));
    private readonly CustomerEventProcessor _processor;

    public CustomerEventProcessorTests()
    {
        _processor = new CustomerEventProcessor(_store, _store, _clock, Options.Create(new CustomerCareOptions()));
    }

    [Fact]
    public async Task Apply_SameEventTwice_SecondIsDuplicateAndChangesNothing()
    {
        await _processor.ApplyAsync(_events.Registered("c1"));
        var placed = _events.Placed("c1", "o1", 100m);

        var first = await _processor.ApplyAsync(placed);
        var before = await _store.FindAsync(CustomerId.From("c1"));
        var second = await _processor.ApplyAsync(placed);
        var after = await _store.FindAsync(CustomerId.From("c1"));

        Assert.Equal(EventApplyOutcome.Applied, first.Outcome);
        Assert.Equal(EventApplyOutcome.Duplicate, second.Outcome);
        Assert.Same(before, after);
        Assert.Equal(1, after!.Stats.OrderCount);
    }

    [Fact]
    public async Task Apply_RecordsTheEventInTheLedgerWithTheClockInstant()
    {
        var registered = _events.Registered("c1");

        await _processor.ApplyAsync(registered);

        var entry = await _store.FindEntryAsync(registered.EventId);
        Assert.NotNull(entry);
        Assert.Equal(_clock.GetCurrentInstant(), entry.ProcessedAt);
        Assert.Equal("customer_registered", entry.Kind);
    }

    [Fact]
    public async Task Apply_RejectedEvent_IsNotRecordedSoItCanBeRetriedLater()
    {
        var placed = _events.Placed("c1", "o1", 100m);

        var early = await _processor.ApplyAsync(placed);
        await _processor.ApplyAsync(_events.Registered("c1"));
        var retried = await _processor.ApplyAsync(placed);

        Assert.Equal(EventApplyOutcome.Rejected, early.Outcome);
        Assert.Equal(EventRejectionCodes.UnknownCustomer, early.Rejection?.Code);
        Assert.Equal(EventApplyOutcome.Applied, retried.Outcome);
    }

    [Fact]
    public async Task Apply_ConcurrentEventsForOneCustomer_LoseNoUpdate()
    {
        await _processor.ApplyAsync(_events.Registered("c1"));
        var placements = Enumerable.Range(1, 200).Select(i => _events.Placed("c1", "o" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), 1m)).ToArray();

        var processor = new CustomerEventProcessor(_store, _store, _clock, Options.Create(new CustomerCareOptions { MaxCommitAttempts = 100 }));
        await Parallel.ForEachAsync(placements, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (e, ct) =>
            Assert.Equal(EventApplyOutcome.Applied, (await processor.ApplyAsync(e, ct)).Outcome));

        var customer = await _store.FindAsync(CustomerId.From("c1"));
        Assert.Equal(200, customer!.Stats.OrderCount);
        Assert.Equal(200m, customer.Stats.TotalSpend.Amount);
        Assert.Equal(200, (await _store.ListOrdersAsync(new Specification<Order>())).Count);
    }

    [Fact]
    public async Task Apply_SameEventConcurrently_IsAppliedOnce()
    {
        await _processor.ApplyAsync(_events.Registered("c1"));
        var placed = _events.Placed("c1", "o1", 100m);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () => await _processor.ApplyAsync(placed))));

        Assert.Single(results, r => r.Outcome == EventApplyOutcome.Applied);
        Assert.Equal(1, (await _store.FindAsync(CustomerId.From("c1")))!.Stats.OrderCount);
    }

    [Fact]
    public async Task Apply_CancelledToken_WritesNothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await _processor.ApplyAsync(_events.Registered("c1"), cancelled.Token));

        Assert.Equal(0, await _store.CountAsync(new Specification<Customer>()));
    }
}
