using CustomerCare.Storage;
using CustomerCare.Testing;

namespace CustomerCare.Sqlite.Tests.Conformance;

// The whole kit against the SQLite stores: every suite, every capability, each test on its own database file.

public sealed class SqliteCustomerStoreConformanceTests : CustomerStoreConformanceTests
{
    protected override ValueTask<CustomerStoreUnderTest> CreateStoreAsync() => SqliteKit.CustomerStoreAsync();
}

public sealed class SqliteCustomerStoreConcurrencyConformanceTests : CustomerStoreConcurrencyConformanceTests
{
    protected override ValueTask<CustomerStoreUnderTest> CreateStoreAsync() => SqliteKit.CustomerStoreAsync();
}

public sealed class SqliteProcessedEventLedgerConformanceTests : ProcessedEventLedgerConformanceTests
{
    protected override ValueTask<CustomerStoreUnderTest> CreateStoreAsync() => SqliteKit.CustomerStoreAsync();
}

public sealed class SqliteProcessedEventLedgerPruningConformanceTests : ProcessedEventLedgerPruningConformanceTests
{
    protected override ValueTask<CustomerStoreUnderTest> CreateStoreAsync() => SqliteKit.CustomerStoreAsync();
}

public sealed class SqliteSegmentMembershipStoreConformanceTests : SegmentMembershipStoreConformanceTests, IDisposable
{
    private readonly TempDatabases _databases = new();

    protected override ValueTask<ISegmentMembershipStore> CreateMembershipStoreAsync() => ValueTask.FromResult<ISegmentMembershipStore>(new SqliteSegmentMembershipStore(_databases.Create()));

    public void Dispose() => _databases.Dispose();
}

public sealed class SqlitePriceHistoryStoreConformanceTests : PriceHistoryStoreConformanceTests, IDisposable
{
    private readonly TempDatabases _databases = new();

    protected override ValueTask<IPriceHistoryStore> CreatePriceHistoryStoreAsync() => ValueTask.FromResult<IPriceHistoryStore>(new SqlitePriceHistoryStore(_databases.Create()));

    public void Dispose() => _databases.Dispose();
}

public sealed class SqliteCouponStoreConformanceTests : CouponStoreConformanceTests, IDisposable
{
    private readonly TempDatabases _databases = new();

    protected override ValueTask<ICouponStore> CreateCouponStoreAsync() => ValueTask.FromResult<ICouponStore>(new SqliteCouponStore(_databases.Create()));

    public void Dispose() => _databases.Dispose();
}

public sealed class SqliteCampaignLedgerConformanceTests : CampaignLedgerConformanceTests, IDisposable
{
    private readonly TempDatabases _databases = new();

    protected override ValueTask<(ICampaignLedger Ledger, ICouponStore Coupons)> CreateLedgerAsync()
    {
        var store = new SqliteCouponStore(_databases.Create());
        return ValueTask.FromResult<(ICampaignLedger, ICouponStore)>((store, store));
    }

    public void Dispose() => _databases.Dispose();
}

public sealed class SqliteComplaintStoreConformanceTests : ComplaintStoreConformanceTests, IDisposable
{
    private readonly TempDatabases _databases = new();

    protected override ValueTask<IComplaintStore> CreateComplaintStoreAsync() => ValueTask.FromResult<IComplaintStore>(new SqliteComplaintStore(_databases.Create()));

    public void Dispose() => _databases.Dispose();
}

public sealed class SqliteCompensationLedgerConformanceTests : CompensationLedgerConformanceTests, IDisposable
{
    private readonly TempDatabases _databases = new();

    protected override ValueTask<ICompensationLedger> CreateCompensationLedgerAsync() => ValueTask.FromResult<ICompensationLedger>(new SqliteCompensationLedger(_databases.Create()));

    public void Dispose() => _databases.Dispose();
}

public sealed class SqliteOutboxStoreConformanceTests : OutboxStoreConformanceTests, IDisposable
{
    private readonly TempDatabases _databases = new();

    protected override ValueTask<IOutboxStore> CreateOutboxStoreAsync() => ValueTask.FromResult<IOutboxStore>(new SqliteOutboxStore(_databases.Create()));

    public void Dispose() => _databases.Dispose();
}

public sealed class SqliteSurveyStoreConformanceTests : SurveyStoreConformanceTests, IDisposable
{
    private readonly TempDatabases _databases = new();

    protected override ValueTask<ISurveyStore> CreateSurveyStoreAsync() => ValueTask.FromResult<ISurveyStore>(new SqliteSurveyStore(_databases.Create()));

    public void Dispose() => _databases.Dispose();
}

public sealed class SqliteReviewStoreConformanceTests : ReviewStoreConformanceTests, IDisposable
{
    private readonly TempDatabases _databases = new();

    protected override ValueTask<IReviewStore> CreateReviewStoreAsync() => ValueTask.FromResult<IReviewStore>(new SqliteReviewStore(_databases.Create()));

    public void Dispose() => _databases.Dispose();
}

/// <summary>Creates the customer store of one test on its own file, deleted when the kit disposes the store.</summary>
internal static class SqliteKit
{
    public static ValueTask<CustomerStoreUnderTest> CustomerStoreAsync()
    {
        var database = new TempDatabase();
        return ValueTask.FromResult(CustomerStoreUnderTest.For(new SqliteCustomerStore(database.Database), () => database.DisposeAsync()));
    }
}

public sealed class SqliteJobLeaseStoreConformanceTests : JobLeaseStoreConformanceTests, IDisposable
{
    private readonly TempDatabases _databases = new();

    protected override ValueTask<IJobLeaseStore> CreateJobLeaseStoreAsync() => ValueTask.FromResult<IJobLeaseStore>(new SqliteJobLeaseStore(_databases.Create()));

    public void Dispose() => _databases.Dispose();
}

public sealed class SqliteConsentLedgerConformanceTests : ConsentLedgerConformanceTests, IDisposable
{
    private readonly TempDatabases _databases = new();

    protected override ValueTask<IConsentLedger> CreateConsentLedgerAsync() => ValueTask.FromResult<IConsentLedger>(new SqliteConsentLedger(_databases.Create()));

    public void Dispose() => _databases.Dispose();
}
