using System.Collections.Concurrent;
using CustomerCare.Customers;
using NodaTime;

namespace CustomerCare.Templates;

/// <summary>
/// The sample model of each <see cref="TemplateKind"/>: exactly the values a template of that kind may use, with
/// realistic Turkish or English texts. Templates are rendered against it when they are registered, so a misspelt
/// variable is caught then, and by <see cref="TemplateRenderer.Preview"/>.
/// </summary>
/// <remarks>
/// <para>
/// Every kind has <c>customer_name</c>, <c>brand</c>, <c>support_url</c> and <c>shop_url</c>; the other names of each
/// kind are listed in <c>docs/templates.md</c>. A model filled from events must use the same names and value types.
/// </para>
/// <para>Thread-safe; the models are built once per kind and language.</para>
/// </remarks>
public static class TemplateSamples
{
    private static readonly ConcurrentDictionary<(TemplateKind, bool), TemplateModel> Cache = new();
    private static readonly Instant ReceivedAt = Instant.FromUtc(2026, 11, 23, 9, 30);

    /// <summary>The sample model of a kind, with texts in the locale's language (Turkish or English).</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="locale">The locale; Turkish texts for <c>tr</c>, English otherwise.</param>
    /// <returns>The model, in the Istanbul zone.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind.</exception>
    public static TemplateModel For(TemplateKind kind, Locale locale) =>
        Cache.GetOrAdd((kind, locale.Culture.TwoLetterISOLanguageName == "tr"), static k => Build(k.Item1, k.Item2));

    private static TemplateModel Build(TemplateKind kind, bool turkish)
    {
        string T(string tr, string en) => turkish ? tr : en;
        var ticketUrl = "https://destek.example.com/t/48213";
        var b = new TemplateModelBuilder(TimeZones.Istanbul)
            .Text("customer_name", "Ayşe Yılmaz")
            .Text("brand", T("Örnek Mağaza", "Example Store"))
            .Text("support_url", kind is TemplateKind.Acknowledgement or TemplateKind.Apology or TemplateKind.ReturnRefused ? ticketUrl : "https://destek.example.com")
            .Text("shop_url", "https://www.example.com");
        var items = new[]
        {
            new TemplateModelBuilder().Text("name", T("Keten gömlek", "Linen shirt")).Number("quantity", 1).Build(),
            new TemplateModelBuilder().Text("name", T("Deri kemer", "Leather belt")).Number("quantity", 2).Build(),
        };
        switch (kind)
        {
            case TemplateKind.Acknowledgement:
                b.Text("ticket", "48213").Text("topic", T("Geciken kargo", "Late delivery")).Text("order_number", "TR-100245")
                    .Instant("received_at", ReceivedAt).Instant("respond_by", ReceivedAt.Plus(Duration.FromHours(24)))
                    .Text("agent_name", "Elif")
                    .List("next_steps", turkish
                        ? ["Kaydı inceliyoruz.", "Gerekirse kargo firmasıyla görüşeceğiz.", "Sonucu e-postayla bildireceğiz."]
                        : ["We are reviewing your request.", "We will contact the carrier if needed.", "We will let you know the outcome."]);
                break;
            case TemplateKind.Apology:
                b.Text("ticket", "48213").Text("order_number", "TR-100245").Bool("has_coupon", true).Text("coupon_code", "OZUR250")
                    .Text("coupon_offer", T("₺250 indirim", "₺250 off")).Date("coupon_expires", new LocalDate(2026, 12, 31)).Text("agent_name", "Elif");
                break;
            case TemplateKind.OrderProcessing:
                b.Text("order_number", "TR-100245").Money("order_total", new Money(1849.70m, Currency.TRY)).List("items", items)
                    .Date("expected_date", new LocalDate(2026, 11, 26));
                break;
            case TemplateKind.OrderShipped:
                b.Text("order_number", "TR-100245").Text("carrier", "Yurtiçi Kargo").Text("tracking_number", "YK4481207")
                    .Text("tracking_url", "https://kargo.example.com/YK4481207").Date("expected_date", new LocalDate(2026, 11, 26)).List("items", items);
                break;
            case TemplateKind.OrderDelivered:
                b.Text("order_number", "TR-100245").Instant("delivered_at", Instant.FromUtc(2026, 11, 25, 11, 12)).List("items", items);
                break;
            case TemplateKind.OrderReturned:
                b.Text("order_number", "TR-100245").Money("refund", new Money(1249.90m, Currency.TRY)).Number("refund_days", 5);
                break;
            case TemplateKind.OrderCancelled:
                b.Text("order_number", "TR-100245").Money("refund", new Money(1849.70m, Currency.TRY)).List("items", items);
                break;
            case TemplateKind.SurveyInvitation:
                b.Text("order_number", "TR-100245").Text("survey_url", "https://anket.example.com/s/Q7K2").Number("survey_minutes", 2)
                    .Date("survey_expires", new LocalDate(2026, 12, 7));
                break;
            case TemplateKind.ReviewRequest:
                b.Text("order_number", "TR-100245").Text("product_name", T("Keten gömlek", "Linen shirt"))
                    .Text("review_url", "https://www.example.com/degerlendir/KG-204");
                break;
            case TemplateKind.ThankYou:
                b.Text("order_number", "TR-100245").Text("agent_name", "Elif");
                break;
            case TemplateKind.BirthdayGreeting:
                b.Text("coupon_code", "DOGUMGUNU-AY7").Text("coupon_offer", T("%20 indirim", "20% off")).Date("coupon_expires", new LocalDate(2026, 12, 7));
                break;
            case TemplateKind.Welcome:
                b.Text("coupon_code", "HOSGELDIN-K3M").Text("coupon_offer", T("₺100 indirim", "₺100 off")).Date("coupon_expires", new LocalDate(2026, 12, 31));
                break;
            case TemplateKind.WinBack:
                b.Text("coupon_code", "OZLEDIK-R8T").Text("coupon_offer", T("%15 indirim", "15% off")).Date("coupon_expires", new LocalDate(2026, 12, 14))
                    .Number("days_since_last_order", 120);
                break;
            case TemplateKind.PostPurchaseCoupon:
                b.Text("order_number", "TR-100245").Text("coupon_code", "TESEKKUR-P2V").Text("coupon_offer", T("ücretsiz kargo", "free shipping"))
                    .Date("coupon_expires", new LocalDate(2027, 1, 31));
                break;
            case TemplateKind.ReturnApproved:
                b.Text("order_number", "TR-100245").Text("return_number", "RT-5521").Money("refund", new Money(1249.90m, Currency.TRY))
                    .Number("refund_days", 5).Date("drop_off_until", new LocalDate(2026, 11, 30)).Text("carrier", "Yurtiçi Kargo")
                    .Text("return_code", "IADE-8842").List("items", items);
                break;
            case TemplateKind.ReturnRefused:
                b.Text("order_number", "TR-100245").Text("return_number", "RT-5521")
                    .Text("reason", T("ürün kullanılmış ve etiketi çıkarılmış olarak ulaştı", "the item arrived used, with its tags removed"));
                break;
            case TemplateKind.BreachNotice:
                b.Date("incident_date", new LocalDate(2026, 11, 18)).Date("discovered_date", new LocalDate(2026, 11, 20))
                    .List("data_categories", turkish
                        ? ["Ad ve soyad", "E-posta adresi", "Telefon numarası", "Teslimat adresi"]
                        : ["Full name", "E-mail address", "Phone number", "Delivery address"])
                    .Text("consequences", T(
                        "Bu bilgiler, bizden geliyormuş gibi görünen sahte e-posta, SMS ya da telefon aramalarında kullanılabilir. Ödeme kartı bilgileri ve şifreler etkilenmemiştir.",
                        "This information could be used in fake e-mails, text messages or phone calls that pretend to come from us. Payment card details and passwords were not affected."))
                    .List("actions_taken", turkish
                        ? ["Yetkisiz erişimi aynı gün kapattık ve etkilenen sistemi güvenlik altına aldık.", "Olayı bağımsız bir siber güvenlik firmasıyla birlikte inceliyoruz.", "Kişisel Verileri Koruma Kurulu'na bildirimde bulunduk."]
                        : ["We closed the unauthorised access the same day and secured the affected system.", "We are investigating the incident with an independent security firm.", "We have notified the data protection authority."])
                    .List("customer_steps", turkish
                        ? ["Şifre, kart bilgisi ya da doğrulama kodu isteyen mesajlara yanıt vermeyin; bunları hiçbir zaman sormayız.", "Aynı şifreyi başka sitelerde de kullanıyorsanız oradaki şifrenizi değiştirin.", "Şüpheli bir mesaj ya da arama alırsanız bize bildirin."]
                        : ["Do not answer messages asking for a password, card details or a verification code; we never ask for them.", "If you use the same password on other sites, change it there.", "Tell us about any suspicious message or call."])
                    .Text("contact_email", T("kvkk@example.com", "privacy@example.com"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "There is no sample model for this template kind.");
        }

        return b.Build();
    }
}
