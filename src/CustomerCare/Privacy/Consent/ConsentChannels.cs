using CustomerCare.Channels;

namespace CustomerCare.Privacy.Consent;

/// <summary>Which consent channel covers an outbound channel, so that the gates can check a commercial message.</summary>
public static class ConsentChannels
{
    /// <summary>The outbound channel name of phone calls: <c>phone</c>.</summary>
    public const string PhoneChannelName = "phone";

    /// <summary>Finds the consent channel of an outbound channel name: <c>email</c>, <c>sms</c>, <c>push</c> and <c>phone</c> (ordinal).</summary>
    /// <param name="channelName">The outbound channel's name, such as <see cref="OutboundChannelNames.Email"/>.</param>
    /// <param name="channel">The consent channel, when there is one.</param>
    /// <returns>Whether the name is covered; a commercial message on any other channel cannot be consented to and is refused.</returns>
    public static bool TryFromOutboundChannel(string? channelName, out ConsentChannel channel)
    {
        (var known, channel) = channelName switch
        {
            OutboundChannelNames.Email => (true, ConsentChannel.Email),
            OutboundChannelNames.Sms => (true, ConsentChannel.Sms),
            OutboundChannelNames.Push => (true, ConsentChannel.Push),
            PhoneChannelName => (true, ConsentChannel.Phone),
            _ => (false, default),
        };
        return known;
    }
}
