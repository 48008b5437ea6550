namespace CustomerCare.Coupons.Redemptions;

/// <summary>Where a redemption is in its life: reserved at order, confirmed at payment, released at cancel or return.</summary>
public enum RedemptionState
{
    /// <summary>Held for an order that is not paid yet; counts against the limits.</summary>
    Reserved = 0,

    /// <summary>The order was paid; counts against the limits.</summary>
    Confirmed,

    /// <summary>The order was cancelled or returned; the use was given back.</summary>
    Released,
}
