namespace Contoso.CustomerCare.Chat;

/// <summary>Where and how a <see cref="ChatChannel"/> posts: a Slack- or Mattermost-style incoming webhook.</summary>
/// <remarks>Bound from configuration by <c>UseChatChannel(IConfiguration)</c>: <c>WebhookUrl</c>, <c>ChannelName</c>
/// and <c>Timeout</c> (<c>hh:mm:ss</c>). Validated when the host starts by <see cref="ChatChannelOptionsValidator"/>.</remarks>
public sealed class ChatChannelOptions
{
    /// <summary>The default <see cref="ChannelName"/>.</summary>
    public const string DefaultChannelName = "chat";

    /// <summary>The longest <see cref="Timeout"/> accepted.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The incoming-webhook URL, such as <c>https://chat.example.com/hooks/abc123</c>. Required; <c>https</c>,
    /// or <c>http</c> on a loopback host only.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>The name outbox messages are routed by (<c>OutboxMessage.Channel</c>). Default <c>chat</c>.</summary>
    public string ChannelName { get; set; } = DefaultChannelName;

    /// <summary>How long one post may take before it counts as a transient failure. Default 10 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
