using CustomerCare.Customers;
using CustomerCare.Policy;
using CustomerCare.Templates;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.DependencyInjection;

public sealed class TemplateRegistrationTests
{
    [Fact]
    public void AddCustomerCare_RegistersTheBuiltInPack_AndARendererOverIt()
    {
        var services = new ServiceCollection();
        services.AddCustomerCare();
        using var provider = services.BuildServiceProvider();
        var key = new TemplateKey(TemplateKind.Acknowledgement, Locale.Parse("tr-TR"), ToneOfVoice.Formal, MessageChannel.Email);

        var rendered = provider.GetRequiredService<TemplateRenderer>().Render(key, TemplateSamples.For(TemplateKind.Acknowledgement, key.Locale));

        Assert.Same(provider.GetRequiredService<TemplateCatalog>(), provider.GetRequiredService<TemplateCatalog>());
        Assert.NotEmpty(provider.GetRequiredService<TemplateCatalog>().Keys);
        Assert.False(string.IsNullOrWhiteSpace(rendered.Subject));
        Assert.Contains("Sayın", rendered.Text, StringComparison.Ordinal);
    }
}
