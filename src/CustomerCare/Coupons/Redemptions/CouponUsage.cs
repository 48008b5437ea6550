namespace CustomerCare.Coupons.Redemptions;

/// <summary>A code's redemption counts, read atomically.</summary>
/// <param name="Reserved">Reserved and not yet confirmed.</param>
/// <param name="Confirmed">Confirmed and not released.</param>
/// <param name="Released">Given back.</param>
public sealed record CouponUsage(long Reserved, long Confirmed, long Released)
{
    /// <summary>Uses held now: reserved plus confirmed; never above the cap.</summary>
    public long Active => Reserved + Confirmed;
}
