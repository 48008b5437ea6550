using CustomerCare.Channels;
using CustomerCare.MailKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerCare;

/// <summary>Registers the <see cref="SmtpChannel"/>.</summary>
public static class SmtpChannelBuilderExtensions
{
    /// <summary>Registers the SMTP channel as the <c>email</c> <see cref="IOutboundChannel"/>, with options set in code.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the server and the sender.</param>
    /// <returns>The builder.</returns>
    /// <remarks>The options are validated when the host starts; calling this again adds further configuration.</remarks>
    public static ICustomerCareBuilder UseSmtp(this ICustomerCareBuilder builder, Action<SmtpChannelOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return AddChannel(builder);
    }

    /// <summary>Registers the SMTP channel as the <c>email</c> <see cref="IOutboundChannel"/>, with options bound from configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section, such as <c>CustomerCare:Smtp</c>: <c>Host</c>, <c>Port</c>, <c>SecureSocket</c>, <c>From</c>, …</param>
    /// <returns>The builder.</returns>
    /// <remarks>The options are validated when the host starts; calling this again adds further configuration.</remarks>
    public static ICustomerCareBuilder UseSmtp(this ICustomerCareBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.Configure<SmtpChannelOptions>(configuration);
        return AddChannel(builder);
    }

    private static ICustomerCareBuilder AddChannel(ICustomerCareBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SmtpChannelOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmtpChannelOptions>, SmtpChannelOptionsValidator>());
        services.TryAddSingleton(sp => new SmtpChannel(sp.GetRequiredService<IOptions<SmtpChannelOptions>>().Value, sp.GetRequiredService<IClock>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboundChannel, SmtpChannel>(sp => sp.GetRequiredService<SmtpChannel>()));
        return builder;
    }
}
