using CustomerCare.Testing;

namespace CustomerCare.Sqlite.Tests.Conformance;

public sealed class SqliteCoverageTests
{
    private static readonly Type[] StoreTypes =
    [
        typeof(SqliteCustomerStore),
        typeof(SqliteSegmentMembershipStore),
        typeof(SqlitePriceHistoryStore),
        typeof(SqliteCouponStore),
        typeof(SqliteComplaintStore),
        typeof(SqliteCompensationLedger),
        typeof(SqliteSurveyStore),
        typeof(SqliteReviewStore),
        typeof(SqliteOutboxStore),
        typeof(SqliteJobLeaseStore),
        typeof(SqliteConsentLedger),
        typeof(SqliteAuditLog),
        typeof(SqliteBreachRegister),
    ];

    public static TheoryData<Type> Stores { get; } = new(StoreTypes);

    [Theory]
    [MemberData(nameof(Stores))]
    public void EveryContractOfTheStore_HasItsConformanceSuiteInThisAssembly(Type store) =>
        ConformanceCoverage.AssertImplemented(typeof(SqliteCoverageTests).Assembly, ConformanceCoverage.ContractsOf(store).ToArray());

    [Fact]
    public void TheStores_TogetherImplementEveryStorageContract()
    {
        var implemented = StoreTypes.SelectMany(ConformanceCoverage.ContractsOf).ToHashSet();

        Assert.Empty(ConformanceCoverage.Contracts.Where(contract => !implemented.Contains(contract)).Select(c => c.Name));
    }
}
