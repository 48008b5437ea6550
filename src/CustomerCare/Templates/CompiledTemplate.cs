using Scriban;

namespace CustomerCare.Templates;

/// <summary>A registered template: its parts parsed once, ready to render many times.</summary>
internal sealed record CompiledTemplate(TemplateKey Key, string Origin, Template Text, Template? Subject, Template? Html, IReadOnlyDictionary<TemplatePart, int> FirstLines)
{
    public int FirstLine(TemplatePart part) => FirstLines.TryGetValue(part, out var line) ? line : 1;
}
