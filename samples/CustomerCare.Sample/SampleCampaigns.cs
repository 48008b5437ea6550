using CustomerCare.Campaigns.Recovery;
using CustomerCare.Coupons;

namespace CustomerCare.Sample;

/// <summary>The campaigns the sample runs and the coupon definitions they issue under.</summary>
public static class SampleCampaigns
{
    /// <summary>The coupon definitions, one per campaign, seeded into the coupon store when the host starts.</summary>
    public static IReadOnlyList<CouponDefinition> Definitions { get; } =
    [
        new("birthday", "Doğum günü indirimi", Discount.PercentOff(20m, Lira(250m))),
        new("welcome", "Hoş geldin indirimi", Discount.PercentOff(10m, Lira(150m))) { MinimumOrder = Lira(200m) },
        new("first-purchase", "İlk alışverişine özel", Discount.AmountOff(Lira(50m))) { MinimumOrder = Lira(300m) },
        new("loyalty", "Sadık müşterimize teşekkür", Discount.PercentOff(15m, Lira(300m))),
        new("win-back", "Seni özledik", Discount.PercentOff(15m, Lira(200m))),
        new("thank-you", "Bir sonraki siparişine", Discount.AmountOff(Lira(40m))) { MinimumOrder = Lira(400m) },
        new("sorry-late", "Gecikme için özür", Discount.AmountOff(Lira(50m))),
        new("sorry-lost", "Kayıp kargo için özür", Discount.AmountOff(Lira(150m))),
        new("sorry-damaged", "Hasarlı ürün için özür", Discount.AmountOff(Lira(100m))),
        new("sorry-wrong-item", "Yanlış ürün için özür", Discount.FreeShipping()),
        new("sorry-slow", "Geç cevap için özür", Discount.PercentOff(10m, Lira(100m))),
    ];

    /// <summary>Every campaign identifier the ledger may hold, in the order the report lists them.</summary>
    public static IReadOnlyList<string> Ids { get; } = ["welcome", "first-purchase", "birthday", "loyalty", "win-back", "thank-you", ServiceRecoveryIssuer.CampaignId];

    private static Money Lira(decimal amount) => new(amount, Currency.TRY);
}
