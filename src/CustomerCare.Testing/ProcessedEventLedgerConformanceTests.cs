using CustomerCare.Orders;
using CustomerCare.Storage;
using NodaTime;
using Xunit;

namespace CustomerCare.Testing;

/// <summary>
/// The required conformance suite of <see cref="IProcessedEventLedger"/>: entries appear with their commit and only
/// with it, read back with every field, are keyed ordinally, and make <see cref="CustomerEventProcessor"/> idempotent.
/// </summary>
/// <remarks>
/// Derive it once per store and override <see cref="StoreConformanceTestsBase.CreateStoreAsync"/>. Derive
/// <see cref="ProcessedEventLedgerPruningConformanceTests"/> as well, or override <see cref="SupportsPruning"/>.
/// </remarks>
[ConformanceSuite(typeof(IProcessedEventLedger))]
public abstract class ProcessedEventLedgerConformanceTests : StoreConformanceTestsBase
{
    /// <summary>The reads <see cref="Read_CancelledToken_ThrowsOperationCanceled"/> cancels.</summary>
    public static TheoryData<string> Reads { get; } = ["ContainsAsync", "FindEntryAsync"];

    /// <summary>
    /// Whether <see cref="IProcessedEventLedger.PruneAsync"/> removes old entries, and so the store must pass
    /// <see cref="ProcessedEventLedgerPruningConformanceTests"/>. <see langword="true"/> unless overridden.
    /// </summary>
    /// <remarks>
    /// Override with <see langword="false"/> only when the database expires entries by itself (a TTL index) and
    /// <see cref="IProcessedEventLedger.PruneAsync"/> cannot report what it removed; say so in the plugin's README.
    /// </remarks>
    protected virtual bool SupportsPruning => true;

    /// <summary>A claimed pruning capability has its suite derived in the same test assembly.</summary>
    [Fact]
    public void SupportsPruning_WhenClaimed_HasItsSuiteInTheTestAssembly()
    {
        var derived = ConformanceCoverage.Derives(GetType().Assembly, typeof(ProcessedEventLedgerPruningConformanceTests));
        Assert.True(
            !SupportsPruning || derived,
            $"{GetType().Name} claims SupportsPruning (the default), but its test assembly has no public concrete subclass of "
            + $"{nameof(ProcessedEventLedgerPruningConformanceTests)}. Derive it to run the pruning tests, or override SupportsPruning => false "
            + "for a store whose database expires entries by itself.");
    }

    /// <summary>After a commit, the ledger contains its events and returns each entry with every field.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task ContainsAndFindEntry_AfterCommit_ReturnTheEntryAsWritten()
    {
        await using var store = await CreateStoreAsync();
        var customer = NewCustomer("c-ayşe");
        var registered = Entry("evt-registered", customer, Epoch.Plus(Duration.FromMilliseconds(321)));
        var reviewed = Entry("evt-ğüşıöç-" + new string('İ', EventId.MaxLength - 11), customer, Epoch.Plus(Duration.FromDays(400)), "review_posted");

        await CommitOrFailAsync(store, new CustomerChangeSet { Customers = [new(customer, 0)], Events = [registered, reviewed] });

        Assert.True(await store.Ledger.ContainsAsync(registered.EventId));
        Assert.True(await store.Ledger.ContainsAsync(reviewed.EventId));
        Assert.Equal(registered, await store.Ledger.FindEntryAsync(registered.EventId));
        Assert.Equal(reviewed, await store.Ledger.FindEntryAsync(reviewed.EventId));
    }

    /// <summary>An event never committed is not contained, and has no entry.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task ContainsAndFindEntry_UnknownEvent_AreFalseAndNull()
    {
        await using var store = await CreateStoreAsync();
        var customer = NewCustomer("c-1");
        await CommitOrFailAsync(store, new CustomerChangeSet { Customers = [new(customer, 0)], Events = [Entry("evt-known", customer, Epoch)] });

        Assert.False(await store.Ledger.ContainsAsync(EventId.From("evt-unknown")));
        Assert.Null(await store.Ledger.FindEntryAsync(EventId.From("evt-unknown")));
    }

    /// <summary>Event identifiers differing only by case or by dotted and dotless i are different entries.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task EventIds_DifferingOnlyByCase_AreDifferentEntries()
    {
        await using var store = await CreateStoreAsync();
        var customer = NewCustomer("c-1");
        await InsertAsync(store, customer);
        string[] ids = ["evt-i", "evt-I", "evt-İ", "evt-ı", "EVT-i"];

        foreach (var (id, index) in ids.Select((id, index) => (id, index)))
        {
            var result = await store.Customers.CommitAsync(new CustomerChangeSet { Events = [Entry(id, customer, Epoch.Plus(Duration.FromSeconds(index)))] });
            Assert.True(result.IsCommitted, $"Event '{id}' returned {result.Outcome}: the ledger treats it as equal to an earlier id.");
        }

        foreach (var (id, index) in ids.Select((id, index) => (id, index)))
        {
            Assert.Equal(Epoch.Plus(Duration.FromSeconds(index)), (await store.Ledger.FindEntryAsync(EventId.From(id)))?.ProcessedAt);
        }
    }

    /// <summary>The events of a commit refused for a version conflict are not in the ledger.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Contains_EventOfARefusedCommit_IsFalse()
    {
        await using var store = await CreateStoreAsync();
        var customer = NewCustomer("c-1");
        await InsertAsync(store, customer);
        var entry = Entry("evt-refused", customer, Epoch);

        var result = await store.Customers.CommitAsync(new CustomerChangeSet { Customers = [new(customer, 0)], Events = [entry] });

        Assert.Equal(CommitOutcome.VersionConflict, result.Outcome);
        Assert.False(await store.Ledger.ContainsAsync(entry.EventId));
        Assert.Null(await store.Ledger.FindEntryAsync(entry.EventId));
    }

    /// <summary>
    /// Through <see cref="CustomerEventProcessor"/>, an event delivered twice is applied once, and its entry records the
    /// event kind, the customer and the clock's instant when it was applied.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Processor_SameEventTwice_IsAppliedOnceAndRecordedWithTheClockInstant()
    {
        await using var store = await CreateStoreAsync();
        var clock = TestClocks.At(2026, 11, 22, 9, 0, "Europe/Istanbul");
        var processor = CreateProcessor(store, clock);
        var events = new CommerceEvents();
        var customer = NewCustomer("c-1");
        await processor.ApplyAsync(events.Registered(customer));
        var review = events.Reviewed(customer.Id, "p-1", 4, Epoch);
        clock.Advance(Duration.FromMinutes(5));

        var first = await processor.ApplyAsync(review);
        clock.Advance(Duration.FromMinutes(5));
        var second = await processor.ApplyAsync(review);

        Assert.Equal(EventApplyOutcome.Applied, first.Outcome);
        Assert.Equal(EventApplyOutcome.Duplicate, second.Outcome);
        Assert.Equal(1, (await store.Customers.FindAsync(customer.Id))?.Engagement.ReviewCount);
        Assert.Equal(
            new ProcessedEvent(review.EventId, "review_posted", customer.Id, Instant.FromUtc(2026, 11, 22, 6, 5)),
            await store.Ledger.FindEntryAsync(review.EventId));
    }

    /// <summary>Every ledger read with an already cancelled token throws <see cref="OperationCanceledException"/>.</summary>
    /// <param name="read">The read, by method name.</param>
    /// <returns>The test.</returns>
    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Read_CancelledToken_ThrowsOperationCanceled(string read)
    {
        await using var store = await CreateStoreAsync();
        var customer = NewCustomer("c-1");
        var entry = Entry("evt-1", customer, Epoch);
        await CommitOrFailAsync(store, new CustomerChangeSet { Customers = [new(customer, 0)], Events = [entry] });
        Func<Task> call = read switch
        {
            "ContainsAsync" => async () => await store.Ledger.ContainsAsync(entry.EventId, CancelledToken()),
            "FindEntryAsync" => async () => await store.Ledger.FindEntryAsync(entry.EventId, CancelledToken()),
            _ => throw new ArgumentOutOfRangeException(nameof(read), read, "Unknown read."),
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(call);
    }
}
