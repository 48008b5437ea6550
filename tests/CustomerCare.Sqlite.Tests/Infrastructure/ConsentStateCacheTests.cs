using CustomerCare.Customers;
using CustomerCare.Privacy.Consent;
using NodaTime;

namespace CustomerCare.Sqlite.Tests.Infrastructure;

public sealed class ConsentStateCacheTests
{
    private static readonly CustomerId Customer = CustomerId.From("c-İ1");
    private static readonly Instant At = Instant.FromUtc(2027, 3, 1, 9, 0);

    [Fact]
    public async Task State_InAWriteBatch_IsReadOnce_AndAnAppendShowsAtOnce()
    {
        using var file = new TempDatabase();
        var ledger = new SqliteConsentLedger(file.Database);
        await ledger.AppendAsync([Record("r-1", ConsentPurpose.Marketing, ConsentAction.Grant, At)]);

        await using (await new SqliteWriteBatcher(file.Database).BeginAsync())
        {
            var before = ledger.HistoriesRead;
            Assert.True((await ledger.StateAsync(Customer)).Allows(ConsentPurpose.Marketing, ConsentChannel.Email));
            Assert.True((await ledger.StateAsync(Customer)).Allows(ConsentPurpose.Marketing, ConsentChannel.Email));
            Assert.Equal(before + 1, ledger.HistoriesRead);

            // A second ledger over the same database withdraws: the first one's next answer has it.
            await new SqliteConsentLedger(file.Database).AppendAsync([Record("r-2", ConsentPurpose.Marketing, ConsentAction.Withdraw, At + Duration.FromMinutes(1))]);
            Assert.False((await ledger.StateAsync(Customer)).Allows(ConsentPurpose.Marketing, ConsentChannel.Email));
        }
    }

    [Fact]
    public async Task State_InAWriteBatch_AfterAnotherProcessAppendedBetweenItsTransactions_HasTheNewRecord()
    {
        using var file = new TempDatabase(o => o.WritesPerBatchCommit = 1);
        var mine = new SqliteConsentLedger(file.Database);
        using var otherDatabase = file.Reopen();
        var theirs = new SqliteConsentLedger(otherDatabase);

        await using (await new SqliteWriteBatcher(file.Database).BeginAsync())
        {
            // Each append commits at once (one write per commit). The state read opens the batch's next transaction, which
            // holds the write lock until the append for another customer commits it; then the other process writes.
            await mine.AppendAsync([Record("r-1", ConsentPurpose.Marketing, ConsentAction.Grant, At)]);
            Assert.True((await mine.StateAsync(Customer)).Allows(ConsentPurpose.Marketing, ConsentChannel.Email));
            await mine.AppendAsync([Record("r-2", ConsentPurpose.Marketing, ConsentAction.Grant, At, CustomerId.From("c-2"))]);

            await theirs.AppendAsync([Record("r-3", ConsentPurpose.Marketing, ConsentAction.Withdraw, At + Duration.FromMinutes(1))]);

            Assert.False((await mine.StateAsync(Customer)).Allows(ConsentPurpose.Marketing, ConsentChannel.Email));
        }
    }

    private static ConsentRecord Record(string id, ConsentPurpose purpose, ConsentAction action, Instant at, CustomerId? customer = null) =>
        new(id, customer ?? Customer, purpose, ConsentChannel.Email, action, ConsentSource.WebForm, at, "2027-01");
}
