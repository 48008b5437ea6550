using CustomerCare.Channels;
using CustomerCare.Channels.Files;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CustomerCare;

/// <summary>Registers the <see cref="FileChannel"/>s.</summary>
public static class FileChannelBuilderExtensions
{
    /// <summary>
    /// Registers file channels writing into <paramref name="folder"/>: <c>email</c> as <c>.eml</c> files in
    /// <c>folder/email/</c>, <c>sms</c> and <c>push</c> as lines of <c>folder/sms.log</c> and <c>folder/push.log</c>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="folder">The folder; created when the first message is written.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="FieldValidationException">The folder is blank.</exception>
    public static ICustomerCareBuilder UseFileChannels(this ICustomerCareBuilder builder, string folder) =>
        builder.UseFileChannels(o => o.Folder = folder);

    /// <summary>
    /// Registers one <see cref="FileChannel"/> per name in <see cref="FileChannelOptions.Channels"/> as an
    /// <see cref="IOutboundChannel"/>: <c>email</c> writes <see cref="FileChannelFormat.Eml"/> files, every other name a
    /// <see cref="FileChannelFormat.Log"/>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the folder, the sender and the channel names.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="FieldValidationException">A setting is invalid or a name is given twice; checked now, since the names decide what is registered.</exception>
    /// <remarks>
    /// The outbox dispatcher refuses two channels of one name: leave <c>email</c> out of
    /// <see cref="FileChannelOptions.Channels"/> when another plugin (SMTP) serves it. Call this once.
    /// </remarks>
    public static ICustomerCareBuilder UseFileChannels(this ICustomerCareBuilder builder, Action<FileChannelOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new FileChannelOptions();
        configure(options);
        options.Validate();
        var duplicate = options.Channels.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw FieldValidationException.For(nameof(FileChannelOptions.Channels), duplicate.Key, FieldErrorCodes.Malformed, "is given twice; each channel name may be registered once");
        }

        foreach (var name in options.Channels.ToArray())
        {
            var format = string.Equals(name, "email", StringComparison.Ordinal) ? options.EmailFormat : FileChannelFormat.Log;
            builder.Services.AddSingleton<IOutboundChannel>(sp => new FileChannel(name, format, options, sp.GetRequiredService<IClock>()));
        }

        return builder;
    }
}
