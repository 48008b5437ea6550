namespace CustomerCare.Coupons;

/// <summary>Whether a coupon combines with others on one order.</summary>
public enum CouponStacking
{
    /// <summary>The only coupon on the order.</summary>
    Exclusive = 0,

    /// <summary>Combines with other stackable coupons; applied in ascending priority.</summary>
    Stackable,
}
