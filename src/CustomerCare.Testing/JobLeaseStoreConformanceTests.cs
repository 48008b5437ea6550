using System.Collections.Concurrent;
using System.Globalization;
using CustomerCare.Storage;
using NodaTime;
using Xunit;

namespace CustomerCare.Testing;

/// <summary>
/// The required conformance suite of <see cref="IJobLeaseStore"/>: one holder at a time, even among many racing
/// acquirers; expiry frees a lease; only the holder renews or releases; the fencing token only grows.
/// </summary>
/// <remarks>Derive it once per store and override <see cref="CreateJobLeaseStoreAsync"/>; each test gets a fresh, isolated store.</remarks>
[ConformanceSuite(typeof(IJobLeaseStore))]
public abstract class JobLeaseStoreConformanceTests
{
    private static readonly Instant Now = Instant.FromUtc(2027, 3, 28, 0, 30);
    private static readonly Duration Minute = Duration.FromMinutes(1);
    private static readonly Duration Lease = Duration.FromMinutes(5);

    /// <summary>Creates an empty store.</summary>
    /// <returns>The store.</returns>
    protected abstract ValueTask<IJobLeaseStore> CreateJobLeaseStoreAsync();

    /// <summary>The first acquisition of a job gets token 1; a second holder gets nothing while the lease is live.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Acquire_FreeJob_GivesTheLease_AndRefusesAnotherHolderWhileLive()
    {
        var store = await CreateJobLeaseStoreAsync();

        var first = await store.AcquireAsync("campaigns", "host-a", Lease, Now);
        var second = await store.AcquireAsync("campaigns", "host-b", Lease, Now + Lease - Duration.FromSeconds(1));

        Assert.Equal(new JobLease("campaigns", "host-a", 1, Now + Lease), first);
        Assert.Null(second);
        Assert.Equal(first, await store.FindAsync("campaigns"));
    }

    /// <summary>At its expiry instant a lease is free: another holder takes it with a higher token, and the old holder can neither renew nor release it.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Expiry_LetsAnotherHolderTakeOver_WithAHigherToken_AndFencesTheOldHolder()
    {
        var store = await CreateJobLeaseStoreAsync();
        var first = (await store.AcquireAsync("sla", "host-a", Lease, Now))!;

        var second = await store.AcquireAsync("sla", "host-b", Lease, Now + Lease);

        Assert.NotNull(second);
        Assert.Equal(("host-b", Now + Lease + Lease), (second.Holder, second.ExpiresAt));
        Assert.True(second.Token > first.Token, $"token {second.Token} after {first.Token}");
        Assert.Null(await store.RenewAsync(first, Lease, Now + Lease));
        Assert.False(await store.ReleaseAsync(first));
        Assert.Equal(second, await store.FindAsync("sla"));
    }

    /// <summary>Renewing a live lease extends it and keeps its token; renewing at or after expiry fails and writes nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Renew_LiveLease_Extends_ExpiredLease_IsRefused()
    {
        var store = await CreateJobLeaseStoreAsync();
        var lease = (await store.AcquireAsync("outbox", "host-a", Lease, Now))!;

        var renewed = await store.RenewAsync(lease, Lease, Now + Minute);
        var late = await store.RenewAsync(renewed!, Lease, Now + Minute + Lease);

        Assert.Equal(lease with { ExpiresAt = Now + Minute + Lease }, renewed);
        Assert.Null(late);
        Assert.Equal(renewed, await store.FindAsync("outbox"));
    }

    /// <summary>A released lease is free at once for another holder, whose token is higher; a second release is refused.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Release_FreesTheLeaseAtOnce_AndOnlyOnce()
    {
        var store = await CreateJobLeaseStoreAsync();
        var lease = (await store.AcquireAsync("segments", "host-a", Lease, Now))!;

        Assert.True(await store.ReleaseAsync(lease));
        Assert.Null(await store.FindAsync("segments"));
        Assert.False(await store.ReleaseAsync(lease));
        var next = await store.AcquireAsync("segments", "host-b", Lease, Now);

        Assert.NotNull(next);
        Assert.True(next.Token > lease.Token, $"token {next.Token} after {lease.Token}");
        Assert.Null(await store.RenewAsync(lease, Lease, Now));
    }

    /// <summary>The holder acquiring again while it holds the lease extends it under the same token.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Acquire_ByTheLiveHolder_ExtendsUnderTheSameToken()
    {
        var store = await CreateJobLeaseStoreAsync();
        var lease = (await store.AcquireAsync("surveys", "host-a", Lease, Now))!;

        var again = await store.AcquireAsync("surveys", "host-a", Lease, Now + Minute);

        Assert.Equal(lease with { ExpiresAt = Now + Minute + Lease }, again);
    }

    /// <summary>Leases of different jobs are independent, and job names compare ordinally (no culture folding of I and ı).</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Jobs_AreIndependent_AndNamedOrdinally()
    {
        var store = await CreateJobLeaseStoreAsync();
        using var culture = CultureScope.Turkish();

        var upper = await store.AcquireAsync("INVOICE", "host-a", Lease, Now);
        var lower = await store.AcquireAsync("invoice", "host-b", Lease, Now);
        var dotless = await store.AcquireAsync("ınvoıce", "host-c", Lease, Now);

        Assert.Equal([1L, 1L, 1L], new[] { upper!.Token, lower!.Token, dotless!.Token });
        Assert.Equal(["host-a", "host-b", "host-c"], new[] { upper.Holder, lower.Holder, dotless.Holder });
    }

    /// <summary>Many holders racing for one free job: exactly one wins.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Acquire_ManyConcurrentHolders_ExactlyOneWins()
    {
        var store = await CreateJobLeaseStoreAsync();
        var winners = new ConcurrentBag<JobLease>();
        using var start = new ManualResetEventSlim();
        var racers = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            start.Wait();
            if (await store.AcquireAsync("race", "host-" + i.ToString(CultureInfo.InvariantCulture), Lease, Now) is { } lease)
            {
                winners.Add(lease);
            }
        })).ToArray();

        start.Set();
        await Task.WhenAll(racers);

        var winner = Assert.Single(winners);
        Assert.Equal(winner, await store.FindAsync("race"));
    }

    /// <summary>Holders racing again and again as leases expire: one winner per round, and the token grows every round.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Acquire_RoundAfterRound_OneWinnerEach_TokensStrictlyGrow()
    {
        var store = await CreateJobLeaseStoreAsync();
        var tokens = new List<long>();
        for (var round = 0; round < 6; round++)
        {
            var at = Now + (Lease * round);
            var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
                Task.Run(async () => await store.AcquireAsync("rounds", "host-" + ((round + i) % 4).ToString(CultureInfo.InvariantCulture), Lease, at))));
            tokens.Add(Assert.Single(results, r => r is not null)!.Token);
        }

        Assert.Equal(tokens.Order(), tokens);
        Assert.Equal(tokens.Count, tokens.Distinct().Count());
    }

    /// <summary>Bad arguments are refused before anything is written, naming the argument.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Acquire_BadArguments_AreRefusedNamingTheArgument()
    {
        var store = await CreateJobLeaseStoreAsync();

        Assert.Equal("job", (await Assert.ThrowsAsync<ArgumentException>(async () => await store.AcquireAsync(" ", "host-a", Lease, Now))).ParamName);
        Assert.Equal("holder", (await Assert.ThrowsAsync<ArgumentException>(async () => await store.AcquireAsync("job", new string('h', JobLease.MaxNameLength + 1), Lease, Now))).ParamName);
        Assert.Equal("duration", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.AcquireAsync("job", "host-a", Duration.Zero, Now))).ParamName);
        Assert.Null(await store.FindAsync("job"));
    }

    /// <summary>A cancelled acquisition takes nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Acquire_Cancelled_TakesNothing()
    {
        var store = await CreateJobLeaseStoreAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.AcquireAsync("job", "host-a", Lease, Now, new CancellationToken(canceled: true)));

        Assert.Null(await store.FindAsync("job"));
        Assert.Equal(1, (await store.AcquireAsync("job", "host-b", Lease, Now))!.Token);
    }
}
