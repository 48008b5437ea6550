using CustomerCare.Coupons.Codes;

namespace CustomerCare.Coupons;

/// <summary>The result of checking a code against an order: the discount it gives, or why it is refused.</summary>
/// <param name="Code">The parsed code, when the text was well formed.</param>
/// <param name="Discount">The amount off, when accepted.</param>
/// <param name="Rejection">A code from <see cref="CouponRejection"/>, when refused.</param>
/// <param name="Message">A sentence for people, when refused.</param>
public sealed record CouponCheck(CouponCode? Code, Money? Discount, string? Rejection, string? Message)
{
    /// <summary>Whether the code applies.</summary>
    public bool IsAccepted => Rejection is null;

    internal static CouponCheck Refused(CouponCode? code, string rejection, string message) => new(code, null, rejection, message);
}
