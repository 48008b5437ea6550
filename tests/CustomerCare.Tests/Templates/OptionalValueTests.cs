using CustomerCare.Customers;
using CustomerCare.Policy;
using CustomerCare.Templates;
using Scriban.Runtime;
using Xunit;

namespace CustomerCare.Tests.Templates;

/// <summary>
/// Values that may be empty (<c>order_number</c>, <c>agent_name</c>, <c>tracking_url</c>, <c>tracking_number</c>) and the <c>has_coupon</c>
/// flag: every pack variant must read naturally without them, with no dangling words or gaps.
/// </summary>
public sealed class OptionalValueTests
{
    public static TheoryData<string, ToneOfVoice, MessageChannel> Variants()
    {
        var data = new TheoryData<string, ToneOfVoice, MessageChannel>();
        foreach (var locale in new[] { "tr", "en" })
        {
            foreach (var tone in Enum.GetValues<ToneOfVoice>())
            {
                data.Add(locale, tone, MessageChannel.Email);
                data.Add(locale, tone, MessageChannel.Sms);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Render_ApologyWithoutCoupon_NeverMentionsACouponOrItsDate(string locale, ToneOfVoice tone, MessageChannel channel)
    {
        var key = TemplateTestData.Key(TemplateKind.Apology, locale, tone, channel);
        var model = With(TemplateSamples.For(key.Kind, key.Locale), ("has_coupon", false), ("coupon_code", string.Empty), ("coupon_offer", string.Empty));

        var message = new TemplateRenderer(TemplateTestData.Pack).Render(key, model);

        Assert.Equal(key, message.Resolved);
        Assert.DoesNotContain(locale == "tr" ? "kupon" : "coupon", message.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(locale == "tr" ? "31 Aralık 2026" : "31 December 2026", message.Text, StringComparison.Ordinal);
        AssertNoGaps(message.Text);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Render_ApologyWithCoupon_GivesTheOfferCodeAndDate(string locale, ToneOfVoice tone, MessageChannel channel)
    {
        var key = TemplateTestData.Key(TemplateKind.Apology, locale, tone, channel);

        var message = new TemplateRenderer(TemplateTestData.Pack).Preview(key);

        Assert.Contains("OZUR250", message.Text, StringComparison.Ordinal);
        Assert.Contains("₺250", message.Text, StringComparison.Ordinal);
        Assert.Contains(locale == "tr" ? "31 Aralık 2026" : "31 December 2026", message.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Render_WithoutOrderNumberOrAgent_ReadsWithoutGaps(string locale, ToneOfVoice tone, MessageChannel channel)
    {
        foreach (var kind in new[] { TemplateKind.Acknowledgement, TemplateKind.Apology, TemplateKind.ThankYou })
        {
            var key = TemplateTestData.Key(kind, locale, tone, channel);
            var model = With(TemplateSamples.For(kind, key.Locale), ("order_number", string.Empty), ("agent_name", string.Empty));

            var text = new TemplateRenderer(TemplateTestData.Pack).Render(key, model).Text;

            Assert.DoesNotContain("Elif", text, StringComparison.Ordinal);
            Assert.DoesNotContain(locale == "tr" ? "numaralı sipariş" : "order ", text, StringComparison.Ordinal);
            AssertNoGaps(text);
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Render_OrderShippedWithoutTrackingUrl_GivesTheTrackingNumberInstead(string locale, ToneOfVoice tone, MessageChannel channel)
    {
        var key = TemplateTestData.Key(TemplateKind.OrderShipped, locale, tone, channel);
        var model = With(TemplateSamples.For(key.Kind, key.Locale), ("tracking_url", string.Empty));

        var text = new TemplateRenderer(TemplateTestData.Pack).Render(key, model).Text;

        Assert.Contains("YK4481207", text, StringComparison.Ordinal);
        Assert.DoesNotContain("http", text, StringComparison.Ordinal);
        AssertNoGaps(text);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Render_OrderShippedWithNoTrackingAtAll_SaysNeitherAndLeavesNoGap(string locale, ToneOfVoice tone, MessageChannel channel)
    {
        var key = TemplateTestData.Key(TemplateKind.OrderShipped, locale, tone, channel);
        var model = With(TemplateSamples.For(key.Kind, key.Locale), ("tracking_url", string.Empty), ("tracking_number", string.Empty));

        var text = new TemplateRenderer(TemplateTestData.Pack).Render(key, model).Text;

        Assert.DoesNotContain("YK4481207", text, StringComparison.Ordinal);
        Assert.DoesNotContain(locale == "tr" ? "Takip" : "Track", text, StringComparison.Ordinal);
        AssertNoGaps(text);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Render_ApologyWithoutATicket_NamesNoRecordAndLeavesNoGap(string locale, ToneOfVoice tone, MessageChannel channel)
    {
        var key = TemplateTestData.Key(TemplateKind.Apology, locale, tone, channel);
        var model = With(TemplateSamples.For(key.Kind, key.Locale), ("ticket", string.Empty));

        var text = new TemplateRenderer(TemplateTestData.Pack).Render(key, model).Text;

        Assert.DoesNotContain("48213", text, StringComparison.Ordinal);
        Assert.DoesNotContain("()", text, StringComparison.Ordinal);
        Assert.DoesNotContain(locale == "tr" ? " numaralı kayd" : "case  ", text, StringComparison.Ordinal);
        AssertNoGaps(text);
    }

    [Fact]
    public void Render_FormalTurkishApologyWithNothingOptional_IsExactlyThis()
    {
        var key = TemplateTestData.Key(TemplateKind.Apology, "tr", ToneOfVoice.Formal, MessageChannel.Email);
        var model = With(TemplateSamples.For(key.Kind, key.Locale), ("has_coupon", false), ("coupon_code", string.Empty), ("coupon_offer", string.Empty), ("order_number", string.Empty), ("agent_name", string.Empty));

        var text = new TemplateRenderer(TemplateTestData.Pack).Render(key with { Locale = Locale.TurkishTurkey }, model).Text;

        Assert.Equal(
            """
            Sayın Ayşe Yılmaz,

            Yaşadığınız sorun için içtenlikle özür dileriz. Beklentinizi karşılayamadığımızın farkındayız.

            Başvurunuz (48213) üzerinde çalışmaya devam ediyoruz; gelişmeleri size ayrıca bildireceğiz.

            Saygılarımızla,
            Örnek Mağaza Müşteri Hizmetleri
            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void ModelBuilder_Bool_DrivesAnIf()
    {
        var key = TemplateTestData.Key(TemplateKind.Apology, "tr", ToneOfVoice.Formal, MessageChannel.Sms);
        var catalog = new TemplateCatalog();
        catalog.Register(key, "{{ if has_coupon }}kuponlu{{ else }}kuponsuz{{ end }}");
        var renderer = new TemplateRenderer(catalog);

        Assert.Equal("kuponlu", renderer.Render(key, new TemplateModelBuilder().Bool("has_coupon", true).Build()).Text);
        Assert.Equal("kuponsuz", renderer.Render(key, new TemplateModelBuilder().Bool("has_coupon", false).Build()).Text);
    }

    private static void AssertNoGaps(string text)
    {
        Assert.DoesNotContain("  ", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" ,", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" .", text, StringComparison.Ordinal);
        Assert.DoesNotContain("()", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"\"", text, StringComparison.Ordinal);
        Assert.All(text.Split('\n'), line => Assert.Equal(line.Trim(), line));
    }

    private static TemplateModel With(TemplateModel sample, params (string Name, object Value)[] changes)
    {
        var values = new ScriptObject();
        foreach (var (name, value) in sample.Values)
        {
            values[name] = value;
        }

        foreach (var (name, value) in changes)
        {
            Assert.True(values.ContainsKey(name), name + " is not in the sample model");
            values[name] = value;
        }

        values.IsReadOnly = true;
        return new TemplateModel(values, sample.TimeZone);
    }
}
