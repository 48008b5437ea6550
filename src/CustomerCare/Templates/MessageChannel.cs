namespace CustomerCare.Templates;

/// <summary>The channel a rendered message goes out on; each has its own rules (<see cref="ChannelRule"/>).</summary>
public enum MessageChannel
{
    /// <summary>E-mail: a subject, a plain-text body and an HTML body.</summary>
    Email = 0,

    /// <summary>SMS: a text body, limited to <see cref="TemplateOptions.MaxSmsSegments"/> segments.</summary>
    Sms,

    /// <summary>A public reply on social media or a complaint site: short text and no personal data.</summary>
    PublicSocialReply,

    /// <summary>A push notification: a title (the subject) and a short text body.</summary>
    Push,
}
