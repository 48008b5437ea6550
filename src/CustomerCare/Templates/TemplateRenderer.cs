namespace CustomerCare.Templates;

/// <summary>Renders templates from a <see cref="TemplateCatalog"/> in the sandbox and checks the channel rules.</summary>
/// <remarks>
/// A <see cref="MessageChannel.PublicSocialReply"/> is checked by the channel rules (no e-mail address, phone number,
/// amount or address: a <see cref="ChannelRuleException"/>) and then passed through a redactor, which masks any other
/// personal data, such as an identity number, an IBAN or a card number. Thread-safe. Every render gets a fresh context with <see cref="TemplateLimits"/> applied, strict variables, no
/// access to .NET members, and a time limit of <see cref="TemplateOptions.RenderTimeout"/>.
/// </remarks>
public sealed class TemplateRenderer
{
    private readonly TemplateCatalog _catalog;
    private readonly Privacy.Redaction.ITextRedactor _publicReplyRedactor;

    /// <summary>Creates a renderer over a catalog; public replies pass through <see cref="Privacy.Redaction.PersonalDataRedactor.Default"/>.</summary>
    /// <param name="catalog">The catalog.</param>
    public TemplateRenderer(TemplateCatalog catalog)
        : this(catalog, Privacy.Redaction.PersonalDataRedactor.Default)
    {
    }

    /// <summary>Creates a renderer over a catalog, with the redactor public replies pass through.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="publicReplyRedactor">Masks personal data in every rendered public reply.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public TemplateRenderer(TemplateCatalog catalog, Privacy.Redaction.ITextRedactor publicReplyRedactor)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(publicReplyRedactor);
        _catalog = catalog;
        _publicReplyRedactor = publicReplyRedactor;
    }

    /// <summary>Renders the best variant of a template for a customer.</summary>
    /// <param name="key">The key; its locale is the customer's, whose culture formats numbers, amounts and dates.</param>
    /// <param name="model">The values.</param>
    /// <param name="cancellationToken">Stops the render.</param>
    /// <returns>The message.</returns>
    /// <exception cref="TemplateNotFoundException">No variant along the fallback chain.</exception>
    /// <exception cref="ChannelRuleException">The message breaks a rule of its channel.</exception>
    /// <exception cref="TemplateException">The render failed (a sandbox limit, an unknown variable, a timeout).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public RenderedMessage Render(TemplateKey key, TemplateModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return TemplateEngine.Render(_catalog.Resolve(key), key, model, _catalog.Options, _publicReplyRedactor, cancellationToken);
    }

    /// <summary>Renders a template with its kind's sample model (<see cref="TemplateSamples"/>), for staff to preview.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Stops the render.</param>
    /// <returns>The message.</returns>
    /// <exception cref="TemplateNotFoundException">No variant along the fallback chain.</exception>
    /// <exception cref="TemplateException">The render failed.</exception>
    public RenderedMessage Preview(TemplateKey key, CancellationToken cancellationToken = default) =>
        Render(key, TemplateSamples.For(key.Kind, key.Locale), cancellationToken);
}
