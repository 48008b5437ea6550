using CustomerCare.Customers;
using CustomerCare.Segments.Rules;

namespace CustomerCare.Privacy.Breach;

/// <summary>Who a breach affected: a list of customer ids, or every customer a segment rule selects.</summary>
/// <remarks>Immutable and thread-safe. A rule is evaluated as of the breach's detection instant, so every run selects the same customers.</remarks>
public sealed record BreachAudience
{
    /// <summary>The most customer ids a list may hold; larger breaches are described by a rule.</summary>
    public const int MaxCustomerIds = 1_000_000;

    /// <summary>Creates an audience from exactly one of its two forms.</summary>
    /// <param name="customerIds">The affected customers, or <see langword="null"/> (or empty) when a rule is given.</param>
    /// <param name="segmentRule">The segment rule text, or <see langword="null"/> when ids are given.</param>
    /// <exception cref="FieldValidationException">Both or neither are given, the list is empty or too long, or the rule reads the whole population.</exception>
    /// <exception cref="SegmentRuleException">The rule is malformed; the error has a line and a column.</exception>
    public BreachAudience(IReadOnlyList<CustomerId>? customerIds, string? segmentRule)
    {
        // A stored segment audience reads back with an empty list beside its rule.
        if (segmentRule is not null && customerIds is { Count: > 0 } || segmentRule is null && customerIds is null)
        {
            throw FieldValidationException.For("affected", null, FieldErrorCodes.Required, "give either customer ids or a segment rule, not both");
        }

        if (segmentRule is not null)
        {
            if (Segments.Rules.SegmentRule.Parse(segmentRule).UsesPopulation)
            {
                throw FieldValidationException.For("affected.segment_rule", segmentRule, FieldErrorCodes.Malformed, "reads RFM scores or service history, which cannot select customers one by one");
            }

            SegmentRule = segmentRule;
            CustomerIds = [];
            return;
        }

        CustomerIds = [.. customerIds!.Distinct()];
        if (CustomerIds.Count is 0 or > MaxCustomerIds)
        {
            throw FieldValidationException.For("affected.customer_ids", CustomerIds.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, $"must hold 1 to {MaxCustomerIds} customers");
        }
    }

    /// <summary>The affected customers, without duplicates; empty when <see cref="SegmentRule"/> is set.</summary>
    public IReadOnlyList<CustomerId> CustomerIds { get; }

    /// <summary>The rule that selects the affected customers, or <see langword="null"/> for a list.</summary>
    public string? SegmentRule { get; }

    /// <summary>An audience of listed customers.</summary>
    /// <param name="customerIds">The customers.</param>
    /// <returns>The audience.</returns>
    /// <exception cref="FieldValidationException">The list is empty or too long.</exception>
    public static BreachAudience Customers(IEnumerable<CustomerId> customerIds) =>
        new([.. customerIds ?? throw new ArgumentNullException(nameof(customerIds))], null);

    /// <summary>An audience selected by a segment rule, such as <c>city = 'İstanbul' and orders &gt;= 1</c>.</summary>
    /// <param name="rule">The rule text.</param>
    /// <returns>The audience.</returns>
    /// <exception cref="SegmentRuleException">The rule is malformed.</exception>
    /// <exception cref="FieldValidationException">The rule reads the whole population.</exception>
    public static BreachAudience Segment(string rule) => new(null, rule ?? throw new ArgumentNullException(nameof(rule)));
}
