using Contoso.CustomerCare.Chat;
using CustomerCare.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerCare;

/// <summary>Registers the <see cref="ChatChannel"/>.</summary>
public static class ChatChannelBuilderExtensions
{
    /// <summary>Registers the chat channel as an <see cref="IOutboundChannel"/>, with options set in code.</summary>
    /// <param name="builder">The builder that <c>AddCustomerCare</c> returned.</param>
    /// <param name="configure">Sets the webhook URL, and optionally the channel name and the timeout.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <remarks>The options are validated when the host starts; calling this again adds further configuration and
    /// still registers one channel.</remarks>
    public static ICustomerCareBuilder UseChatChannel(this ICustomerCareBuilder builder, Action<ChatChannelOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return AddChannel(builder);
    }

    /// <summary>Registers the chat channel as an <see cref="IOutboundChannel"/>, with options bound from configuration.</summary>
    /// <param name="builder">The builder that <c>AddCustomerCare</c> returned.</param>
    /// <param name="configuration">The section, such as <c>CustomerCare:Chat</c>: <c>WebhookUrl</c>, <c>ChannelName</c>, <c>Timeout</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <remarks>The options are validated when the host starts.</remarks>
    public static ICustomerCareBuilder UseChatChannel(this ICustomerCareBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.Configure<ChatChannelOptions>(configuration);
        return AddChannel(builder);
    }

    private static ICustomerCareBuilder AddChannel(ICustomerCareBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ChatChannelOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChatChannelOptions>, ChatChannelOptionsValidator>());
        services.AddHttpClient(ChatChannel.HttpClientName);
        services.TryAddSingleton(sp => new ChatChannel(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(ChatChannel.HttpClientName),
            sp.GetRequiredService<IOptions<ChatChannelOptions>>().Value,
            sp.GetRequiredService<IClock>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboundChannel, ChatChannel>(sp => sp.GetRequiredService<ChatChannel>()));
        return builder;
    }
}
