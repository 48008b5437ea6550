namespace CustomerCare.Coupons;

/// <summary>What a coupon takes off an order.</summary>
public enum DiscountKind
{
    /// <summary>A percentage of the eligible lines, optionally capped at an amount.</summary>
    Percentage = 0,

    /// <summary>A fixed amount off the eligible lines.</summary>
    FixedAmount,

    /// <summary>The shipping fee.</summary>
    FreeShipping,

    /// <summary>One unit of a given product.</summary>
    FreeProduct,
}
