using CustomerCare.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CustomerCare.Webhooks.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void UseWebhooks_FromConfiguration_BindsEndpointsAndSecrets_AndRegistersTheWebhookChannelOnce()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Webhooks:Endpoints:0:Name"] = "crm",
            ["Webhooks:Endpoints:0:Url"] = "https://crm.example.com.tr/hooks/care",
            ["Webhooks:Endpoints:0:Secrets:0"] = "whsec_current_7f3a9c1e2b4d",
            ["Webhooks:Endpoints:0:Secrets:1"] = "whsec_previous_0a1b2c3d4e5f",
            ["Webhooks:Timeout"] = "00:00:07",
            ["Inbound:Sources:complaint-site:Secrets:0"] = "whsec_site_0123456789abcdef",
            ["Inbound:MaxBodyBytes"] = "32768",
        }).Build();
        var services = new ServiceCollection();

        services.AddCustomerCare().UseWebhooks(configuration.GetSection("Webhooks")).UseWebhooks(o => o.ConnectRetries = 1)
            .AddInboundWebhooks(configuration.GetSection("Inbound"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<WebhookChannelOptions>>().Value;
        var endpoint = Assert.Single(options.Endpoints);
        Assert.Equal(("crm", "https://crm.example.com.tr/hooks/care", 2, TimeSpan.FromSeconds(7)), (endpoint.Name, endpoint.Url, endpoint.Secrets.Count, options.Timeout));
        Assert.Equal(1, options.ConnectRetries);
        var channel = Assert.Single(provider.GetServices<IOutboundChannel>());
        Assert.Equal("webhook", channel.Name);
        Assert.Same(provider.GetRequiredService<WebhookChannel>(), channel.GetService(typeof(WebhookChannel)));
        var inbound = provider.GetRequiredService<IOptions<InboundWebhookOptions>>().Value;
        Assert.Equal((32768, 1), (inbound.MaxBodyBytes, inbound.Sources["complaint-site"].Secrets.Count));
        Assert.NotNull(provider.GetRequiredService<InboundWebhookHandler>());
    }

    [Fact]
    public async Task BadOptions_StopTheHostFromStarting_NamingEachOptionAndValue_ButNoSecret()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddCustomerCare()
            .UseWebhooks(o =>
            {
                o.Endpoints.Add(new WebhookEndpoint { Name = "crm", Url = "http://crm.example.com/hooks", Secrets = { "kısa-sır" } });
                o.Timeout = TimeSpan.Zero;
            })
            .AddInboundWebhooks();
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(
            [
                "field 'Webhooks.Endpoints:0:Url': value 'http://crm.example.com/hooks' is plain http to a host other than loopback; use https, or set AllowHttp",
                "field 'Webhooks.Endpoints:0:Secrets:0': value '(8 characters)' is too short; a secret has at least 16 characters",
                "field 'Webhooks.Timeout': value '00:00:00' must be positive and at most 00:05:00",
            ],
            refused.Failures);
        Assert.DoesNotContain(refused.Failures, f => f.Contains("kısa-sır", StringComparison.Ordinal));
    }

    [Fact]
    public void InboundOptions_BadValues_AreNamed()
    {
        var options = new InboundWebhookOptions { MaxDepth = 1000 };
        options.Sources["instagram"] = new InboundSourceOptions();

        var result = new InboundWebhookOptionsValidator().Validate(null, options);

        Assert.Equal(
            [
                "field 'Inbound.MaxDepth': value '1000' must be between 4 and 64",
                "field 'Inbound.Sources:instagram': value 'instagram' is not a source; the sources are form, x, facebook, complaint-site",
            ],
            result.Failures);
    }
}
