using System.Collections.Concurrent;
using CustomerCare.Customers;
using CustomerCare.Policy;

namespace CustomerCare.Templates;

/// <summary>
/// Holds the registered templates, parsed once and checked against their kind's sample model when registered, and
/// finds the best variant for a key along an explicit fallback chain.
/// </summary>
/// <remarks>
/// <para>
/// Fallback chain (<see cref="FallbackChain"/>): the locale is kept as long as possible, the tone gives way first.
/// For <c>tr-TR</c>/friendly: tr-TR/friendly, tr-TR/default tone, tr/friendly, tr/default tone, then the default locale
/// with the tone and with the default tone. The channel and the kind never change.
/// </para>
/// <para>Registering a key again replaces the variant: that is how a built-in template is overridden.</para>
/// <para>Thread-safe: registrations and lookups may run concurrently.</para>
/// </remarks>
public sealed class TemplateCatalog
{
    private readonly ConcurrentDictionary<TemplateKey, CompiledTemplate> _templates = new();

    /// <summary>Creates an empty catalog.</summary>
    /// <param name="options">The options; the defaults when <see langword="null"/>.</param>
    public TemplateCatalog(TemplateOptions? options = null)
    {
        Options = options ?? new TemplateOptions();
        if (Options.MaxSmsSegments < 1 || Options.MaxPublicReplyLength < 1 || Options.MaxPushLength < 1 || Options.RenderTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The SMS segments, reply and push lengths and the render timeout must be positive.");
        }
    }

    /// <summary>The options.</summary>
    public TemplateOptions Options { get; }

    /// <summary>The registered keys.</summary>
    public IReadOnlyCollection<TemplateKey> Keys => _templates.Keys.ToArray();

    /// <summary>Registers a template, replacing any variant with the same key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="source">The template's parts.</param>
    /// <exception cref="TemplateException">
    /// The template does not parse (with line and column), is too long, uses a variable its kind's sample model does not
    /// have, or breaks a channel rule with the sample model. Nothing is registered then.
    /// </exception>
    public void Register(TemplateKey key, TemplateSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var compiled = TemplateEngine.Compile(key, source);
        TemplateEngine.Render(compiled, key, TemplateSamples.For(key.Kind, key.Locale), Options, Privacy.Redaction.PersonalDataRedactor.Default, CancellationToken.None);
        _templates[key] = compiled;
    }

    /// <summary>Registers a template from sectioned text (<see cref="TemplateSource.Parse"/>).</summary>
    /// <param name="key">The key.</param>
    /// <param name="content">The text; lines <c>=== subject</c>, <c>=== text</c>, <c>=== html</c> start the parts.</param>
    /// <exception cref="TemplateException">See <see cref="Register(TemplateKey, TemplateSource)"/>.</exception>
    public void Register(TemplateKey key, string content) => Register(key, TemplateSource.Parse(content));

    /// <summary>Registers a template from a UTF-8 file in the sectioned format; errors name the file and its lines.</summary>
    /// <param name="key">The key.</param>
    /// <param name="path">The file.</param>
    /// <exception cref="TemplateException">See <see cref="Register(TemplateKey, TemplateSource)"/>.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public void RegisterFile(TemplateKey key, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var info = new FileInfo(path);
        if (info.Exists && info.Length > TemplateLimits.MaxSourceLength * 4L)
        {
            throw new TemplateException(TemplateFailure.TooLong, key, null, path, null, null, "the file is larger than a template may be");
        }

        Register(key, TemplateSource.Parse(File.ReadAllText(path), path));
    }

    /// <summary>Registers the built-in Turkish and English pack (embedded in the library), all three tones.</summary>
    /// <returns>How many templates were registered.</returns>
    /// <remarks>Call it first and register your own variants after, so that yours replace the built-in ones.</remarks>
    public int RegisterBuiltInPack()
    {
        var count = 0;
        foreach (var (key, source) in TemplatePack.Load())
        {
            Register(key, source);
            count++;
        }

        return count;
    }

    /// <summary>Whether exactly this key is registered (no fallback).</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> when registered.</returns>
    public bool Contains(TemplateKey key) => _templates.ContainsKey(key);

    /// <summary>The keys tried for a key, in order: see the remarks of <see cref="TemplateCatalog"/>.</summary>
    /// <param name="key">The key asked for.</param>
    /// <returns>The chain, starting with <paramref name="key"/>, without duplicates.</returns>
    public IReadOnlyList<TemplateKey> FallbackChain(TemplateKey key)
    {
        var locales = new List<Locale> { key.Locale };
        for (var culture = key.Locale.Culture.Parent; !string.IsNullOrEmpty(culture.Name); culture = culture.Parent)
        {
            if (Locale.TryParse(culture.Name, out var parent, out _) && !locales.Contains(parent))
            {
                locales.Add(parent);
            }
        }

        if (!locales.Contains(Options.DefaultLocale))
        {
            locales.Add(Options.DefaultLocale);
        }

        var tones = key.Tone == Options.DefaultTone ? new[] { key.Tone } : [key.Tone, Options.DefaultTone];
        var chain = new List<TemplateKey>(locales.Count * tones.Length);
        foreach (var locale in locales)
        {
            foreach (var tone in tones)
            {
                chain.Add(key with { Locale = locale, Tone = tone });
            }
        }

        return chain;
    }

    /// <summary>Finds the variant that would be used for a key.</summary>
    /// <param name="key">The key asked for.</param>
    /// <returns>The registered key that answers it.</returns>
    /// <exception cref="TemplateNotFoundException">No variant along the chain; it lists the keys tried.</exception>
    public TemplateKey ResolveKey(TemplateKey key) => Resolve(key).Key;

    internal CompiledTemplate Resolve(TemplateKey key)
    {
        if (_templates.TryGetValue(key, out var exact))
        {
            return exact;
        }

        var chain = FallbackChain(key);
        foreach (var candidate in chain)
        {
            if (_templates.TryGetValue(candidate, out var found))
            {
                return found;
            }
        }

        throw new TemplateNotFoundException(key, chain);
    }
}
