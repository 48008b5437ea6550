using NodaTime;

namespace CustomerCare.Policy.Compensation;

/// <summary>
/// What one kind of broken promise earns (seeds 002, 003: "turn the negative into a positive"): an apology always,
/// and a coupon when <see cref="CouponDefinitionId"/> is set. A free shipping or a free product is a coupon definition
/// with that discount.
/// </summary>
public sealed class CompensationRule
{
    /// <summary>The coupon definition of the compensation, or <see langword="null"/> for an apology alone.</summary>
    public string? CouponDefinitionId { get; set; }

    /// <summary>How long the coupon is valid. Default 60 days.</summary>
    public Duration ValidFor { get; set; } = Duration.FromDays(60);
}
