namespace CustomerCare.Coupons;

/// <summary>The stable reasons a code is refused for an order.</summary>
public static class CouponRejection
{
    /// <summary>The text is not a well-formed code (wrong characters, length or check symbol).</summary>
    public const string Malformed = "malformed";

    /// <summary>No coupon has this code.</summary>
    public const string Unknown = "unknown";

    /// <summary>The validity window has not started.</summary>
    public const string NotStarted = "not_started";

    /// <summary>The validity window has ended.</summary>
    public const string Expired = "expired";

    /// <summary>The eligible lines do not reach the minimum order.</summary>
    public const string MinimumNotMet = "minimum_not_met";

    /// <summary>No line of the order is eligible.</summary>
    public const string ProductNotEligible = "product_not_eligible";

    /// <summary>The customer is in none of the eligible segments.</summary>
    public const string SegmentNotEligible = "segment_not_eligible";

    /// <summary>The code belongs to another customer.</summary>
    public const string AssignedToAnotherCustomer = "assigned_to_another_customer";

    /// <summary>The code's cap is reached.</summary>
    public const string CapReached = "cap_reached";

    /// <summary>The customer's limit for this code is reached.</summary>
    public const string PerCustomerLimitReached = "per_customer_limit_reached";

    /// <summary>The code cannot be combined with the other codes on the order.</summary>
    public const string StackingConflict = "stacking_conflict";

    /// <summary>Too many unknown or malformed codes were tried by this customer or caller; try again later.</summary>
    public const string TooManyAttempts = "too_many_attempts";
}
