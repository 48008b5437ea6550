using CustomerCare.Customers;
using CustomerCare.Policy;
using CustomerCare.Templates;
using Xunit;

namespace CustomerCare.Tests.Templates;

public sealed class ChannelRuleTests
{
    private static readonly TemplateKey Social = TemplateTestData.Key(TemplateKind.Acknowledgement, "tr", ToneOfVoice.Friendly, MessageChannel.PublicSocialReply);

    [Theory]
    [InlineData("Bize ayse.yilmaz@example.com adresinden yazın", ChannelRule.PublicReplyContainsEmail)]
    [InlineData("Sizi 0532 123 45 67 numarasından arayacağız", ChannelRule.PublicReplyContainsPhone)]
    [InlineData("Sizi +90 (532) 123-4567 numarasından arayacağız", ChannelRule.PublicReplyContainsPhone)]
    [InlineData("Sipariş tutarınız ₺1.249,90", ChannelRule.PublicReplyContainsAmount)]
    [InlineData("Sipariş tutarınız 1.249,90 TL", ChannelRule.PublicReplyContainsAmount)]
    [InlineData("Your refund of $49.99 is on its way", ChannelRule.PublicReplyContainsAmount)]
    [InlineData("Adres: Atatürk Mah. Çiçek Sok. No: 5", ChannelRule.PublicReplyContainsAddress)]
    public void Render_PublicReplyWithPersonalData_IsRefused(string topic, ChannelRule rule)
    {
        var catalog = new TemplateCatalog();
        catalog.Register(Social, "Merhaba, {{ topic }}");
        var model = new TemplateModelBuilder().Text("topic", topic).Build();

        var error = Assert.Throws<ChannelRuleException>(() => new TemplateRenderer(catalog).Render(Social with { Locale = Locale.TurkishTurkey }, model));

        Assert.Equal(rule, error.Rule);
        Assert.Equal(TemplateFailure.ChannelRule, error.Failure);
        Assert.DoesNotContain(topic, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PublicReplyStartingWithAPhoneNumber_IsRefused()
    {
        var catalog = new TemplateCatalog();
        catalog.Register(Social, "{{ topic }}");
        var model = new TemplateModelBuilder().Text("topic", "05321234567 numarasından arayacağız").Build();

        var error = Assert.Throws<ChannelRuleException>(() => new TemplateRenderer(catalog).Render(Social, model));

        Assert.Equal(ChannelRule.PublicReplyContainsPhone, error.Rule);
    }

    [Fact]
    public void Render_PublicReplyWithDigitsRightAfterLetters_IsNotTakenForAPhoneNumber()
    {
        var catalog = new TemplateCatalog();
        catalog.Register(Social, "{{ topic }}");
        var model = new TemplateModelBuilder().Text("topic", "Kargo takip kodunuz TRK05321234567").Build();

        var message = new TemplateRenderer(catalog).Render(Social, model);

        Assert.Equal("Kargo takip kodunuz TRK05321234567", message.Text);
    }

    [Fact]
    public void Register_PublicReplyWithALiteralEmail_IsRefusedAtRegistration()
    {
        var error = Assert.Throws<ChannelRuleException>(() => new TemplateCatalog().Register(Social, "Bize destek@example.com adresinden yazın"));

        Assert.Equal(ChannelRule.PublicReplyContainsEmail, error.Rule);
    }

    [Fact]
    public void Render_PublicReplyOver280Characters_IsRefusedNotCut()
    {
        var catalog = new TemplateCatalog();
        catalog.Register(Social, "{{ topic }}");
        var model = new TemplateModelBuilder().Text("topic", new string('a', 281)).Build();

        var error = Assert.Throws<ChannelRuleException>(() => new TemplateRenderer(catalog).Render(Social, model));

        Assert.Equal(ChannelRule.PublicReplyTooLong, error.Rule);
    }

    [Fact]
    public void Render_PublicReplyWithTicketNumber_IsAccepted()
    {
        var message = new TemplateRenderer(TemplateTestData.Pack).Preview(Social);

        Assert.Contains("48213", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SmsOverTheSegmentLimit_IsRefusedNotCut()
    {
        var catalog = new TemplateCatalog(new TemplateOptions { MaxSmsSegments = 2 });
        catalog.Register(TemplateTestData.SmsAck(), "{{ topic }}");
        var model = new TemplateModelBuilder().Text("topic", "ş" + new string('a', 134)).Build();

        var error = Assert.Throws<ChannelRuleException>(() => new TemplateRenderer(catalog).Render(TemplateTestData.SmsAck("tr-TR"), model));

        Assert.Equal(ChannelRule.SmsTooManySegments, error.Rule);
        Assert.Contains("3 segments", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Sms_ReportsItsEncodingAndSegments()
    {
        var message = new TemplateRenderer(TemplateTestData.Pack).Preview(TemplateTestData.SmsAck("tr-TR"));

        Assert.Equal(SmsEncoding.Ucs2, message.Sms?.Encoding);
        Assert.InRange(message.Sms!.Value.Segments, 1, 3);
    }

    [Fact]
    public void Render_EmptyText_IsRefused()
    {
        var catalog = new TemplateCatalog();
        catalog.Register(TemplateTestData.SmsAck(), "{{ topic }}");
        var model = new TemplateModelBuilder().Text("topic", "  ").Build();

        var error = Assert.Throws<ChannelRuleException>(() => new TemplateRenderer(catalog).Render(TemplateTestData.SmsAck(), model));

        Assert.Equal(ChannelRule.MissingContent, error.Rule);
    }
}
