using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using CustomerCare.Storage.InMemory;
using CustomerCare.Testing;
using NodaTime;
using Xunit.Sdk;

namespace CustomerCare.Tests.Conformance;

/// <summary>
/// The kit is only worth running if it fails for a broken store. Each test runs one kit test against a real store with
/// one typical plugin mistake and expects the kit to report it. The suites here are private, so xunit does not run
/// them on their own and <see cref="ConformanceCoverage"/> does not count them.
/// </summary>
public sealed class KitCatchesBrokenStoresTests
{
    [Fact]
    public async Task Kit_StoreWritingItemByItem_FailsTheAtomicityTests()
    {
        var suite = new CustomerSuite(() => new ItemByItemStore());

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => suite.Commit_VersionConflict_WritesNothingOfTheSet("existing order written as new"));
        await Assert.ThrowsAnyAsync<XunitException>(suite.Commit_EventAlreadyInTheLedger_IsEventAlreadyProcessedAndWritesNothing);

        Assert.Contains("c-b", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kit_StoreWithACaseInsensitiveKey_FailsTheOrdinalIdentifierTest()
    {
        var suite = new CustomerSuite(() => new CaseInsensitiveKeyStore());

        var failure = await Assert.ThrowsAnyAsync<XunitException>(suite.Commit_IdentifiersDifferingOnlyByCaseOrNormalization_AreDifferentItems);

        Assert.Contains("treats it as equal to an earlier id", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kit_StoreOrderingByCultureInsteadOfOrdinalId_FailsTheQueryTests()
    {
        var suite = new CustomerSuite(() => new CultureOrderedStore());

        await Assert.ThrowsAnyAsync<XunitException>(() => suite.ListAsync_Specification_ReturnsWhatTheReferenceEvaluatorReturns("all, no ordering"));
        await suite.CountAsync_Specification_CountsWhatTheReferenceEvaluatorCounts("all, no ordering");
    }

    [Fact]
    public async Task Kit_StoreIgnoringTheExpectedVersion_FailsTheConflictTest()
    {
        var suite = new CustomerSuite(() => new LastWriterWinsStore());

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => suite.Commit_VersionConflict_WritesNothingOfTheSet("customer at a stale version"));

        Assert.Contains("VersionConflict", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kit_LedgerWithoutAUniqueKey_FailsTheConcurrencyTest()
    {
        var suite = new ConcurrencySuite(() => new LedgerWithoutUniqueKeyStore());

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => suite.Commit_SameEventFromManyTasks_ExactlyOneCommits(2));

        Assert.Contains("2 of 2 commits of event 'evt-0' succeeded", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kit_PruneKeepingTheBoundaryWrong_FailsThePruningTest()
    {
        var suite = new PruningSuite(() => new InclusivePruneStore());

        await Assert.ThrowsAnyAsync<XunitException>(suite.Prune_RemovesOnlyEntriesProcessedBeforeTheInstant_AndReturnsTheirCount);
    }

    [Fact]
    public async Task Kit_StoreKeepingInstantsToTheSecond_FailsTheRoundTripNamingTheField()
    {
        var suite = new CustomerSuite(() => new SecondPrecisionStore());

        var failure = await Assert.ThrowsAnyAsync<XunitException>(suite.Customers_EveryField_RoundTripsThroughEveryRead);

        Assert.Contains("SignedUpAt: wrote '2024-02-29T12:00:00.999Z', read '2024-02-29T12:00:00Z'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kit_StreamIgnoringCancellation_FailsTheCancellationTest()
    {
        var suite = new CustomerSuite(() => new UncancellableStreamStore());

        await Assert.ThrowsAnyAsync<XunitException>(() => suite.Read_CancelledToken_ThrowsOperationCanceled("StreamAsync"));
    }

    private sealed class CustomerSuite(Func<DelegatingStore> create) : CustomerStoreConformanceTests
    {
        protected override ValueTask<CustomerStoreUnderTest> CreateStoreAsync() => ValueTask.FromResult(CustomerStoreUnderTest.For(create()));
    }

    private sealed class ConcurrencySuite(Func<DelegatingStore> create) : CustomerStoreConcurrencyConformanceTests
    {
        protected override ValueTask<CustomerStoreUnderTest> CreateStoreAsync() => ValueTask.FromResult(CustomerStoreUnderTest.For(create()));
    }

    private sealed class PruningSuite(Func<DelegatingStore> create) : ProcessedEventLedgerPruningConformanceTests
    {
        protected override ValueTask<CustomerStoreUnderTest> CreateStoreAsync() => ValueTask.FromResult(CustomerStoreUnderTest.For(create()));
    }

    /// <summary>Commits each item on its own, as a store without a transaction does, and stops at the first refusal.</summary>
    private sealed class ItemByItemStore() : DelegatingStore(new InMemoryCustomerStore())
    {
        public override async ValueTask<CommitResult> CommitAsync(CustomerChangeSet changes, CancellationToken cancellationToken = default)
        {
            changes.Validate();
            CustomerChangeSet[] steps =
            [
                .. changes.Customers.Select(w => new CustomerChangeSet { Customers = [w] }),
                .. changes.Orders.Select(w => new CustomerChangeSet { Orders = [w] }),
                .. changes.Events.Select(e => new CustomerChangeSet { Events = [e] }),
            ];
            foreach (var step in steps)
            {
                var result = await Inner.CommitAsync(step, cancellationToken);
                if (!result.IsCommitted)
                {
                    return result;
                }
            }

            return CommitResult.Committed;
        }
    }

    /// <summary>A unique key under a case-insensitive collation: ids equal ignoring case collide.</summary>
    private sealed class CaseInsensitiveKeyStore() : DelegatingStore(new InMemoryCustomerStore())
    {
        private readonly ConcurrentDictionary<string, byte> _keys = new(StringComparer.OrdinalIgnoreCase);

        public override async ValueTask<CommitResult> CommitAsync(CustomerChangeSet changes, CancellationToken cancellationToken = default)
        {
            var collision = changes.Customers.FirstOrDefault(w => w.ExpectedVersion == 0 && _keys.ContainsKey(w.Item.Id.Value));
            if (collision is not null)
            {
                return new CommitResult(CommitOutcome.VersionConflict, collision.Item.Id.Value);
            }

            var result = await Inner.CommitAsync(changes, cancellationToken);
            foreach (var write in changes.Customers.Where(_ => result.IsCommitted))
            {
                _keys.TryAdd(write.Item.Id.Value, 0);
            }

            return result;
        }
    }

    /// <summary>Returns an unordered query in the database's culture collation instead of ascending ordinal id.</summary>
    private sealed class CultureOrderedStore() : DelegatingStore(new InMemoryCustomerStore())
    {
        public override async ValueTask<IReadOnlyList<Customer>> ListAsync(ISpecification<Customer> specification, CancellationToken cancellationToken = default)
        {
            var result = await Inner.ListAsync(specification, cancellationToken);
            return specification.OrderExpressions.Count > 0
                ? result
                : result.OrderBy(c => c.Id.Value, StringComparer.Create(CultureInfo.GetCultureInfo("tr-TR"), ignoreCase: false)).ToArray();
        }
    }

    /// <summary>Writes at whatever version is stored: the guard in <c>WHERE version = @expected</c> is missing.</summary>
    private sealed class LastWriterWinsStore() : DelegatingStore(new InMemoryCustomerStore())
    {
        public override async ValueTask<CommitResult> CommitAsync(CustomerChangeSet changes, CancellationToken cancellationToken = default)
        {
            var customers = new List<VersionedWrite<Customer>>();
            foreach (var write in changes.Customers)
            {
                customers.Add(write with { ExpectedVersion = (await Inner.FindAsync(write.Item.Id, cancellationToken))?.Version ?? 0 });
            }

            return await Inner.CommitAsync(changes with { Customers = customers }, cancellationToken);
        }
    }

    /// <summary>A ledger table without a unique key: a second entry for the same event is simply written.</summary>
    private sealed class LedgerWithoutUniqueKeyStore() : DelegatingStore(new InMemoryCustomerStore())
    {
        private readonly ConcurrentDictionary<string, ProcessedEvent> _ledger = new(StringComparer.Ordinal);

        public override async ValueTask<CommitResult> CommitAsync(CustomerChangeSet changes, CancellationToken cancellationToken = default)
        {
            var result = await Inner.CommitAsync(changes with { Events = [] }, cancellationToken);
            foreach (var entry in changes.Events.Where(_ => result.IsCommitted))
            {
                _ledger[entry.EventId.Value] = entry;
            }

            return result;
        }

        public override ValueTask<bool> ContainsAsync(EventId eventId, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(_ledger.ContainsKey(eventId.Value));

        public override ValueTask<ProcessedEvent?> FindEntryAsync(EventId eventId, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(_ledger.GetValueOrDefault(eventId.Value));
    }

    /// <summary>Prunes with <c>&lt;=</c> instead of <c>&lt;</c>.</summary>
    private sealed class InclusivePruneStore() : DelegatingStore(new InMemoryCustomerStore())
    {
        public override ValueTask<int> PruneAsync(Instant processedBefore, CancellationToken cancellationToken = default) =>
            Inner.PruneAsync(processedBefore.PlusTicks(1), cancellationToken);
    }

    /// <summary>Keeps instants in a column with whole seconds.</summary>
    private sealed class SecondPrecisionStore() : DelegatingStore(new InMemoryCustomerStore())
    {
        public override async ValueTask<Customer?> FindAsync(CustomerId id, CancellationToken cancellationToken = default) =>
            await Inner.FindAsync(id, cancellationToken) is { } customer
                ? customer with { SignedUpAt = Instant.FromUnixTimeSeconds(customer.SignedUpAt.ToUnixTimeSeconds()) }
                : null;
    }

    /// <summary>Streams without looking at the token.</summary>
    private sealed class UncancellableStreamStore() : DelegatingStore(new InMemoryCustomerStore())
    {
        public override async IAsyncEnumerable<Customer> StreamAsync(ISpecification<Customer> specification, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var customer in await Inner.ListAsync(specification, CancellationToken.None))
            {
                yield return customer;
            }
        }
    }
}
