using CustomerCare.Customers;

namespace CustomerCare.Privacy;

/// <summary>Thrown when an export or an erasure names a customer the customer store does not hold.</summary>
public sealed class UnknownCustomerException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UnknownCustomerException()
        : base("The customer is not known.")
    {
    }

    /// <summary>Creates the exception for a customer.</summary>
    /// <param name="customerId">The identifier that was not found.</param>
    public UnknownCustomerException(CustomerId customerId)
        : base($"customer_id '{customerId.Value}' is not a known customer.")
    {
        CustomerId = customerId;
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public UnknownCustomerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public UnknownCustomerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The identifier that was not found, when known.</summary>
    public CustomerId? CustomerId { get; }
}
