namespace CustomerCare.Templates;

/// <summary>Splits sectioned template files: a line <c>=== [kind] part</c> starts a section.</summary>
internal static class TemplateSections
{
    public static List<Section> Split(string content, string origin)
    {
        var sections = new List<Section>();
        var lines = content.ReplaceLineEndings("\n").Split('\n');
        Section? current = null;
        var body = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (!line.StartsWith("=== ", StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    body.Add(line);
                }

                continue;
            }

            Close();
            var header = line[4..].Trim();
            var words = header.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length is 0 or > 2)
            {
                throw new TemplateException($"{origin} line {i + 1}: '{line}' must read '=== part' or '=== kind part'.");
            }

            current = new Section(header, words.Length == 2 ? words[0] : null, words[^1], i + 1, i + 2, string.Empty);
        }

        Close();
        return sections;

        void Close()
        {
            if (current is not null)
            {
                while (body.Count > 0 && string.IsNullOrWhiteSpace(body[^1]))
                {
                    body.RemoveAt(body.Count - 1);
                }

                sections.Add(current with { Body = string.Join('\n', body) });
                body.Clear();
            }
        }
    }

    internal sealed record Section(string Header, string? Kind, string Part, int HeaderLine, int FirstLine, string Body);
}
