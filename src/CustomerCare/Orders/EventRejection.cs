namespace CustomerCare.Orders;

/// <summary>Why an event could not be applied: a stable code, the field and value at fault, and a sentence.</summary>
/// <param name="Code">A code from <see cref="EventRejectionCodes"/>.</param>
/// <param name="Field">The field at fault, when one is.</param>
/// <param name="Value">The value at fault, when one is.</param>
/// <param name="Message">A human-readable explanation.</param>
public sealed record EventRejection(string Code, string? Field, string? Value, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Message;
}

/// <summary>The stable codes of <see cref="EventRejection"/>.</summary>
public static class EventRejectionCodes
{
    /// <summary>The event names a customer the store does not know; it can be retried after registration.</summary>
    public const string UnknownCustomer = "unknown_customer";

    /// <summary>The event names an order the store does not know; it can be retried after the order is placed.</summary>
    public const string UnknownOrder = "unknown_order";

    /// <summary>An order with this identifier was already placed by an earlier, different event.</summary>
    public const string OrderExists = "order_exists";

    /// <summary>The order belongs to another customer than the one the event names.</summary>
    public const string CustomerMismatch = "customer_mismatch";

    /// <summary>The order cannot move from its current status to the one the event implies.</summary>
    public const string InvalidTransition = "invalid_transition";

    /// <summary>An amount is in another currency than the store's.</summary>
    public const string CurrencyMismatch = "currency_mismatch";

    /// <summary>A value is outside its range (a negative total, a refund above the order, a rating of 6).</summary>
    public const string OutOfRange = "out_of_range";
}
