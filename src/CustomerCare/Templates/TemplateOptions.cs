using CustomerCare.Customers;
using CustomerCare.Policy;

namespace CustomerCare.Templates;

/// <summary>Settings of a <see cref="TemplateCatalog"/> and its renders.</summary>
/// <remarks>Read when the catalog is created; change them before, not after.</remarks>
public sealed class TemplateOptions
{
    /// <summary>The last locale of the fallback chain; <c>tr</c> by default.</summary>
    public Locale DefaultLocale { get; set; } = Locale.Parse("tr");

    /// <summary>The tone tried when the asked tone has no variant; <see cref="ToneOfVoice.Formal"/> by default.</summary>
    public ToneOfVoice DefaultTone { get; set; } = ToneOfVoice.Formal;

    /// <summary>The most segments an SMS may take; 3 by default.</summary>
    public int MaxSmsSegments { get; set; } = 3;

    /// <summary>The longest public social reply, in characters; 280 by default.</summary>
    public int MaxPublicReplyLength { get; set; } = 280;

    /// <summary>The longest push notification text, in characters; 240 by default.</summary>
    public int MaxPushLength { get; set; } = 240;

    /// <summary>How long one render may take before it is cancelled; 2 seconds by default.</summary>
    public TimeSpan RenderTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
