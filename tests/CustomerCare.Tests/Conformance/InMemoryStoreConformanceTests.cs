using CustomerCare.Storage;
using CustomerCare.Storage.InMemory;
using CustomerCare.Testing;

namespace CustomerCare.Tests.Conformance;

// The kit run against the library's default store: every suite, every capability.

public sealed class InMemoryCustomerStoreConformanceTests : CustomerStoreConformanceTests
{
    protected override ValueTask<CustomerStoreUnderTest> CreateStoreAsync() =>
        ValueTask.FromResult(CustomerStoreUnderTest.For(new InMemoryCustomerStore()));
}

public sealed class InMemoryCustomerStoreConcurrencyConformanceTests : CustomerStoreConcurrencyConformanceTests
{
    protected override ValueTask<CustomerStoreUnderTest> CreateStoreAsync() =>
        ValueTask.FromResult(CustomerStoreUnderTest.For(new InMemoryCustomerStore()));
}

public sealed class InMemoryProcessedEventLedgerConformanceTests : ProcessedEventLedgerConformanceTests
{
    protected override ValueTask<CustomerStoreUnderTest> CreateStoreAsync() =>
        ValueTask.FromResult(CustomerStoreUnderTest.For(new InMemoryCustomerStore()));
}

public sealed class InMemoryProcessedEventLedgerPruningConformanceTests : ProcessedEventLedgerPruningConformanceTests
{
    protected override ValueTask<CustomerStoreUnderTest> CreateStoreAsync() =>
        ValueTask.FromResult(CustomerStoreUnderTest.For(new InMemoryCustomerStore()));
}

public sealed class InMemorySegmentMembershipStoreConformanceTests : SegmentMembershipStoreConformanceTests
{
    protected override ValueTask<ISegmentMembershipStore> CreateMembershipStoreAsync() =>
        ValueTask.FromResult<ISegmentMembershipStore>(new InMemorySegmentMembershipStore());
}

public sealed class InMemoryPriceHistoryStoreConformanceTests : PriceHistoryStoreConformanceTests
{
    protected override ValueTask<IPriceHistoryStore> CreatePriceHistoryStoreAsync() =>
        ValueTask.FromResult<IPriceHistoryStore>(new InMemoryPriceHistoryStore());
}

public sealed class InMemoryCouponStoreConformanceTests : CouponStoreConformanceTests
{
    protected override ValueTask<ICouponStore> CreateCouponStoreAsync() => ValueTask.FromResult<ICouponStore>(new InMemoryCouponStore());
}

public sealed class InMemoryCampaignLedgerConformanceTests : CampaignLedgerConformanceTests
{
    protected override ValueTask<(ICampaignLedger Ledger, ICouponStore Coupons)> CreateLedgerAsync()
    {
        var store = new InMemoryCouponStore();
        return ValueTask.FromResult<(ICampaignLedger, ICouponStore)>((store, store));
    }
}

public sealed class InMemoryComplaintStoreConformanceTests : ComplaintStoreConformanceTests
{
    protected override ValueTask<IComplaintStore> CreateComplaintStoreAsync() => ValueTask.FromResult<IComplaintStore>(new InMemoryComplaintStore());
}

public sealed class InMemoryCompensationLedgerConformanceTests : CompensationLedgerConformanceTests
{
    protected override ValueTask<ICompensationLedger> CreateCompensationLedgerAsync() => ValueTask.FromResult<ICompensationLedger>(new InMemoryCompensationLedger());
}

public sealed class InMemoryOutboxStoreConformanceTests : OutboxStoreConformanceTests
{
    protected override ValueTask<IOutboxStore> CreateOutboxStoreAsync() => ValueTask.FromResult<IOutboxStore>(new InMemoryOutboxStore());
}

public sealed class InMemoryConsentLedgerConformanceTests : ConsentLedgerConformanceTests
{
    protected override ValueTask<IConsentLedger> CreateConsentLedgerAsync() => ValueTask.FromResult<IConsentLedger>(new InMemoryConsentLedger());
}
