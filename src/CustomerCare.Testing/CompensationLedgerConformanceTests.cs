using System.Globalization;
using CustomerCare.Customers;
using CustomerCare.Policy.Compensation;
using CustomerCare.Policy.Promises;
using CustomerCare.Storage;
using NodaTime;
using Xunit;

namespace CustomerCare.Testing;

/// <summary>
/// The required conformance suite of <see cref="ICompensationLedger"/>: once per (subject, kind), the per-customer cap
/// counted atomically with the insert, and exact under racing calls.
/// </summary>
/// <remarks>Derive it once per store and override <see cref="CreateCompensationLedgerAsync"/>; each test gets a fresh, isolated ledger.</remarks>
[ConformanceSuite(typeof(ICompensationLedger))]
public abstract class CompensationLedgerConformanceTests
{
    private static readonly Instant At = Instant.FromUtc(2027, 4, 1, 12, 0);

    /// <summary>Creates an empty ledger.</summary>
    /// <returns>The ledger.</returns>
    protected abstract ValueTask<ICompensationLedger> CreateCompensationLedgerAsync();

    /// <summary>A second record of the same subject and kind writes nothing and returns the first; another kind is another entry.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Record_SameSubjectAndKindTwice_KeepsTheFirst()
    {
        var ledger = await CreateCompensationLedgerAsync();

        var first = await ledger.RecordAsync(Entry("c-1", "order:S-1", BrokenPromiseKind.LateDelivery, At), 3, At - Duration.FromDays(90));
        var again = await ledger.RecordAsync(Entry("c-1", "order:S-1", BrokenPromiseKind.LateDelivery, At + Duration.FromDays(1)), 3, At - Duration.FromDays(90));
        var other = await ledger.RecordAsync(Entry("c-1", "order:S-1", BrokenPromiseKind.Damaged, At), 3, At - Duration.FromDays(90));

        Assert.Equal(CompensationOutcome.Recorded, first.Outcome);
        Assert.Equal((CompensationOutcome.AlreadyRecorded, At), (again.Outcome, again.Entry.RecordedAt));
        Assert.Equal(CompensationOutcome.Recorded, other.Outcome);
        Assert.Equal(first.Entry, await ledger.FindAsync("order:S-1", BrokenPromiseKind.LateDelivery));
        Assert.Null(await ledger.FindAsync("order:S-2", BrokenPromiseKind.LateDelivery));
    }

    /// <summary>Past the cap the entry is still recorded (the apology is owed) but without a coupon; entries before the cap period do not count.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Record_PastTheCap_RecordsWithoutACoupon_AndOldEntriesDoNotCount()
    {
        var ledger = await CreateCompensationLedgerAsync();
        await ledger.RecordAsync(Entry("c-1", "order:old", BrokenPromiseKind.LateDelivery, At - Duration.FromDays(100)), 2, At - Duration.FromDays(190));
        var since = At - Duration.FromDays(90);

        var results = new List<CompensationEntry>();
        for (var i = 0; i < 4; i++)
        {
            results.Add((await ledger.RecordAsync(Entry("c-1", "order:S-" + i.ToString(CultureInfo.InvariantCulture), BrokenPromiseKind.LateDelivery, At + Duration.FromMinutes(i)), 2, since)).Entry);
        }

        var apologyOnly = await ledger.RecordAsync(Entry("c-2", "order:T-1", BrokenPromiseKind.Damaged, At) with { WithCoupon = false }, 2, since);

        Assert.Equal([true, true, false, false], results.Select(e => e.WithCoupon));
        Assert.False(apologyOnly.Entry.WithCoupon);
        Assert.Equal(5, (await ledger.EntriesOfAsync(CustomerId.From("c-1"))).Count);
        Assert.Equal(5, (await ledger.ListAsync(At - Duration.FromDays(1), At + Duration.FromDays(1))).Count);
    }

    /// <summary>Racing records for one customer never give more coupons than the cap, and racing records of one subject give one entry.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Record_Racing_NeverExceedsTheCap_AndRecordsEachSubjectOnce()
    {
        var ledger = await CreateCompensationLedgerAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
            await ledger.RecordAsync(Entry("c-1", "order:S-" + (i % 16).ToString(CultureInfo.InvariantCulture), BrokenPromiseKind.LateDelivery, At), 5, At - Duration.FromDays(90)))));

        Assert.Equal(16, results.Count(r => r.Outcome == CompensationOutcome.Recorded));
        var entries = await ledger.EntriesOfAsync(CustomerId.From("c-1"));
        Assert.Equal(16, entries.Count);
        Assert.Equal(5, entries.Count(e => e.WithCoupon));
    }

    private static CompensationEntry Entry(string customer, string subject, BrokenPromiseKind kind, Instant at) =>
        new(CustomerId.From(customer), subject, kind, at, WithCoupon: true);
}
