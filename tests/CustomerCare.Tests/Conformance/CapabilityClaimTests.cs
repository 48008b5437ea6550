using System.Reflection;
using System.Reflection.Emit;
using CustomerCare.Storage;
using CustomerCare.Testing;
using Xunit.Sdk;

namespace CustomerCare.Tests.Conformance;

/// <summary>
/// The claims a plugin's test assembly makes, checked against assemblies built here at run time: one that derives a
/// required suite but not its capability suite, and one whose only subclass is not public.
/// </summary>
public sealed class CapabilityClaimTests
{
    [Fact]
    public void SupportsConcurrentCommits_ClaimedWithoutItsSuite_FailsNamingTheSuiteAndTheOptOut()
    {
        var suite = (CustomerStoreConformanceTests)Activator.CreateInstance(EmitSuite(typeof(CustomerStoreConformanceTests), isPublic: true))!;

        var failure = Assert.ThrowsAny<XunitException>(suite.SupportsConcurrentCommits_WhenClaimed_HasItsSuiteInTheTestAssembly);

        Assert.Contains("no public concrete subclass of CustomerStoreConcurrencyConformanceTests", failure.Message, StringComparison.Ordinal);
        Assert.Contains("override SupportsConcurrentCommits => false", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SupportsPruning_ClaimedWithoutItsSuite_FailsNamingTheSuiteAndTheOptOut()
    {
        var suite = (ProcessedEventLedgerConformanceTests)Activator.CreateInstance(EmitSuite(typeof(ProcessedEventLedgerConformanceTests), isPublic: true))!;

        var failure = Assert.ThrowsAny<XunitException>(suite.SupportsPruning_WhenClaimed_HasItsSuiteInTheTestAssembly);

        Assert.Contains("no public concrete subclass of ProcessedEventLedgerPruningConformanceTests", failure.Message, StringComparison.Ordinal);
        Assert.Contains("override SupportsPruning => false", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AssertImplemented_AssemblyWithThePublicSuite_Passes()
    {
        var assembly = EmitSuite(typeof(CustomerStoreConformanceTests), isPublic: true).Assembly;

        ConformanceCoverage.AssertImplemented(assembly, typeof(ICustomerStore));
    }

    [Fact]
    public void AssertImplemented_SuiteDerivedByANonPublicClass_FailsSayingXunitWillNotRunIt()
    {
        var assembly = EmitSuite(typeof(CustomerStoreConformanceTests), isPublic: false).Assembly;

        var failure = Assert.ThrowsAny<XunitException>(() => ConformanceCoverage.AssertImplemented(assembly, typeof(ICustomerStore)));

        Assert.Contains("is not public, so xunit will not run it", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>Builds an assembly with one sealed subclass of a suite whose store factory is never called.</summary>
    private static Type EmitSuite(Type suite, bool isPublic)
    {
        var name = "Emitted" + Guid.NewGuid().ToString("N");
        var module = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName(name), AssemblyBuilderAccess.RunAndCollect).DefineDynamicModule(name);
        var type = module.DefineType(name + "." + suite.Name + "Subclass", (isPublic ? TypeAttributes.Public : TypeAttributes.NotPublic) | TypeAttributes.Sealed | TypeAttributes.Class, suite);
        var factory = typeof(StoreConformanceTestsBase).GetMethod("CreateStoreAsync", BindingFlags.Instance | BindingFlags.NonPublic)!;
        var method = type.DefineMethod(factory.Name, MethodAttributes.Family | MethodAttributes.Virtual | MethodAttributes.HideBySig, factory.ReturnType, Type.EmptyTypes);
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Newobj, typeof(NotSupportedException).GetConstructor(Type.EmptyTypes)!);
        il.Emit(OpCodes.Throw);
        type.DefineMethodOverride(method, factory);
        type.DefineDefaultConstructor(MethodAttributes.Public);
        return type.CreateType();
    }
}
