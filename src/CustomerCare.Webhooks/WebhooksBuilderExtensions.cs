using CustomerCare.Channels;
using CustomerCare.Complaints.Intake;
using CustomerCare.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerCare;

/// <summary>Registers the <see cref="WebhookChannel"/> and the <see cref="InboundWebhookHandler"/>.</summary>
public static class WebhooksBuilderExtensions
{
    /// <summary>Registers the webhook channel as the <c>webhook</c> <see cref="IOutboundChannel"/>, with options set in code.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the endpoints and their secrets.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// The options are validated when the host starts; calling this again adds further configuration. The channel sends
    /// through the named client <see cref="WebhookChannel.HttpClientName"/> of <c>IHttpClientFactory</c>, which follows
    /// no redirects and renews its connections every 5 minutes; add handlers to it with
    /// <c>services.AddHttpClient(WebhookChannel.HttpClientName)</c>.
    /// </remarks>
    public static ICustomerCareBuilder UseWebhooks(this ICustomerCareBuilder builder, Action<WebhookChannelOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return AddChannel(builder);
    }

    /// <summary>Registers the webhook channel as the <c>webhook</c> <see cref="IOutboundChannel"/>, with options bound from configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section, such as <c>CustomerCare:Webhooks</c>: <c>Endpoints:0:Name</c>, <c>Endpoints:0:Url</c>, <c>Endpoints:0:Secrets:0</c>, <c>Timeout</c>, …</param>
    /// <returns>The builder.</returns>
    /// <remarks>The options are validated when the host starts; calling this again adds further configuration.</remarks>
    public static ICustomerCareBuilder UseWebhooks(this ICustomerCareBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.Configure<WebhookChannelOptions>(configuration);
        return AddChannel(builder);
    }

    /// <summary>Registers the <see cref="InboundWebhookHandler"/> with default options: every source enabled, none signed.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static ICustomerCareBuilder AddInboundWebhooks(this ICustomerCareBuilder builder) => builder.AddInboundWebhooks(_ => { });

    /// <summary>Registers the <see cref="InboundWebhookHandler"/>, with options set in code.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the limits and each source's secrets.</param>
    /// <returns>The builder.</returns>
    /// <remarks>The options are validated when the host starts; calling this again adds further configuration.</remarks>
    public static ICustomerCareBuilder AddInboundWebhooks(this ICustomerCareBuilder builder, Action<InboundWebhookOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return AddHandler(builder);
    }

    /// <summary>Registers the <see cref="InboundWebhookHandler"/>, with options bound from configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section, such as <c>CustomerCare:Inbound</c>: <c>MaxBodyBytes</c>, <c>Sources:complaint-site:Secrets:0</c>, …</param>
    /// <returns>The builder.</returns>
    /// <remarks>The options are validated when the host starts; calling this again adds further configuration.</remarks>
    public static ICustomerCareBuilder AddInboundWebhooks(this ICustomerCareBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.Configure<InboundWebhookOptions>(configuration);
        return AddHandler(builder);
    }

    private static ICustomerCareBuilder AddChannel(ICustomerCareBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebhookChannelOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookChannelOptions>, WebhookChannelOptionsValidator>());
        if (!services.Any(d => d.ServiceType == typeof(WebhookChannel)))
        {
            services.AddHttpClient(WebhookChannel.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
                // Redirects are not followed (a POST redirected becomes a GET); the long-lived client renews its connections so DNS changes are seen.
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
            services.AddSingleton(sp => new WebhookChannel(
                sp.GetRequiredService<IOptions<WebhookChannelOptions>>().Value,
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(WebhookChannel.HttpClientName),
                sp.GetRequiredService<IClock>()));
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboundChannel, WebhookChannel>(sp => sp.GetRequiredService<WebhookChannel>()));
        return builder;
    }

    private static ICustomerCareBuilder AddHandler(ICustomerCareBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<InboundWebhookOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InboundWebhookOptions>, InboundWebhookOptionsValidator>());
        services.TryAddSingleton(sp => new InboundWebhookHandler(
            sp.GetRequiredService<ComplaintIntake>(), sp.GetRequiredService<IClock>(), sp.GetRequiredService<IOptions<InboundWebhookOptions>>().Value));
        return builder;
    }
}
