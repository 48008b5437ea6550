using CustomerCare.Customers;
using CustomerCare.Policy;

namespace CustomerCare.Templates;

/// <summary>Names one template variant: what it answers, in which language, in which tone, on which channel.</summary>
/// <param name="Kind">The situation.</param>
/// <param name="Locale">The language (<c>tr</c>) or language and region (<c>tr-TR</c>).</param>
/// <param name="Tone">The tone of voice.</param>
/// <param name="Channel">The channel.</param>
public readonly record struct TemplateKey(TemplateKind Kind, Locale Locale, ToneOfVoice Tone, MessageChannel Channel)
{
    /// <summary>Formats as <c>acknowledgement/tr-TR/friendly/email</c>.</summary>
    /// <returns>The key as text.</returns>
    public override string ToString() => string.Join(
        '/',
        TemplateNames.ToSnake(Kind.ToString()),
        Locale.Name,
        Tone.ToString().ToLowerInvariant(),
        TemplateNames.ToSnake(Channel.ToString()));
}
