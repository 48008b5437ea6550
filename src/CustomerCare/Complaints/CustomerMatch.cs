using CustomerCare.Customers;

namespace CustomerCare.Complaints;

/// <summary>How a complaint's author was matched to a customer; the rules are tried in this order.</summary>
public enum MatchReason
{
    /// <summary>No rule matched: the author is unknown, which is a reason for suspicion.</summary>
    None = 0,

    /// <summary>The channel gave the customer's identifier (a signed-in form or chat).</summary>
    CustomerId,

    /// <summary>The author's e-mail address belongs to a customer.</summary>
    Email,

    /// <summary>The author's phone number belongs to a customer.</summary>
    Phone,

    /// <summary>The complaint names an order, and the order's customer is taken.</summary>
    OrderNumber,
}

/// <summary>Who a complaint was matched to, and why.</summary>
/// <param name="CustomerId">The customer, or <see langword="null"/> when nobody matched.</param>
/// <param name="Reason">The rule that matched.</param>
public sealed record CustomerMatch(CustomerId? CustomerId, MatchReason Reason)
{
    /// <summary>Nobody matched.</summary>
    public static CustomerMatch Unmatched { get; } = new(null, MatchReason.None);
}
