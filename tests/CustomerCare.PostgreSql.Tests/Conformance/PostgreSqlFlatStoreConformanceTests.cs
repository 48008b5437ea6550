using CustomerCare.PostgreSql.Tests.Infrastructure;
using CustomerCare.Storage;
using CustomerCare.Testing;

namespace CustomerCare.PostgreSql.Tests.Conformance;

// The kit's suites for the stores of flat records, each test on a schema of its own, dropped after it.

public sealed class PostgreSqlSegmentMembershipStoreConformanceTests : SegmentMembershipStoreConformanceTests, IAsyncLifetime
{
    private readonly SchemaScope _scope = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _scope.DisposeAsync();

    protected override async ValueTask<ISegmentMembershipStore> CreateMembershipStoreAsync() =>
        new PostgreSqlSegmentMembershipStore(await _scope.NewDatabaseAsync());
}

public sealed class PostgreSqlPriceHistoryStoreConformanceTests : PriceHistoryStoreConformanceTests, IAsyncLifetime
{
    private readonly SchemaScope _scope = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _scope.DisposeAsync();

    protected override async ValueTask<IPriceHistoryStore> CreatePriceHistoryStoreAsync() =>
        new PostgreSqlPriceHistoryStore(await _scope.NewDatabaseAsync());
}

public sealed class PostgreSqlCompensationLedgerConformanceTests : CompensationLedgerConformanceTests, IAsyncLifetime
{
    private readonly SchemaScope _scope = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _scope.DisposeAsync();

    protected override async ValueTask<ICompensationLedger> CreateCompensationLedgerAsync() =>
        new PostgreSqlCompensationLedger(await _scope.NewDatabaseAsync());
}

public sealed class PostgreSqlOutboxStoreConformanceTests : OutboxStoreConformanceTests, IAsyncLifetime
{
    private readonly SchemaScope _scope = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _scope.DisposeAsync();

    protected override async ValueTask<IOutboxStore> CreateOutboxStoreAsync() =>
        new PostgreSqlOutboxStore(await _scope.NewDatabaseAsync());
}

public sealed class PostgreSqlCouponStoreConformanceTests : CouponStoreConformanceTests, IAsyncLifetime
{
    private readonly SchemaScope _scope = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _scope.DisposeAsync();

    protected override async ValueTask<ICouponStore> CreateCouponStoreAsync() =>
        new PostgreSqlCouponStore(await _scope.NewDatabaseAsync());
}

public sealed class PostgreSqlCampaignLedgerConformanceTests : CampaignLedgerConformanceTests, IAsyncLifetime
{
    private readonly SchemaScope _scope = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _scope.DisposeAsync();

    protected override async ValueTask<(ICampaignLedger Ledger, ICouponStore Coupons)> CreateLedgerAsync()
    {
        var store = new PostgreSqlCouponStore(await _scope.NewDatabaseAsync());
        return (store, store);
    }
}

public sealed class PostgreSqlComplaintStoreConformanceTests : ComplaintStoreConformanceTests, IAsyncLifetime
{
    private readonly SchemaScope _scope = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _scope.DisposeAsync();

    protected override async ValueTask<IComplaintStore> CreateComplaintStoreAsync() =>
        new PostgreSqlComplaintStore(await _scope.NewDatabaseAsync());
}

public sealed class PostgreSqlSurveyStoreConformanceTests : SurveyStoreConformanceTests, IAsyncLifetime
{
    private readonly SchemaScope _scope = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _scope.DisposeAsync();

    protected override async ValueTask<ISurveyStore> CreateSurveyStoreAsync() =>
        new PostgreSqlSurveyStore(await _scope.NewDatabaseAsync());
}

public sealed class PostgreSqlReviewStoreConformanceTests : ReviewStoreConformanceTests, IAsyncLifetime
{
    private readonly SchemaScope _scope = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _scope.DisposeAsync();

    protected override async ValueTask<IReviewStore> CreateReviewStoreAsync() =>
        new PostgreSqlReviewStore(await _scope.NewDatabaseAsync());
}

public sealed class PostgreSqlJobLeaseStoreConformanceTests : JobLeaseStoreConformanceTests, IAsyncLifetime
{
    private readonly SchemaScope _scope = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _scope.DisposeAsync();

    protected override async ValueTask<IJobLeaseStore> CreateJobLeaseStoreAsync() =>
        new PostgreSqlJobLeaseStore(await _scope.NewDatabaseAsync());
}

public sealed class PostgreSqlConsentLedgerConformanceTests : ConsentLedgerConformanceTests, IAsyncLifetime
{
    private readonly SchemaScope _scope = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _scope.DisposeAsync();

    protected override async ValueTask<IConsentLedger> CreateConsentLedgerAsync() =>
        new PostgreSqlConsentLedger(await _scope.NewDatabaseAsync());
}
