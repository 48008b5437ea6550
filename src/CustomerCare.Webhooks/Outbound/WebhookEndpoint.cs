namespace CustomerCare.Webhooks;

/// <summary>One receiver of outbound webhooks: a name that messages are addressed to, a URL and the signing secrets.</summary>
/// <remarks>Bound from configuration as <c>Endpoints:0:Name</c>, <c>Endpoints:0:Url</c>, <c>Endpoints:0:Secrets:0</c>.</remarks>
public sealed class WebhookEndpoint
{
    /// <summary>The name an <see cref="Channels.OutboundMessage.Recipient"/> gives, such as <c>crm</c>. Required, unique.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The absolute <c>https</c> URL to POST to (<c>http</c> only to a loopback host or with <see cref="WebhookChannelOptions.AllowHttp"/>). Required.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>The signing secrets, the current one first; every one signs, so the receiver may hold either while rotating. At least one, each at least 16 characters.</summary>
    public IList<string> Secrets { get; } = [];
}
