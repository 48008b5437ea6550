namespace CustomerCare.Webhooks;

/// <summary>The settings of one inbound source.</summary>
public sealed class InboundSourceOptions
{
    /// <summary>Whether the source accepts posts; a disabled source answers 404. Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The secrets a post's <c>X-CustomerCare-Signature</c> may be made with (several while rotating). When there is at
    /// least one, every post must be signed, fresh and not a replay; when empty, posts are not checked.
    /// </summary>
    public IList<string> Secrets { get; } = [];
}
