using CustomerCare.Templates;

namespace CustomerCare.Channels;

/// <summary>The names that outbox messages are routed by, one per kind of channel.</summary>
public static class OutboundChannelNames
{
    /// <summary>E-mail: <c>email</c>.</summary>
    public const string Email = "email";

    /// <summary>SMS: <c>sms</c>.</summary>
    public const string Sms = "sms";

    /// <summary>Mobile push: <c>push</c>.</summary>
    public const string Push = "push";

    /// <summary>The name of the channel that carries a template channel's messages.</summary>
    /// <param name="channel">The template channel.</param>
    /// <returns>The channel name.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A public reply, which is posted where the complaint was made, not sent.</exception>
    public static string For(MessageChannel channel) => channel switch
    {
        MessageChannel.Email => Email,
        MessageChannel.Sms => Sms,
        MessageChannel.Push => Push,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "A public reply is posted where the complaint was made; no outbound channel sends it."),
    };
}
