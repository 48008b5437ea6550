using System.Globalization;
using System.Reflection;
using System.Text;
using CustomerCare.Storage;
using Xunit;

namespace CustomerCare.Testing;

/// <summary>
/// Checks that the kit has a suite for every storage contract, and that a plugin's test assembly runs the suite of
/// every contract its store implements.
/// </summary>
/// <remarks>
/// A contract is a public interface in namespace <c>CustomerCare.Storage</c> of the CustomerCare assembly. Only
/// required suites (those without <see cref="ConformanceSuiteAttribute.Capability"/>) count as coverage; capability
/// suites are claimed through the <c>SupportsX</c> flags of the required suites. Thread-safe.
/// </remarks>
public static class ConformanceCoverage
{
    private static readonly Lazy<Type[]> AllContracts = new(FindContracts);
    private static readonly Lazy<Type[]> AllSuites = new(FindSuites);

    /// <summary>The storage contracts of the CustomerCare assembly, ordered by full name.</summary>
    public static IReadOnlyList<Type> Contracts => AllContracts.Value;

    /// <summary>Every suite of the kit, required and capability suites alike, ordered by full name.</summary>
    public static IReadOnlyList<Type> Suites => AllSuites.Value;

    /// <summary>The storage contracts that have no required suite in the kit; the kit's own meta-test expects none.</summary>
    /// <returns>The contracts without a suite, ordered by full name.</returns>
    public static IReadOnlyList<Type> ContractsWithoutSuite() =>
        Contracts.Where(contract => !RequiredSuitesFor(contract).Any()).ToArray();

    /// <summary>The storage contracts a type implements, for passing to <see cref="AssertImplemented"/>.</summary>
    /// <param name="implementation">The store type, such as <c>typeof(MySqlCustomerStore)</c>.</param>
    /// <returns>The contracts it implements, ordered by full name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="implementation"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<Type> ContractsOf(Type implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        var implemented = implementation.GetInterfaces();
        return Contracts.Where(implemented.Contains).ToArray();
    }

    /// <summary>
    /// Fails, naming each missing suite, when <paramref name="testAssembly"/> has no public concrete subclass of the
    /// required suite of every contract in <paramref name="contracts"/>.
    /// </summary>
    /// <param name="testAssembly">The plugin's test assembly, such as <c>typeof(MyStoreTests).Assembly</c>.</param>
    /// <param name="contracts">The contracts the plugin implements; see <see cref="ContractsOf"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="contracts"/> is empty or holds something that is not an interface.</exception>
    /// <exception cref="Xunit.Sdk.XunitException">A suite is missing, not public, or the kit has no suite for a contract.</exception>
    public static void AssertImplemented(Assembly testAssembly, params Type[] contracts)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        ArgumentNullException.ThrowIfNull(contracts);
        if (contracts.Length == 0)
        {
            throw new ArgumentException("Name at least one contract the plugin implements, for example typeof(ICustomerStore).", nameof(contracts));
        }

        var testTypes = LoadableTypes(testAssembly);
        var problems = new List<string>();
        foreach (var contract in contracts)
        {
            if (contract is null || !contract.IsInterface)
            {
                throw new ArgumentException($"'{contract?.FullName ?? "null"}' is not an interface; pass the contracts the plugin implements, such as typeof(ICustomerStore).", nameof(contracts));
            }

            var suites = RequiredSuitesFor(contract).ToArray();
            if (suites.Length == 0)
            {
                problems.Add($"The kit has no conformance suite for {contract.FullName}, so nothing proves the plugin honours it; update CustomerCare.Testing or remove the claim.");
                continue;
            }

            foreach (var suite in suites)
            {
                var derived = testTypes.Where(t => !t.IsAbstract && !t.ContainsGenericParameters && suite.IsAssignableFrom(t)).ToArray();
                if (derived.Any(t => t.IsVisible))
                {
                    continue;
                }

                problems.Add(derived.Length > 0
                    ? $"{derived[0].FullName} derives {suite.Name} for {contract.Name} but is not public, so xunit will not run it; make it public."
                    : $"Test assembly '{testAssembly.GetName().Name}' runs no {suite.FullName} for {contract.FullName}. Add: public sealed class <YourStore>{TrimSuffix(suite.Name)}Tests : {suite.Name} {{ protected override ValueTask<CustomerStoreUnderTest> CreateStoreAsync() => …; }}");
            }
        }

        if (problems.Count > 0)
        {
            var message = new StringBuilder();
            message.Append(CultureInfo.InvariantCulture, $"{problems.Count} conformance suite(s) missing:");
            foreach (var problem in problems)
            {
                message.AppendLine().Append("- ").Append(problem);
            }

            Assert.Fail(message.ToString());
        }
    }

    /// <summary>The required suites of a contract.</summary>
    internal static IEnumerable<Type> RequiredSuitesFor(Type contract) =>
        Suites.Where(s => s.GetCustomAttribute<ConformanceSuiteAttribute>() is { Capability: null } a && a.Contract == contract);

    /// <summary>Whether an assembly holds a public concrete subclass of a suite.</summary>
    internal static bool Derives(Assembly assembly, Type suite) =>
        LoadableTypes(assembly).Any(t => !t.IsAbstract && t.IsVisible && !t.ContainsGenericParameters && suite.IsAssignableFrom(t));

    private static Type[] LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            // A test assembly may reference optional dependencies that are absent; the types that did load still count.
            return e.Types.Where(t => t is not null).ToArray()!;
        }
    }

    private static string TrimSuffix(string suiteName) =>
        suiteName.EndsWith("ConformanceTests", StringComparison.Ordinal) ? suiteName[..^"ConformanceTests".Length] : suiteName;

    private static Type[] FindContracts() =>
        typeof(ICustomerStore).Assembly.GetExportedTypes()
            .Where(t => t.IsInterface && string.Equals(t.Namespace, typeof(ICustomerStore).Namespace, StringComparison.Ordinal))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToArray();

    private static Type[] FindSuites() =>
        typeof(ConformanceCoverage).Assembly.GetExportedTypes()
            .Where(t => t.IsAbstract && t.GetCustomAttribute<ConformanceSuiteAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToArray();
}
