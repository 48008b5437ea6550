using System.Collections.Concurrent;
using CustomerCare.Customers;
using NodaTime;

namespace CustomerCare.Templates;

/// <summary>
/// The sample model of each <see cref="TemplateKind"/>: every value a template of that kind may use. Templates are
/// rendered against it when they are registered, so a misspelt variable is caught then, and by
/// <see cref="TemplateRenderer.Preview"/>.
/// </summary>
/// <remarks>Thread-safe; the models are built once per kind and language.</remarks>
public static class TemplateSamples
{
    private static readonly ConcurrentDictionary<(TemplateKind, bool), TemplateModel> Cache = new();
    private static readonly Instant ReceivedAt = Instant.FromUtc(2026, 11, 23, 9, 30);

    /// <summary>The sample model of a kind, with texts in the locale's language (Turkish or English).</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="locale">The locale; Turkish texts for <c>tr</c>, English otherwise.</param>
    /// <returns>The model, in the Istanbul zone.</returns>
    public static TemplateModel For(TemplateKind kind, Locale locale) =>
        Cache.GetOrAdd((kind, locale.Culture.TwoLetterISOLanguageName == "tr"), static k => Build(k.Item1, k.Item2));

    private static TemplateModel Build(TemplateKind kind, bool turkish)
    {
        string T(string tr, string en) => turkish ? tr : en;
        var b = new TemplateModelBuilder(TimeZones.Istanbul)
            .Text("customer_name", "Ayşe Yılmaz")
            .Text("brand", T("Örnek Mağaza", "Example Store"));
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
                    .Text("support_url", "https://destek.example.com/t/48213").Text("agent_name", "Elif")
                    .List("next_steps", turkish
                        ? ["Kaydı inceliyoruz.", "Gerekirse kargo firmasıyla görüşeceğiz.", "Sonucu e-postayla bildireceğiz."]
                        : ["We are reviewing your request.", "We will contact the carrier if needed.", "We will let you know the outcome."]);
                break;
            case TemplateKind.Apology:
                b.Text("ticket", "48213").Text("order_number", "TR-100245").Money("compensation", new Money(250m, Currency.TRY))
                    .Text("coupon_code", "OZUR250").Date("coupon_expires", new LocalDate(2026, 12, 31)).Text("agent_name", "Elif");
                break;
            case TemplateKind.OrderShipped:
                b.Text("order_number", "TR-100245").Text("carrier", "Yurtiçi Kargo").Text("tracking_number", "YK4481207")
                    .Text("tracking_url", "https://kargo.example.com/YK4481207").Date("expected_date", new LocalDate(2026, 11, 26)).List("items", items);
                break;
            case TemplateKind.SurveyInvitation:
                b.Text("order_number", "TR-100245").Text("survey_url", "https://anket.example.com/s/Q7K2").Number("survey_minutes", 2)
                    .Date("survey_expires", new LocalDate(2026, 12, 7));
                break;
            case TemplateKind.ThankYou:
                b.Text("order_number", "TR-100245").Text("agent_name", "Elif");
                break;
            case TemplateKind.BirthdayGreeting:
                b.Text("coupon_code", "DOGUMGUNU-AY7").Money("coupon_value", new Money(100m, Currency.TRY))
                    .Date("coupon_expires", new LocalDate(2026, 12, 7)).Text("shop_url", "https://www.example.com");
                break;
            case TemplateKind.ReturnApproved:
                b.Text("order_number", "TR-100245").Text("return_number", "RT-5521").Money("refund", new Money(1249.90m, Currency.TRY))
                    .Number("refund_days", 5).Date("drop_off_until", new LocalDate(2026, 11, 30)).Text("carrier", "Yurtiçi Kargo")
                    .Text("return_code", "IADE-8842").List("items", items);
                break;
            case TemplateKind.ReturnRefused:
                b.Text("order_number", "TR-100245").Text("return_number", "RT-5521")
                    .Text("reason", T("ürün kullanılmış ve etiketi çıkarılmış olarak ulaştı", "the item arrived used, with its tags removed"))
                    .Text("support_url", "https://destek.example.com/t/48213");
                break;
            default:
                b.Text("order_number", "TR-100245").Text("ticket", "48213").Text("support_url", "https://destek.example.com/t/48213")
                    .Text("shop_url", "https://www.example.com").Text("coupon_code", "HOSGELDIN").Money("coupon_value", new Money(100m, Currency.TRY))
                    .Date("coupon_expires", new LocalDate(2026, 12, 31)).Date("event_date", new LocalDate(2026, 11, 20)).List("items", items);
                break;
        }

        return b.Build();
    }
}
