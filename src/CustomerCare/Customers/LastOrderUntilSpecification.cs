using CustomerCare.Specifications;
using NodaTime;

namespace CustomerCare.Customers;

/// <summary>The customers who have ordered, and whose last order was placed at or before an instant: the candidates of the win-back campaign.</summary>
/// <remarks>
/// Stores recognise this type and answer it from the last-order instant they keep beside each customer, instead of
/// reading every customer; any other store evaluates the criterion in memory, with the same result. Immutable and
/// thread-safe.
/// </remarks>
public sealed class LastOrderUntilSpecification : Specification<Customer>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="until">The latest last-order instant that matches (inclusive).</param>
    public LastOrderUntilSpecification(Instant until)
    {
        Until = until;
        Query.Where(customer => customer.Stats.LastOrderAt != null && customer.Stats.LastOrderAt.Value <= until);
    }

    /// <summary>The latest last-order instant that matches (inclusive).</summary>
    public Instant Until { get; }
}
