namespace CustomerCare.Testing;

/// <summary>Marks an abstract class of the kit as the conformance suite of a plugin contract.</summary>
/// <remarks>
/// <para>
/// A suite without <see cref="Capability"/> is required: every implementation of <see cref="Contract"/> must run it,
/// and <see cref="ConformanceCoverage.AssertImplemented"/> fails when a plugin's test assembly does not derive it.
/// </para>
/// <para>
/// A suite with a <see cref="Capability"/> covers behaviour a plugin may opt out of. It is a separate class rather
/// than tests that return early, so an unsupported capability shows up as tests that were never declared, not as
/// tests that passed without checking anything. The required suite of the same contract has a
/// <c>SupportsX</c> flag that states the claim, and a test that fails when the claim and the derived suites disagree.
/// </para>
/// </remarks>
/// <param name="contract">The interface the suite checks.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ConformanceSuiteAttribute(Type contract) : Attribute
{
    /// <summary>The interface the suite checks.</summary>
    public Type Contract { get; } = contract ?? throw new ArgumentNullException(nameof(contract));

    /// <summary>The optional capability the suite covers, such as <c>ConcurrentCommits</c>; <see langword="null"/> for the required suite.</summary>
    public string? Capability { get; set; }
}
