using System.Text.RegularExpressions;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Docs;

public sealed partial class ReadmeTests
{
    [Fact]
    public async Task QuickStart_Runs_AndTheRepeatedEventCountsOnce()
    {
        Assert.Equal("Ayşe Yılmaz: 1 order(s), 1249.90 TRY", await QuickStart.RunAsync());
    }

    [Fact]
    public void Readme_QuickStart_IsTheCodeThatCompiles()
    {
        var root = RepositoryPaths.Root;
        var source = File.ReadAllText(Path.Combine(root, "tests", "CustomerCare.Tests", "Docs", "QuickStart.cs"));
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var compiled = Normalize(source[(source.IndexOf("// README:begin", StringComparison.Ordinal) + 15)..source.IndexOf("// README:end", StringComparison.Ordinal)]);

        var block = QuickStartBlock().Match(readme);

        Assert.True(block.Success, "README.md has no ```csharp block after '## Quick start'");
        Assert.Equal(compiled, Normalize(block.Groups["code"].Value));
    }

    private static string Normalize(string code) =>
        string.Join('\n', code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("using ", StringComparison.Ordinal)));

    [GeneratedRegex(@"## Quick start.*?```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex QuickStartBlock();
}
