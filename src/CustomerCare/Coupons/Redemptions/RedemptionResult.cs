namespace CustomerCare.Coupons.Redemptions;

/// <summary>What a reserve, confirm or release did, with the redemption as it now stands.</summary>
/// <param name="Outcome">Done, repeated, or why not.</param>
/// <param name="Redemption">The redemption after the call, when one exists.</param>
public sealed record RedemptionResult(RedemptionOutcome Outcome, CouponRedemption? Redemption = null)
{
    /// <summary>Whether the redemption is now in the state the call asked for (done now or before).</summary>
    public bool Succeeded => Outcome is RedemptionOutcome.Done or RedemptionOutcome.AlreadyDone;
}

/// <summary>The stable outcomes of redemption calls.</summary>
public enum RedemptionOutcome
{
    /// <summary>The call changed the redemption.</summary>
    Done = 0,

    /// <summary>The same call was made before; its first result is returned and nothing changed.</summary>
    AlreadyDone,

    /// <summary>No coupon has this code.</summary>
    UnknownCode,

    /// <summary>The code's active redemptions already reach its cap.</summary>
    CapReached,

    /// <summary>The customer's active redemptions of this code already reach the per-customer limit.</summary>
    PerCustomerLimitReached,

    /// <summary>The code belongs to another customer.</summary>
    AssignedToAnotherCustomer,

    /// <summary>The same (code, order) was reserved with a different customer or discount: a typed conflict, not a retry.</summary>
    PayloadMismatch,

    /// <summary>Confirm or release of a (code, order) that was never reserved.</summary>
    NotReserved,

    /// <summary>The redemption was released; it cannot be confirmed or reserved again under the same order.</summary>
    AlreadyReleased,
}
