using CustomerCare.Specifications;
using NodaTime;

namespace CustomerCare.Customers;

/// <summary>
/// The customers who signed up within an interval and have not ordered yet: whom the first-purchase campaign is due to.
/// </summary>
/// <remarks>
/// Stores recognise this type and answer it from the sign-up instant and order count they keep beside each customer,
/// instead of reading every customer; any other store evaluates the criterion in memory, with the same result.
/// Immutable and thread-safe.
/// </remarks>
public sealed class WithoutOrderSpecification : Specification<Customer>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="signedUpAfter">Sign-ups after this instant (exclusive).</param>
    /// <param name="signedUpUntil">Sign-ups until this instant (inclusive).</param>
    public WithoutOrderSpecification(Instant signedUpAfter, Instant signedUpUntil)
    {
        SignedUpAfter = signedUpAfter;
        SignedUpUntil = signedUpUntil;
        Query.Where(customer => customer.Stats.OrderCount == 0 && customer.SignedUpAt > signedUpAfter && customer.SignedUpAt <= signedUpUntil);
    }

    /// <summary>Sign-ups after this instant (exclusive).</summary>
    public Instant SignedUpAfter { get; }

    /// <summary>Sign-ups until this instant (inclusive).</summary>
    public Instant SignedUpUntil { get; }
}
