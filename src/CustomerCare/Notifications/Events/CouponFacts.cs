using CustomerCare.Coupons;
using CustomerCare.Coupons.Codes;
using CustomerCare.Customers;
using CustomerCare.Storage;
using CustomerCare.Templates;
using NodaTime;

namespace CustomerCare.Notifications.Events;

/// <summary>What a coupon message says of the coupon: its code, its offer in words, and its last day in the customer's zone.</summary>
internal sealed record CouponFacts(string Code, string Offer, LocalDate Expires)
{
    public static async ValueTask<CouponFacts> LoadAsync(ICouponStore coupons, CouponCode code, Customer customer, CancellationToken cancellationToken)
    {
        var coupon = await coupons.FindCouponAsync(code, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Coupon '{code}' was granted but is not in the coupon store.");
        var definition = await coupons.FindDefinitionAsync(coupon.DefinitionId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Coupon '{code}' names definition '{coupon.DefinitionId}', which is not in the coupon store.");
        var until = coupon.ValidUntil ?? definition.ValidUntil;
        var expires = until is { } instant ? instant.InZone(customer.TimeZone).Date : LocalDate.MaxIsoValue;
        return new CouponFacts(code.Value, Describe(definition.Discount, customer.Locale), expires);
    }

    public void Fill(TemplateModelBuilder model) =>
        model.Text("coupon_code", Code).Text("coupon_offer", Offer).Date("coupon_expires", Expires);

    private static string Describe(Discount discount, Locale locale)
    {
        var turkish = NoticeTexts.IsTurkish(locale);
        var culture = locale.Culture;
        return discount.Kind switch
        {
            DiscountKind.Percentage when turkish => "%" + discount.Percent.ToString("0.##", culture) + " indirim",
            DiscountKind.Percentage => discount.Percent.ToString("0.##", culture) + "% off",
            DiscountKind.FixedAmount => TemplateHelpers.FormatMoney(discount.Amount!.Value, culture) + (turkish ? " indirim" : " off"),
            DiscountKind.FreeShipping => turkish ? "ücretsiz kargo" : "free shipping",
            _ => turkish ? "hediye ürün" : "a free gift",
        };
    }
}
