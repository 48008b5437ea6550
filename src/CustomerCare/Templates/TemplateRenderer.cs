namespace CustomerCare.Templates;

/// <summary>Renders templates from a <see cref="TemplateCatalog"/> in the sandbox and checks the channel rules.</summary>
/// <remarks>
/// Thread-safe. Every render gets a fresh context with <see cref="TemplateLimits"/> applied, strict variables, no
/// access to .NET members, and a time limit of <see cref="TemplateOptions.RenderTimeout"/>.
/// </remarks>
public sealed class TemplateRenderer
{
    private readonly TemplateCatalog _catalog;

    /// <summary>Creates a renderer over a catalog.</summary>
    /// <param name="catalog">The catalog.</param>
    public TemplateRenderer(TemplateCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
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
        return TemplateEngine.Render(_catalog.Resolve(key), key, model, _catalog.Options, cancellationToken);
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
