using System.Globalization;
using CustomerCare.Customers;
using CustomerCare.Privacy.Consent;
using CustomerCare.Storage;
using NodaTime;
using Xunit;

namespace CustomerCare.Testing;

/// <summary>
/// The required conformance suite of <see cref="IConsentLedger"/>: append-only history, idempotent appends by record
/// id, conflicts refused with nothing of the batch written, history by time then sequence, the state derived from it,
/// and racing appends for one customer that all land once.
/// </summary>
/// <remarks>Derive it once per store and override <see cref="CreateConsentLedgerAsync"/>; each test gets a fresh, isolated ledger.</remarks>
[ConformanceSuite(typeof(IConsentLedger))]
public abstract class ConsentLedgerConformanceTests
{
    private static readonly Instant At = Instant.FromUtc(2027, 4, 1, 12, 0);

    /// <summary>Creates an empty ledger.</summary>
    /// <returns>The ledger.</returns>
    protected abstract ValueTask<IConsentLedger> CreateConsentLedgerAsync();

    /// <summary>Every field comes back as appended, including a null evidence, Turkish text and sub-second instants.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Append_ThenHistory_ReturnsEveryFieldAsAppended()
    {
        var ledger = await CreateConsentLedgerAsync();
        var withEvidence = new ConsentRecord("web:İ-1", CustomerId.From("c-ı"), ConsentPurpose.Surveys, ConsentChannel.Push, ConsentAction.Withdraw,
            ConsentSource.SupportCall, At + Duration.FromNanoseconds(123_456_789), "2026-İYS", "çağrı kaydı #42, IP 203.0.113.9");
        var bare = Record("r-2", "c-ı", ConsentPurpose.Profiling, ConsentChannel.Phone, ConsentAction.Grant, At + Duration.FromMinutes(1));

        Assert.Equal(2, await ledger.AppendAsync([withEvidence, bare]));

        Assert.Equal([withEvidence, bare], await ledger.HistoryAsync(CustomerId.From("c-ı")));
        Assert.Empty(await ledger.HistoryAsync(CustomerId.From("c-i")));
        Assert.Equal(2, await ledger.CountAsync());
    }

    /// <summary>The same record again writes nothing and is not an error.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Append_SameRecordTwice_WritesItOnce()
    {
        var ledger = await CreateConsentLedgerAsync();
        var record = Record("r-1", "c-1", ConsentPurpose.Marketing, ConsentChannel.Email, ConsentAction.Grant, At);

        Assert.Equal(1, await ledger.AppendAsync([record]));
        Assert.Equal(0, await ledger.AppendAsync([record]));
        Assert.Equal(1, await ledger.AppendAsync([record, Record("r-2", "c-1", ConsentPurpose.Marketing, ConsentChannel.Sms, ConsentAction.Grant, At)]));

        Assert.Equal(2, (await ledger.HistoryAsync(CustomerId.From("c-1"))).Count);
    }

    /// <summary>A different record under a stored id is refused, and nothing of its batch is written: the history is never rewritten.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Append_SameIdWithOtherContent_IsRefused_AndNothingOfTheBatchIsWritten()
    {
        var ledger = await CreateConsentLedgerAsync();
        var grant = Record("r-1", "c-1", ConsentPurpose.Marketing, ConsentChannel.Email, ConsentAction.Grant, At);
        await ledger.AppendAsync([grant]);

        var fresh = Record("r-0", "c-1", ConsentPurpose.Marketing, ConsentChannel.Sms, ConsentAction.Grant, At);
        var rewrite = Record("r-1", "c-1", ConsentPurpose.Marketing, ConsentChannel.Email, ConsentAction.Withdraw, At);
        var error = await Assert.ThrowsAsync<ConsentRecordConflictException>(async () => await ledger.AppendAsync([fresh, rewrite]));

        Assert.Equal("r-1", error.RecordId);
        Assert.Equal([grant], await ledger.HistoryAsync(CustomerId.From("c-1")));
        Assert.Equal(1, await ledger.CountAsync());
    }

    /// <summary>A batch naming one id twice is a programmer error.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Append_BatchWithAnIdTwice_ThrowsArgumentException()
    {
        var ledger = await CreateConsentLedgerAsync();
        var record = Record("r-1", "c-1", ConsentPurpose.Marketing, ConsentChannel.Email, ConsentAction.Grant, At);

        await Assert.ThrowsAsync<ArgumentException>(async () => await ledger.AppendAsync([record, record]));
        Assert.Equal(0, await ledger.CountAsync());
    }

    /// <summary>History is by time, whatever the append order, and by append sequence between equal instants; the state follows it.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task History_IsByTimeThenSequence_AndTheStateFollowsIt()
    {
        var ledger = await CreateConsentLedgerAsync();
        var late = Record("late-withdraw", "c-1", ConsentPurpose.Marketing, ConsentChannel.Email, ConsentAction.Withdraw, At + Duration.FromHours(2));
        var early = Record("early-grant", "c-1", ConsentPurpose.Marketing, ConsentChannel.Email, ConsentAction.Grant, At);
        var tieGrant = Record("z-tie-grant", "c-1", ConsentPurpose.Marketing, ConsentChannel.Sms, ConsentAction.Grant, At);
        var tieWithdraw = Record("a-tie-withdraw", "c-1", ConsentPurpose.Marketing, ConsentChannel.Sms, ConsentAction.Withdraw, At);
        var push = Record("push", "c-1", ConsentPurpose.Surveys, ConsentChannel.Push, ConsentAction.Grant, At - Duration.FromDays(1));

        await ledger.AppendAsync([late]);
        await ledger.AppendAsync([early, tieGrant]);
        await ledger.AppendAsync([tieWithdraw]);
        await ledger.AppendAsync([push]);

        var history = await ledger.HistoryAsync(CustomerId.From("c-1"));
        Assert.Equal(["push", "early-grant", "z-tie-grant", "a-tie-withdraw", "late-withdraw"], history.Select(r => r.Id));
        var state = await ledger.StateAsync(CustomerId.From("c-1"));
        Assert.Equal(ConsentState.From(history), state);
        Assert.False(state.Allows(ConsentPurpose.Marketing, ConsentChannel.Email));
        Assert.False(state.Allows(ConsentPurpose.Marketing, ConsentChannel.Sms));
        Assert.True(state.Allows(ConsentPurpose.Surveys, ConsentChannel.Push));
        Assert.Equal(ConsentState.None, await ledger.StateAsync(CustomerId.From("c-2")));
    }

    /// <summary>Racing appends for one customer, some repeating the same records, all land exactly once.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Append_RacingForOneCustomer_EveryRecordLandsOnce()
    {
        var ledger = await CreateConsentLedgerAsync();
        var records = Enumerable.Range(0, 24)
            .Select(i => Record("race-" + i.ToString(CultureInfo.InvariantCulture), "c-1", ConsentPurpose.Marketing, (ConsentChannel)(i % 4), i % 3 == 0 ? ConsentAction.Withdraw : ConsentAction.Grant, At + Duration.FromSeconds(i)))
            .ToArray();

        var appended = await Task.WhenAll(Enumerable.Range(0, 48).Select(i => Task.Run(async () => await ledger.AppendAsync([records[i % records.Length]]))));

        Assert.Equal(records.Length, appended.Sum());
        var history = await ledger.HistoryAsync(CustomerId.From("c-1"));
        Assert.Equal(records.Select(r => r.Id).Order(StringComparer.Ordinal), history.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(ConsentState.From(records), await ledger.StateAsync(CustomerId.From("c-1")));
    }

    /// <summary>A cancelled append writes nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Append_Cancelled_WritesNothing()
    {
        var ledger = await CreateConsentLedgerAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await ledger.AppendAsync([Record("r-1", "c-1", ConsentPurpose.Marketing, ConsentChannel.Email, ConsentAction.Grant, At)], new CancellationToken(canceled: true)));

        Assert.Equal(0, await ledger.CountAsync());
    }

    private static ConsentRecord Record(string id, string customer, ConsentPurpose purpose, ConsentChannel channel, ConsentAction action, Instant at) =>
        new(id, CustomerId.From(customer), purpose, channel, action, ConsentSource.WebForm, at, "2026-03");
}
