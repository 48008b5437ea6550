using CustomerCare.Specifications;

namespace CustomerCare.Customers;

/// <summary>The customers with a phone number (numbers are compared in their normalized form). Complaint intake uses it to recognise who called or wrote.</summary>
/// <remarks>
/// Stores recognise this type and answer it from an index on the number; any other store evaluates the criterion in
/// memory, with the same result. Immutable and thread-safe.
/// </remarks>
public sealed class CustomerByPhoneSpecification : Specification<Customer>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="phone">The number.</param>
    public CustomerByPhoneSpecification(PhoneNumber phone)
    {
        Phone = phone;
        Query.Where(customer => customer.Phone == phone);
    }

    /// <summary>The number asked for.</summary>
    public PhoneNumber Phone { get; }
}
