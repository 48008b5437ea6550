using CustomerCare.Specifications;

namespace CustomerCare.Customers;

/// <summary>
/// The customers with an e-mail address, compared without regard to case, as mail systems do in practice. Complaint
/// intake uses it to recognise who wrote.
/// </summary>
/// <remarks>
/// Stores recognise this type and answer it from an index on the address (see <see cref="Key"/>); any other store
/// evaluates the criterion in memory, with the same result. Immutable and thread-safe.
/// </remarks>
public sealed class CustomerByEmailSpecification : Specification<Customer>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="email">The address.</param>
    public CustomerByEmailSpecification(EmailAddress email)
    {
        Email = email;
        var address = email.Value;
        Query.Where(customer => customer.Email != null && string.Equals(customer.Email.Value.Value, address, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The address asked for.</summary>
    public EmailAddress Email { get; }

    /// <summary>
    /// The form a store indexes an address by: two addresses are equal ignoring case exactly when their keys are equal.
    /// </summary>
    /// <param name="email">The address.</param>
    /// <returns>The address in invariant upper case.</returns>
    public static string Key(EmailAddress email) => email.Value.ToUpperInvariant();
}
