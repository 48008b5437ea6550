using CustomerCare.Coupons.Codes;
using CustomerCare.Customers;
using NodaTime;

namespace CustomerCare.Coupons;

/// <summary>One code issued under a <see cref="CouponDefinition"/>, with its own limits, owner and window.</summary>
/// <param name="Code">The code; the store keeps it unique.</param>
/// <param name="DefinitionId">The definition it was issued under.</param>
/// <param name="IssuedAt">When it was issued.</param>
public sealed record Coupon(CouponCode Code, string DefinitionId, Instant IssuedAt)
{
    /// <summary>The only customer who may use it, for personal codes (birthday, recovery).</summary>
    public CustomerId? AssignedTo { get; init; }

    /// <summary>How many active redemptions (reserved or confirmed) the code allows: 1 for single use, <see langword="null"/> for no cap.</summary>
    public long? MaxRedemptions { get; init; } = 1;

    /// <summary>How many active redemptions one customer may hold, if limited.</summary>
    public int? PerCustomerLimit { get; init; }

    /// <summary>A window narrower than the definition's (a birthday coupon's grace days), if any.</summary>
    public Instant? ValidFrom { get; init; }

    /// <summary>The end of a narrower window, if any.</summary>
    public Instant? ValidUntil { get; init; }
}
