using CustomerCare.Customers;
using CustomerCare.Segments.Rules;
using CustomerCare.Specifications;
using NodaTime;

namespace CustomerCare.Segments;

/// <summary>
/// A segment rule as a store <see cref="ISpecification{T}"/>: "customers who match this rule as of this instant".
/// </summary>
/// <remarks>
/// <para>
/// Its criterion evaluates the rule on each customer in memory, which is the reference semantics. A storage plugin that
/// can do better translates <see cref="Rule"/>'s tree (<see cref="SegmentRule.Root"/>) into its own query language
/// instead of the expression, and must return the same customers.
/// </para>
/// <para>Rules that read RFM scores need the whole population and cannot be a specification; service history is read as none.</para>
/// </remarks>
public sealed class SegmentSpecification : Specification<Customer>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="asOf">The instant; "today" is this instant in each customer's own zone.</param>
    /// <param name="options">Lifecycle thresholds; defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The rule reads RFM scores or service history, which a customer record does not hold.</exception>
    public SegmentSpecification(SegmentRule rule, Instant asOf, SegmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.UsesPopulation)
        {
            throw new ArgumentException($"The rule '{rule.Text}' reads RFM scores or service history, which are not part of a customer record; evaluate it with SegmentService.", nameof(rule));
        }

        Rule = rule;
        AsOf = asOf;
        Options = options ?? new SegmentOptions();
        var thresholds = Options;
        Query.Where(customer => rule.Matches(customer, asOf, null, thresholds));
    }

    /// <summary>The rule; translate its <see cref="SegmentRule.Root"/> to query natively.</summary>
    public SegmentRule Rule { get; }

    /// <summary>The instant the rule is evaluated at.</summary>
    public Instant AsOf { get; }

    /// <summary>The lifecycle thresholds in force.</summary>
    public SegmentOptions Options { get; }
}
