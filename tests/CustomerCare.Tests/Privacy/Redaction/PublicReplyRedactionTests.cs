using CustomerCare.Customers;
using CustomerCare.Policy;
using CustomerCare.Privacy.Redaction;
using CustomerCare.Templates;
using CustomerCare.Tests.Templates;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CustomerCare.Tests.Privacy.Redaction;

public sealed class PublicReplyRedactionTests
{
    private static readonly TemplateKey Social = TemplateTestData.Key(TemplateKind.Acknowledgement, "tr", ToneOfVoice.Friendly, MessageChannel.PublicSocialReply) with { Locale = Locale.TurkishTurkey };

    // The channel guard refuses runs of ten or more digits; a card written with slashes slips past it, not past the redactor.
    [Fact]
    public void Render_PublicReplyCarryingACardTheGuardMisses_LeavesMasked()
    {
        var catalog = new TemplateCatalog();
        catalog.Register(Social, "Merhaba, {{ topic }}");
        var model = new TemplateModelBuilder().Text("topic", "4111/1111/1111/1111 kartınızla ilgili yazdınız").Build();

        var rendered = new TemplateRenderer(catalog).Render(Social, model);

        Assert.Equal("Merhaba, [CARD] kartınızla ilgili yazdınız", rendered.Text);
    }

    [Fact]
    public void Render_PublicReplyWithAPhone_IsStillRefusedByTheGuardBeforeRedaction()
    {
        var catalog = new TemplateCatalog();
        catalog.Register(Social, "Merhaba, {{ topic }}");
        var model = new TemplateModelBuilder().Text("topic", "0532 123 45 67").Build();

        var error = Assert.Throws<ChannelRuleException>(() => new TemplateRenderer(catalog).Render(Social, model));

        Assert.Equal(ChannelRule.PublicReplyContainsPhone, error.Rule);
    }

    [Fact]
    public void Render_SmsChannel_IsNotRedacted()
    {
        var key = Social with { Channel = MessageChannel.Sms };
        var catalog = new TemplateCatalog();
        catalog.Register(key, "Kimlik {{ topic }}");
        var model = new TemplateModelBuilder().Text("topic", "10000000146").Build();

        Assert.Equal("Kimlik 10000000146", new TemplateRenderer(catalog).Render(key, model).Text);
    }

    [Fact]
    public void AddCustomerCare_RendererUsesTheRegisteredRedactor()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ITextRedactor>(PersonalDataRedactor.Default.WithKnownNames("Deniz"));
        services.AddCustomerCare();
        using var provider = services.BuildServiceProvider();
        var catalog = provider.GetRequiredService<TemplateCatalog>();
        catalog.Register(Social, "Merhaba, {{ topic }}");

        var rendered = provider.GetRequiredService<TemplateRenderer>().Render(Social, new TemplateModelBuilder().Text("topic", "Deniz ile görüştünüz").Build());

        Assert.Equal("Merhaba, [NAME] ile görüştünüz", rendered.Text);
        Assert.IsType<PersonalDataRedactor>(provider.GetRequiredService<ITextRedactor>());
    }
}
