using System.Reflection;
using CustomerCare.Customers;
using CustomerCare.Policy;

namespace CustomerCare.Templates;

/// <summary>Reads the built-in pack: one embedded file per locale, tone and channel, <c>=== kind part</c> sections inside.</summary>
internal static class TemplatePack
{
    private const string Prefix = "CustomerCare.Templates.Pack/";

    public static IEnumerable<(TemplateKey Key, TemplateSource Source)> Load()
    {
        var assembly = typeof(TemplatePack).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var origin = "Pack/" + name[Prefix.Length..];
            var path = name[Prefix.Length..].Split('/');
            if (path.Length != 3 || !path[2].EndsWith(".scriban", StringComparison.Ordinal)
                || !TemplateNames.TryParse<ToneOfVoice>(path[1], out var tone)
                || !TemplateNames.TryParse<MessageChannel>(path[2][..^".scriban".Length], out var channel))
            {
                throw new TemplateException($"{origin}: a pack file must be named locale/tone/channel.scriban.");
            }

            var locale = Locale.Parse(path[0]);
            string content;
            using (var stream = assembly.GetManifestResourceStream(name)!)
            using (var reader = new StreamReader(stream))
            {
                content = reader.ReadToEnd();
            }

            foreach (var group in TemplateSections.Split(content, origin).GroupBy(s => s.Kind ?? string.Empty, StringComparer.Ordinal))
            {
                if (!TemplateNames.TryParse<TemplateKind>(group.Key, out var kind))
                {
                    throw new TemplateException($"{origin} line {group.First().HeaderLine}: '{group.Key}' is not a template kind.");
                }

                var parts = group.ToDictionary(s => s.Part, StringComparer.Ordinal);
                var lines = new Dictionary<TemplatePart, int>();
                foreach (var section in group)
                {
                    lines[TemplateNames.TryParse<TemplatePart>(section.Part, out var part) ? part : throw new TemplateException($"{origin} line {section.HeaderLine}: '{section.Part}' is not a part.")] = section.FirstLine;
                }

                var source = new TemplateSource(parts["text"].Body, parts.GetValueOrDefault("subject")?.Body, parts.GetValueOrDefault("html")?.Body)
                {
                    Origin = origin,
                    FirstLines = lines,
                };
                yield return (new TemplateKey(kind, locale, tone, channel), source);
            }
        }
    }
}
