namespace CustomerCare.Templates;

/// <summary>A rule of a channel that a rendered message broke.</summary>
public enum ChannelRule
{
    /// <summary>The SMS needs more segments than <see cref="TemplateOptions.MaxSmsSegments"/>.</summary>
    SmsTooManySegments = 0,

    /// <summary>The public reply is longer than <see cref="TemplateOptions.MaxPublicReplyLength"/> characters.</summary>
    PublicReplyTooLong,

    /// <summary>The public reply contains an e-mail address.</summary>
    PublicReplyContainsEmail,

    /// <summary>The public reply contains a phone number.</summary>
    PublicReplyContainsPhone,

    /// <summary>The public reply contains an amount of money (an order total, a refund, a compensation).</summary>
    PublicReplyContainsAmount,

    /// <summary>The public reply contains a postal address.</summary>
    PublicReplyContainsAddress,

    /// <summary>The message has an empty text body, or an e-mail or push has no subject.</summary>
    MissingContent,

    /// <summary>The push notification is longer than <see cref="TemplateOptions.MaxPushLength"/> characters.</summary>
    PushTooLong,
}
