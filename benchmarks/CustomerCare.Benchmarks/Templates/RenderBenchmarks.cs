using BenchmarkDotNet.Attributes;
using CustomerCare.Customers;
using CustomerCare.Policy;
using CustomerCare.Templates;
using Scriban;
using Scriban.Runtime;

namespace CustomerCare.Benchmarks.Templates;

/// <summary>
/// Renders the standard acknowledgement e-mail (ten fields and a three-step loop) from the built-in pack. The baseline
/// is raw Scriban rendering the same text part with a default <see cref="TemplateContext"/> per render (which builds
/// its built-in functions every time) and a model of preformatted strings. <c>Ours_Text</c> is the same work as the
/// baseline (the text part only) in our sandbox; <c>Ours_Email</c> is the whole message: subject, text, HTML and the
/// channel checks.
/// </summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private const string TextPart = """
        Sayın {{ customer_name }},

        {{ order_number }} numaralı siparişinizle ilgili "{{ topic }}" konulu başvurunuz {{ date received_at }} tarihinde kayda alınmıştır. Başvuru numaranız: {{ ticket }}.

        Size en geç şu tarihte dönüş yapacağız: {{ date respond_by }}.

        Bundan sonraki adımlar:
        {{ for step in next_steps ~}}
        - {{ step }}
        {{ end ~}}

        Başvurunuzun durumunu dilediğiniz zaman buradan izleyebilirsiniz: {{ support_url }}

        Saygılarımızla,
        {{ agent_name }}
        {{ brand }} Müşteri Hizmetleri
        """;

    private static readonly TemplateKey Key = new(TemplateKind.Acknowledgement, Locale.TurkishTurkey, ToneOfVoice.Formal, MessageChannel.Email);
    private TemplateRenderer _renderer = null!;
    private TemplateRenderer _textRenderer = null!;
    private TemplateModel _model = null!;
    private Template _raw = null!;
    private ScriptObject _rawModel = null!;

    /// <summary>Parses everything once, as the catalog does at registration.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var catalog = new TemplateCatalog();
        catalog.RegisterBuiltInPack();
        _renderer = new TemplateRenderer(catalog);
        _model = TemplateSamples.For(TemplateKind.Acknowledgement, Locale.TurkishTurkey);
        var text = _renderer.Preview(Key);

        // The same text part as a push template, so that only one part is rendered and no HTML is built.
        var textCatalog = new TemplateCatalog(new TemplateOptions { MaxPushLength = 4000 });
        textCatalog.Register(Key with { Channel = MessageChannel.Push }, new TemplateSource(TextPart, Subject: "x"));
        _textRenderer = new TemplateRenderer(textCatalog);

        _raw = Template.Parse(TextPart.Replace("{{ date received_at }}", "{{ received_at }}", StringComparison.Ordinal).Replace("{{ date respond_by }}", "{{ respond_by }}", StringComparison.Ordinal));
        _rawModel = new ScriptObject
        {
            ["customer_name"] = "Ayşe Yılmaz",
            ["brand"] = "Örnek Mağaza",
            ["ticket"] = "48213",
            ["topic"] = "Geciken kargo",
            ["order_number"] = "TR-100245",
            ["received_at"] = "23 Kasım 2026 12:30",
            ["respond_by"] = "24 Kasım 2026 12:30",
            ["support_url"] = "https://destek.example.com/t/48213",
            ["agent_name"] = "Elif",
            ["next_steps"] = new ScriptArray { "Kaydı inceliyoruz.", "Gerekirse kargo firmasıyla görüşeceğiz.", "Sonucu e-postayla bildireceğiz." },
        };
        if (Baseline().Length < 100 || Ours_Text().Length < 100 || text.Text.Length < 100)
        {
            throw new InvalidOperationException("The renders are not the acknowledgement e-mail.");
        }
    }

    /// <summary>Raw Scriban with a default context per render.</summary>
    /// <returns>The text.</returns>
    [Benchmark(Baseline = true)]
    public string Baseline()
    {
        var context = new TemplateContext();
        context.PushGlobal(_rawModel);
        return _raw.Render(context);
    }

    /// <summary>Our sandboxed render of the text part only: the same work as the baseline.</summary>
    /// <returns>The text.</returns>
    [Benchmark]
    public string Ours_Text() => _textRenderer.Render(Key with { Channel = MessageChannel.Push }, _model).Text;

    /// <summary>Our whole e-mail: subject, text, HTML made from the text, channel checks.</summary>
    /// <returns>The HTML.</returns>
    [Benchmark]
    public string Ours_Email() => _renderer.Render(Key, _model).Html!;
}
