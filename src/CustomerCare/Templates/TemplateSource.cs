namespace CustomerCare.Templates;

/// <summary>The text of a template's parts, as staff write it in Scriban syntax.</summary>
/// <param name="Text">The plain-text body; required on every channel.</param>
/// <param name="Subject">The e-mail subject or push title; required for e-mail and push, refused elsewhere.</param>
/// <param name="Html">The HTML body of an e-mail; optional (made from the text when absent). It must escape values itself with <c>| html.escape</c>.</param>
public sealed record TemplateSource(string Text, string? Subject = null, string? Html = null)
{
    /// <summary>Where the text came from, for error messages: a file path, a resource name or <c>string</c>.</summary>
    public string Origin { get; init; } = "string";

    /// <summary>The line of <see cref="Origin"/> each part starts on, so that errors point into the original file.</summary>
    public IReadOnlyDictionary<TemplatePart, int> FirstLines { get; init; } = new Dictionary<TemplatePart, int>();

    /// <summary>
    /// Reads a template from sectioned text: lines <c>=== subject</c>, <c>=== text</c> and <c>=== html</c> start the
    /// parts. Text without any section line is the text body.
    /// </summary>
    /// <param name="content">The content.</param>
    /// <param name="origin">Where it came from, for errors.</param>
    /// <returns>The source.</returns>
    /// <exception cref="TemplateException">A section line names an unknown part, or there is no text part.</exception>
    public static TemplateSource Parse(string content, string origin = "string")
    {
        ArgumentNullException.ThrowIfNull(content);
        var sections = TemplateSections.Split(content, origin);
        if (sections.Count == 0)
        {
            return new TemplateSource(content) { Origin = origin };
        }

        string? text = null, subject = null, html = null;
        var lines = new Dictionary<TemplatePart, int>();
        foreach (var section in sections)
        {
            if (section.Kind is not null || !TemplateNames.TryParse<TemplatePart>(section.Part, out var part))
            {
                throw new TemplateException($"{origin} line {section.HeaderLine}: '=== {section.Header}' is not a part; use subject, text or html.");
            }

            lines[part] = section.FirstLine;
            switch (part)
            {
                case TemplatePart.Text:
                    text = section.Body;
                    break;
                case TemplatePart.Subject:
                    subject = section.Body;
                    break;
                default:
                    html = section.Body;
                    break;
            }
        }

        return text is null
            ? throw new TemplateException($"{origin}: the template has no '=== text' part.")
            : new TemplateSource(text, subject, html) { Origin = origin, FirstLines = lines };
    }
}
