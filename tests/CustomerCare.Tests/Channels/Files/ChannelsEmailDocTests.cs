using System.Text.RegularExpressions;
using CustomerCare.Channels.Files;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Channels.Files;

public sealed partial class ChannelsEmailDocTests
{
    private static readonly string Doc = File.ReadAllText(RepositoryPaths.Combine("docs", "channels-email.md"));

    [Fact]
    public void TheDocumentedMessageIdExample_IsWhatTheCodeDerives()
    {
        var example = DocumentedMessageId().Match(Doc);

        Assert.True(example.Success, "docs/channels-email.md shows an example Message-ID");
        Assert.Equal("ack-CMP-7KQ2-email.3060f95c4a568f44da9cfa5d3d4362e4@care.example.com.tr", example.Groups["id"].Value);
        Assert.Equal(example.Groups["id"].Value, EmailMessageId.Create("ack/CMP-7KQ2/email", "care.example.com.tr"));
    }

    [Fact]
    public void TheDocumentedFileChannelDefaults_AreTheCodes()
    {
        var options = new FileChannelOptions();

        Assert.Contains("default `" + options.From + "`", Doc, StringComparison.Ordinal);
        Assert.Contains("The default\nnames are " + string.Join(", ", options.Channels.SkipLast(1).Select(c => "`" + c + "`")) + " and `" + options.Channels[^1] + "`", Doc, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"```\n<(?<id>[^>]+)>\n")]
    private static partial Regex DocumentedMessageId();
}
