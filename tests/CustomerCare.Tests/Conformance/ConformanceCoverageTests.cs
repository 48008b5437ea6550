using CustomerCare.Channels;
using CustomerCare.Storage;
using CustomerCare.Storage.InMemory;
using CustomerCare.Testing;
using Xunit.Sdk;

namespace CustomerCare.Tests.Conformance;

public sealed class ConformanceCoverageTests
{
    [Fact]
    public void ContractsWithoutSuite_EveryStorageContract_HasASuiteInTheKit()
    {
        var missing = ConformanceCoverage.ContractsWithoutSuite();

        Assert.True(missing.Count == 0, "Storage contracts without a conformance suite in CustomerCare.Testing: " + string.Join(", ", missing.Select(t => t.FullName)));
    }

    [Fact]
    public void Contracts_AreThePublicInterfacesOfTheStorageNamespace()
    {
        Assert.Contains(typeof(ICustomerStore), ConformanceCoverage.Contracts);
        Assert.Contains(typeof(IProcessedEventLedger), ConformanceCoverage.Contracts);
        Assert.All(ConformanceCoverage.Contracts, t => Assert.True(t.IsInterface && t.IsPublic && t.Namespace == "CustomerCare.Storage", t.FullName));
        Assert.DoesNotContain(typeof(IOutboundChannel), ConformanceCoverage.Contracts);
    }

    [Fact]
    public void Suites_AreAbstractMarkedClassesWithCapabilitiesNamed()
    {
        var suites = ConformanceCoverage.Suites.ToDictionary(t => t, t => (ConformanceSuiteAttribute)Attribute.GetCustomAttribute(t, typeof(ConformanceSuiteAttribute))!);

        Assert.All(suites.Keys, t => Assert.True(t.IsAbstract, t.Name));
        Assert.Null(suites[typeof(CustomerStoreConformanceTests)].Capability);
        Assert.Null(suites[typeof(ProcessedEventLedgerConformanceTests)].Capability);
        Assert.Equal("ConcurrentCommits", suites[typeof(CustomerStoreConcurrencyConformanceTests)].Capability);
        Assert.Equal("Pruning", suites[typeof(ProcessedEventLedgerPruningConformanceTests)].Capability);
        Assert.Equal(typeof(ICustomerStore), suites[typeof(CustomerStoreConcurrencyConformanceTests)].Contract);
    }

    [Fact]
    public void AssertImplemented_ThisAssembly_PassesForTheInMemoryStoreContracts()
    {
        ConformanceCoverage.AssertImplemented(typeof(ConformanceCoverageTests).Assembly, [.. ConformanceCoverage.ContractsOf(typeof(InMemoryCustomerStore))]);
    }

    [Fact]
    public void ContractsOf_InMemoryStore_AreBothStorageContracts()
    {
        Assert.Equal([typeof(ICustomerStore), typeof(IPersonalDataHolder), typeof(IProcessedEventLedger)], ConformanceCoverage.ContractsOf(typeof(InMemoryCustomerStore)));
        Assert.Empty(ConformanceCoverage.ContractsOf(typeof(InMemoryOutboundChannel)));
    }

    [Fact]
    public void AssertImplemented_AssemblyWithoutSuites_FailsNamingEachMissingSuite()
    {
        // The core library derives none of the suites, like a plugin test project that forgot them.
        var failure = Assert.ThrowsAny<XunitException>(() =>
            ConformanceCoverage.AssertImplemented(typeof(ICustomerStore).Assembly, typeof(ICustomerStore), typeof(IProcessedEventLedger)));

        Assert.Contains("2 conformance suite(s) missing", failure.Message, StringComparison.Ordinal);
        Assert.Contains("CustomerCare.Testing.CustomerStoreConformanceTests", failure.Message, StringComparison.Ordinal);
        Assert.Contains("CustomerCare.Testing.ProcessedEventLedgerConformanceTests", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'CustomerCare'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AssertImplemented_ContractWithoutAKitSuite_FailsSayingTheKitHasNone()
    {
        var failure = Assert.ThrowsAny<XunitException>(() =>
            ConformanceCoverage.AssertImplemented(typeof(ConformanceCoverageTests).Assembly, typeof(IOutboundChannel)));

        Assert.Contains("The kit has no conformance suite for CustomerCare.Channels.IOutboundChannel", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AssertImplemented_NoContractOrAClass_IsAnArgumentError()
    {
        var assembly = typeof(ConformanceCoverageTests).Assembly;

        Assert.Throws<ArgumentException>(() => ConformanceCoverage.AssertImplemented(assembly));
        Assert.Throws<ArgumentException>(() => ConformanceCoverage.AssertImplemented(assembly, typeof(InMemoryCustomerStore)));
        Assert.Throws<ArgumentNullException>(() => ConformanceCoverage.AssertImplemented(null!, typeof(ICustomerStore)));
    }
}
