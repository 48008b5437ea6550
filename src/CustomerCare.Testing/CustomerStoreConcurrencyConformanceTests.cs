using System.Globalization;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Storage;
using Xunit;

namespace CustomerCare.Testing;

/// <summary>
/// The concurrency capability of <see cref="ICustomerStore"/>: commits racing on real threads. Two commits of the same
/// event never both succeed, two writes of the same item version never both succeed, and no update is lost.
/// </summary>
/// <remarks>
/// <para>
/// This suite is separate from <see cref="CustomerStoreConformanceTests"/> so a store that cannot take concurrent
/// writers opts out by not deriving it, and says so with
/// <c>protected override bool SupportsConcurrentCommits =&gt; false</c> on its required suite; the tests then do not
/// exist, rather than pass without checking anything.
/// </para>
/// <para>
/// The tests start their tasks behind one gate to make the race likely; they never assert on timing. A race a run does
/// not hit is not proof of safety, so a plugin should also guard the commit by construction (a unique key on the
/// ledger, a version predicate in the update).
/// </para>
/// </remarks>
[ConformanceSuite(typeof(ICustomerStore), Capability = "ConcurrentCommits")]
public abstract class CustomerStoreConcurrencyConformanceTests : StoreConformanceTestsBase
{
    private const int Rounds = 10;

    /// <summary>The numbers of racing tasks the theories run with.</summary>
    public static TheoryData<int> TaskCounts { get; } = [2, 4, 8, 16];

    /// <summary>
    /// Tasks that each commit a different new customer together with the same event: exactly one commits, the others
    /// get <see cref="CommitOutcome.EventAlreadyProcessed"/>, and only the winner's customer exists.
    /// </summary>
    /// <param name="tasks">How many tasks race.</param>
    /// <returns>The test.</returns>
    [Theory]
    [MemberData(nameof(TaskCounts))]
    public async Task Commit_SameEventFromManyTasks_ExactlyOneCommits(int tasks)
    {
        await using var store = await CreateStoreAsync();
        for (var round = 0; round < Rounds; round++)
        {
            var eventId = string.Create(CultureInfo.InvariantCulture, $"evt-{round}");
            var contenders = Enumerable.Range(0, tasks)
                .Select(t => NewCustomer(string.Create(CultureInfo.InvariantCulture, $"c-{round}-{t}")))
                .ToArray();

            var results = await RaceAsync(contenders, c => store.Customers.CommitAsync(new CustomerChangeSet
            {
                Customers = [new(c, 0)],
                Events = [Entry(eventId, c, Epoch)],
            }).AsTask());

            var winners = results.Where(r => r.Result.IsCommitted).ToArray();
            Assert.True(winners.Length == 1, $"Round {round}: {winners.Length} of {tasks} commits of event '{eventId}' succeeded; exactly one must.");
            Assert.All(results.Where(r => !r.Result.IsCommitted), r => Assert.Equal(CommitOutcome.EventAlreadyProcessed, r.Result.Outcome));
            var entry = await store.Ledger.FindEntryAsync(EventId.From(eventId));
            Assert.Equal(winners[0].Input.Id, entry?.CustomerId);
            foreach (var (customer, result) in results)
            {
                var stored = await store.Customers.FindAsync(customer.Id);
                Assert.True(
                    result.IsCommitted == stored is not null,
                    $"Round {round}: customer '{customer.Id}' was {(stored is null ? "not " : string.Empty)}stored although its commit returned {result.Outcome}.");
            }
        }
    }

    /// <summary>
    /// Tasks that each update the same customer from the same version: exactly one commits, the others get
    /// <see cref="CommitOutcome.VersionConflict"/>, and the stored customer is the winner's at the next version.
    /// </summary>
    /// <param name="tasks">How many tasks race.</param>
    /// <returns>The test.</returns>
    [Theory]
    [MemberData(nameof(TaskCounts))]
    public async Task Commit_SameVersionFromManyTasks_ExactlyOneCommits(int tasks)
    {
        await using var store = await CreateStoreAsync();
        var customer = NewCustomer("c-contended", "Ankara");
        await InsertAsync(store, customer);
        for (var round = 0; round < Rounds; round++)
        {
            var version = round + 1;
            var contenders = Enumerable.Range(0, tasks)
                .Select(t => customer with { City = string.Create(CultureInfo.InvariantCulture, $"City {round}-{t}") })
                .ToArray();

            var results = await RaceAsync(contenders, c => store.Customers.CommitAsync(new CustomerChangeSet { Customers = [new(c, version)] }).AsTask());

            var winners = results.Where(r => r.Result.IsCommitted).ToArray();
            Assert.True(winners.Length == 1, $"Round {round}: {winners.Length} of {tasks} updates from version {version} succeeded; exactly one must.");
            Assert.All(results.Where(r => !r.Result.IsCommitted), r => Assert.Equal(CommitOutcome.VersionConflict, r.Result.Outcome));
            StoreAssert.SameCustomer(winners[0].Input, await store.Customers.FindAsync(customer.Id), version + 1, "FindAsync after the race");
        }
    }

    /// <summary>
    /// Eight tasks each apply fifty distinct reviews of one customer through <see cref="CustomerEventProcessor"/>: the
    /// final review count is exact (no lost update), every event is in the ledger, and the version counts every commit.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Processor_ManyTasksUpdatingOneCustomer_LosesNoUpdate()
    {
        const int Tasks = 8;
        const int ReviewsPerTask = 50;
        await using var store = await CreateStoreAsync();
        var clock = TestClocks.AtUtc(2026, 11, 22, 9);
        var processor = CreateProcessor(store, clock);
        var events = new CommerceEvents("review");
        var customer = NewCustomer("c-reviewer");
        Assert.Equal(EventApplyOutcome.Applied, (await processor.ApplyAsync(events.Registered(customer))).Outcome);
        var reviews = Enumerable.Range(0, Tasks)
            .Select(t => Enumerable.Range(0, ReviewsPerTask).Select(i => events.Reviewed(customer.Id, "p-" + i.ToString(CultureInfo.InvariantCulture), 1 + (i % 5), Epoch)).ToArray())
            .ToArray();

        var results = await RaceAsync(reviews, async batch =>
        {
            var outcomes = new List<EventApplyOutcome>();
            foreach (var review in batch)
            {
                outcomes.Add(await ApplyUntilSettledAsync(processor, review));
            }

            return outcomes;
        });

        Assert.All(results.SelectMany(r => r.Result), outcome => Assert.Equal(EventApplyOutcome.Applied, outcome));
        var stored = await store.Customers.FindAsync(customer.Id);
        Assert.Equal(Tasks * ReviewsPerTask, stored?.Engagement.ReviewCount);
        Assert.Equal(1L + (Tasks * ReviewsPerTask), stored?.Version);
        foreach (var review in reviews.SelectMany(r => r))
        {
            Assert.True(await store.Ledger.ContainsAsync(review.EventId), $"Review '{review.EventId}' was applied but is not in the ledger.");
        }
    }

    /// <summary>The same event delivered to many tasks at once is applied once: one Applied, the rest Duplicate.</summary>
    /// <param name="tasks">How many tasks race.</param>
    /// <returns>The test.</returns>
    [Theory]
    [MemberData(nameof(TaskCounts))]
    public async Task Processor_SameEventDeliveredConcurrently_IsAppliedOnce(int tasks)
    {
        await using var store = await CreateStoreAsync();
        var processor = CreateProcessor(store, TestClocks.AtUtc(2026, 11, 22, 9));
        var events = new CommerceEvents("delivery");
        var customer = NewCustomer("c-reviewer");
        await processor.ApplyAsync(events.Registered(customer));
        var review = events.Reviewed(customer.Id, "p-1", 5, Epoch);

        var results = await RaceAsync(Enumerable.Repeat(review, tasks).ToArray(), r => ApplyUntilSettledAsync(processor, r));

        Assert.Equal(1, results.Count(r => r.Result == EventApplyOutcome.Applied));
        Assert.Equal(tasks - 1, results.Count(r => r.Result == EventApplyOutcome.Duplicate));
        Assert.Equal(1, (await store.Customers.FindAsync(customer.Id))?.Engagement.ReviewCount);
    }

    /// <summary>Starts one task per input behind a single gate, then waits for all of them.</summary>
    private static async Task<(TInput Input, TResult Result)[]> RaceAsync<TInput, TResult>(TInput[] inputs, Func<TInput, Task<TResult>> work)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = inputs.Select(input => Task.Run(async () =>
        {
            await gate.Task;
            return (input, await work(input));
        })).ToArray();
        gate.SetResult();
        return await Task.WhenAll(running);
    }

    /// <summary>
    /// Applies an event, delivering it again when the processor gave up on a hot customer: redelivery is what the
    /// platform does, and the ledger makes it safe, so losing a retry race is not a store defect.
    /// </summary>
    private static async Task<EventApplyOutcome> ApplyUntilSettledAsync(CustomerEventProcessor processor, CommerceEvent commerceEvent)
    {
        const int MaxDeliveries = 50;
        for (var delivery = 1; ; delivery++)
        {
            try
            {
                return (await processor.ApplyAsync(commerceEvent)).Outcome;
            }
            catch (ConcurrencyException) when (delivery < MaxDeliveries)
            {
                await Task.Yield();
            }
        }
    }
}
