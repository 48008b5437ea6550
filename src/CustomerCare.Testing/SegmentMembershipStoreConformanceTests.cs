using CustomerCare.Customers;
using CustomerCare.Segments.Membership;
using CustomerCare.Storage;
using NodaTime;
using Xunit;

namespace CustomerCare.Testing;

/// <summary>
/// The required conformance suite of <see cref="ISegmentMembershipStore"/>: changes computed against the previous
/// evaluation, membership at any instant, no going back in time, and one report per change under concurrency.
/// </summary>
/// <remarks>Derive it once per store and override <see cref="CreateMembershipStoreAsync"/>; each test gets a fresh, isolated store.</remarks>
[ConformanceSuite(typeof(ISegmentMembershipStore))]
public abstract class SegmentMembershipStoreConformanceTests
{
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 6, 0);

    /// <summary>Creates an empty store for one test; when it is <see cref="IAsyncDisposable"/> the test disposes it.</summary>
    /// <returns>The store.</returns>
    protected abstract ValueTask<ISegmentMembershipStore> CreateMembershipStoreAsync();

    /// <summary>At the first evaluation every member entered, reported in ordinal customer order.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Record_FirstEvaluation_EveryMemberEntered()
    {
        await using var scope = await ScopeAsync();

        var changes = await scope.Store.RecordAsync("vip", Monday, Ids("c-b", "C-a", "c-İ", "c-i"));

        Assert.Equal(["C-a", "c-b", "c-i", "c-İ"], changes.Select(c => c.CustomerId.Value));
        Assert.All(changes, c => Assert.Equal((SegmentChangeKind.Entered, Monday, "vip"), (c.Kind, c.At, c.Segment)));
    }

    /// <summary>A later evaluation reports only who entered and who left.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Record_NextEvaluation_ReportsOnlyTheDifference()
    {
        await using var scope = await ScopeAsync();
        await scope.Store.RecordAsync("vip", Monday, Ids("c-1", "c-2", "c-3"));
        var tuesday = Monday + Duration.FromDays(1);

        var changes = await scope.Store.RecordAsync("vip", tuesday, Ids("c-2", "c-3", "c-4"));

        Assert.Equal([("c-1", SegmentChangeKind.Left), ("c-4", SegmentChangeKind.Entered)], changes.Select(c => (c.CustomerId.Value, c.Kind)));
        Assert.Equal(tuesday, await scope.Store.LastEvaluatedAsync("vip"));
    }

    /// <summary>Membership at an instant is that of the latest evaluation at or before it.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task MembersAt_AnyInstant_IsTheLatestEvaluationAtOrBeforeIt()
    {
        await using var scope = await ScopeAsync();
        var tuesday = Monday + Duration.FromDays(1);
        await scope.Store.RecordAsync("vip", Monday, Ids("c-1", "c-2"));
        await scope.Store.RecordAsync("vip", tuesday, Ids("c-2", "c-3"));
        await scope.Store.RecordAsync("vip", tuesday + Duration.FromDays(1), Ids("c-1"));

        Assert.Empty(await scope.Store.MembersAtAsync("vip", Monday - Duration.Epsilon));
        Assert.Equal(["c-1", "c-2"], (await scope.Store.MembersAtAsync("vip", Monday)).Select(i => i.Value));
        Assert.Equal(["c-1", "c-2"], (await scope.Store.MembersAtAsync("vip", tuesday - Duration.Epsilon)).Select(i => i.Value));
        Assert.Equal(["c-2", "c-3"], (await scope.Store.MembersAtAsync("vip", tuesday + Duration.FromHours(5))).Select(i => i.Value));
        Assert.Equal(["c-1"], (await scope.Store.MembersAtAsync("vip", tuesday + Duration.FromDays(30))).Select(i => i.Value));
        Assert.Empty(await scope.Store.MembersAtAsync("other", tuesday));
    }

    /// <summary>Changes after an instant come in time order, then customer order.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Changes_AfterAnInstant_InTimeThenCustomerOrder()
    {
        await using var scope = await ScopeAsync();
        var tuesday = Monday + Duration.FromDays(1);
        await scope.Store.RecordAsync("vip", Monday, Ids("c-2", "c-1"));
        await scope.Store.RecordAsync("vip", tuesday, Ids("c-3"));

        var changes = await scope.Store.ChangesAsync("vip", Monday);

        Assert.Equal(
            [("c-1", SegmentChangeKind.Left), ("c-2", SegmentChangeKind.Left), ("c-3", SegmentChangeKind.Entered)],
            changes.Select(c => (c.CustomerId.Value, c.Kind)));
        Assert.Equal(5, (await scope.Store.ChangesAsync("vip", Monday - Duration.Epsilon)).Count);
    }

    /// <summary>An evaluation earlier than the latest is refused and changes nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Record_BackInTime_IsRefusedAndWritesNothing()
    {
        await using var scope = await ScopeAsync();
        await scope.Store.RecordAsync("vip", Monday, Ids("c-1"));

        await Assert.ThrowsAsync<ArgumentException>(async () => await scope.Store.RecordAsync("vip", Monday - Duration.FromDays(1), Ids("c-2")));

        Assert.Equal(Monday, await scope.Store.LastEvaluatedAsync("vip"));
        Assert.Equal(["c-1"], (await scope.Store.MembersAtAsync("vip", Monday + Duration.FromDays(9))).Select(i => i.Value));
    }

    /// <summary>A cancelled recording throws and writes nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Record_CancelledToken_ThrowsAndWritesNothing()
    {
        await using var scope = await ScopeAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await scope.Store.RecordAsync("vip", Monday, Ids("c-1"), new CancellationToken(canceled: true)));

        Assert.Null(await scope.Store.LastEvaluatedAsync("vip"));
    }

    /// <summary>Concurrent recordings of one segment report every change exactly once: replaying them gives the final membership.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Record_Concurrently_EveryChangeIsReportedOnce()
    {
        await using var scope = await ScopeAsync();
        var random = new Random(20260302);
        var sets = Enumerable.Range(0, 24).Select(_ => Ids([.. Enumerable.Range(0, 12).Where(_ => random.Next(2) == 0).Select(i => "c-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))])).ToArray();

        var reported = await Task.WhenAll(sets.Select((members, k) => Task.Run(async () =>
        {
            try
            {
                return await scope.Store.RecordAsync("vip", Monday, members);
            }
            catch (ArgumentException)
            {
                return [];
            }
        })));

        // Whatever order the recordings were serialized in, each customer's changes alternate, so entries minus exits
        // is 1 for a final member and 0 for everyone else. A lost or doubled change breaks that.
        var final = (await scope.Store.MembersAtAsync("vip", Monday)).ToHashSet();
        foreach (var customer in reported.SelectMany(c => c).GroupBy(c => c.CustomerId))
        {
            var net = customer.Count(c => c.Kind == SegmentChangeKind.Entered) - customer.Count(c => c.Kind == SegmentChangeKind.Left);
            Assert.True(net == (final.Contains(customer.Key) ? 1 : 0), $"{customer.Key}: {net} net entries, but final membership is {final.Contains(customer.Key)}");
        }

        Assert.All(final, member => Assert.Contains(reported.SelectMany(c => c), c => c.CustomerId == member));
    }

    private static CustomerId[] Ids(params string[] ids) => [.. ids.Select(CustomerId.From)];

    private async Task<Scope> ScopeAsync() => new(await CreateMembershipStoreAsync());

    private sealed class Scope(ISegmentMembershipStore store) : IAsyncDisposable
    {
        public ISegmentMembershipStore Store { get; } = store;

        public ValueTask DisposeAsync() => Store is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;
    }
}
