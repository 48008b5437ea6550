namespace Contoso.CustomerCare.Tests.Guide;

/// <summary>Section 8 of docs/writing-a-plugin.md quotes this sample; every block it quotes must still be here, line for line.</summary>
public sealed class GuideSnippetTests
{
    private const string SectionStart = "## 8. A worked plugin";
    private const string SectionEnd = "## Checklist";

    [Fact]
    public void Guide_EveryBlockOfTheSampleSection_AppearsInTheSampleLineForLine()
    {
        var root = RepositoryRoot();
        var guide = File.ReadAllText(Path.Combine(root.FullName, "docs", "writing-a-plugin.md")).ReplaceLineEndings("\n");
        var start = guide.IndexOf(SectionStart, StringComparison.Ordinal);
        var end = guide.IndexOf(SectionEnd, start + 1, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/writing-a-plugin.md has no section from '{SectionStart}' to '{SectionEnd}'.");
        var sources = new[] { "CustomerCare.Sample.Plugin", "CustomerCare.Sample.Plugin.Tests" }
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(root.FullName, "samples", project), "*.*", SearchOption.AllDirectories))
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".csproj", StringComparison.Ordinal))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => Normalize(File.ReadAllText(path)))
            .ToList();

        var blocks = Blocks(guide[start..end]);

        Assert.True(blocks.Count >= 10, $"The sample section has {blocks.Count} code blocks; it should show the project, the store, the channel, the registration, the validation and the tests.");
        Assert.All(blocks, block => Assert.True(
            sources.Any(source => ContainsRun(source, Normalize(block))),
            "This block of section 8 of docs/writing-a-plugin.md is not in the sample, so nothing proves it compiles:\n" + block));
    }

    private static List<string> Blocks(string markdown)
    {
        var blocks = new List<string>();
        List<string>? current = null;
        foreach (var line in markdown.Split('\n'))
        {
            if (current is null && line.StartsWith("```", StringComparison.Ordinal) && line.Length > 3)
            {
                current = [];
            }
            else if (current is not null && line.TrimEnd() == "```")
            {
                blocks.Add(string.Join('\n', current));
                current = null;
            }
            else
            {
                current?.Add(line);
            }
        }

        Assert.Null(current);
        return blocks;
    }

    // The guide dedents what it quotes; blank lines do not matter.
    private static string[] Normalize(string text) =>
        text.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

    private static bool ContainsRun(string[] haystack, string[] needle) =>
        needle.Length > 0 && Enumerable.Range(0, Math.Max(0, haystack.Length - needle.Length + 1)).Any(start => haystack.AsSpan(start, needle.Length).SequenceEqual(needle));

    private static DirectoryInfo RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CustomerCare.sln")))
            {
                return folder;
            }
        }

        throw new DirectoryNotFoundException("No CustomerCare.sln above " + AppContext.BaseDirectory + "; the test runs from the repository's build output.");
    }
}
