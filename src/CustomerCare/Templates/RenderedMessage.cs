namespace CustomerCare.Templates;

/// <summary>A rendered message, checked against its channel's rules.</summary>
/// <param name="Requested">The key asked for.</param>
/// <param name="Resolved">The variant used, after the fallback chain.</param>
/// <param name="Text">The plain-text body.</param>
/// <param name="Subject">The subject (e-mail) or title (push); <see langword="null"/> on other channels.</param>
/// <param name="Html">The HTML body (e-mail only).</param>
/// <param name="Sms">The SMS encoding and segment count (SMS only).</param>
public sealed record RenderedMessage(TemplateKey Requested, TemplateKey Resolved, string Text, string? Subject, string? Html, SmsSegmentCount? Sms)
{
    /// <summary>The channel.</summary>
    public MessageChannel Channel => Requested.Channel;
}
