using System.Globalization;
using CustomerCare.Privacy.Audit;
using CustomerCare.Storage;
using NodaTime;
using Xunit;

namespace CustomerCare.Testing;

/// <summary>
/// The required conformance suite of <see cref="IAuditLog"/>: sequence numbers from 1 without gaps, an unbroken hash
/// chain that <see cref="AuditChain.Verify"/> accepts, exact round trips, paging, and one chain under racing appenders.
/// </summary>
/// <remarks>
/// Derive it once per store and override <see cref="CreateAuditLogAsync"/>; each test gets a fresh, isolated log.
/// Tampering is a store's own test: the kit has no way to reach under the contract.
/// </remarks>
[ConformanceSuite(typeof(IAuditLog))]
public abstract class AuditLogConformanceTests
{
    private static readonly Instant At = Instant.FromUtc(2027, 5, 1, 9, 30) + Duration.FromNanoseconds(123_456_789);

    /// <summary>Creates an empty log.</summary>
    /// <returns>The log.</returns>
    protected abstract ValueTask<IAuditLog> CreateAuditLogAsync();

    /// <summary>The first entries number from 1, link from the genesis hash, verify, and read back field for field.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Append_ThreeRecords_ChainFromGenesis_AndRoundTripExactly()
    {
        var log = await CreateAuditLogAsync();

        var first = await log.AppendAsync(new AuditRecord(At, "staff-İlker", AuditActionKind.ComplaintStaffAction, "complaint:CMP-1", "status New -> InProgress"));
        var second = await log.AppendAsync(new AuditRecord(At + Duration.FromSeconds(1), "system", AuditActionKind.Breach, "breach:B-1", string.Empty));
        var third = await log.AppendAsync(new AuditRecord(At - Duration.FromDays(1), "dpo", AuditActionKind.Erasure, "customer:c-ı", "çok satırlı\nayrıntı ✓"));
        var read = await log.ReadAsync(1, 10);

        Assert.Equal([1L, 2L, 3L], read.Select(e => e.Sequence));
        Assert.Equal(AuditChain.GenesisHash, first.PreviousHash);
        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.Equal(second.Hash, third.PreviousHash);
        Assert.Equal([first, second, third], read);
        Assert.True(AuditChain.Verify(read).IsValid);
    }

    /// <summary>Reads start at a sequence number and stop at the limit; past the end is empty.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Read_FromASequenceWithALimit_PagesInOrder()
    {
        var log = await CreateAuditLogAsync();
        Assert.Empty(await log.ReadAsync(1, 10));
        for (var i = 0; i < 7; i++)
        {
            await log.AppendAsync(Record(i));
        }

        var page = await log.ReadAsync(3, 2);
        var tail = await log.ReadAsync(6, 100);

        Assert.Equal([3L, 4L], page.Select(e => e.Sequence));
        Assert.Equal([6L, 7L], tail.Select(e => e.Sequence));
        Assert.Empty(await log.ReadAsync(8, 10));
        Assert.True(AuditChain.Verify(page, 3, (await log.ReadAsync(2, 1))[0].Hash).IsValid);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await log.ReadAsync(1, 0));
    }

    /// <summary>Racing appenders get consecutive sequence numbers and one valid chain.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Append_Racing_GivesOneUnbrokenChain()
    {
        var log = await CreateAuditLogAsync();

        var appended = await Task.WhenAll(Enumerable.Range(0, 48).Select(i => Task.Run(async () => await log.AppendAsync(Record(i)))));
        var read = await log.ReadAsync(1, 100);

        Assert.Equal(Enumerable.Range(1, 48).Select(i => (long)i), read.Select(e => e.Sequence));
        Assert.Equal(48, appended.Select(e => e.Sequence).Distinct().Count());
        var verification = AuditChain.Verify(read);
        Assert.True(verification.IsValid, verification.Reason);
    }

    /// <summary>A cancelled append writes nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Append_Cancelled_WritesNothing()
    {
        var log = await CreateAuditLogAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await log.AppendAsync(Record(1), new CancellationToken(canceled: true)));

        Assert.Empty(await log.ReadAsync(1, 10));
        Assert.Equal(1, (await log.AppendAsync(Record(2))).Sequence);
    }

    private static AuditRecord Record(int i) =>
        new(At + Duration.FromMinutes(i), "staff-" + i.ToString(CultureInfo.InvariantCulture), AuditActionKind.ComplaintStaffAction, "complaint:CMP-" + i.ToString(CultureInfo.InvariantCulture), "assigned");
}
