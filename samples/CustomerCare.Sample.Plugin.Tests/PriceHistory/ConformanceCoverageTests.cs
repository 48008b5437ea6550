using Contoso.CustomerCare.PriceHistory;
using CustomerCare.Testing;

namespace Contoso.CustomerCare.Tests.PriceHistory;

public sealed class ConformanceCoverageTests
{
    [Fact]
    public void EveryContractTheStoreImplements_HasItsSuiteInThisAssembly() =>
        ConformanceCoverage.AssertImplemented(
            typeof(ConformanceCoverageTests).Assembly,
            [.. ConformanceCoverage.ContractsOf(typeof(JsonLinesPriceHistoryStore))]);

    [Fact]
    public void TheStore_ImplementsThePriceHistoryContract() =>
        Assert.Equal(["CustomerCare.Storage.IPriceHistoryStore"], ConformanceCoverage.ContractsOf(typeof(JsonLinesPriceHistoryStore)).Select(t => t.FullName));
}
