namespace CustomerCare.Tests.Sample;

public sealed class TemplatesCommandTests
{
    [Fact]
    public async Task TemplatesPreview_RendersTheFormalTurkishApology_ThroughTheFallbackChain()
    {
        var run = await SampleRunner.RunOnceAsync("templates", "preview", "--kind", "Apology", "--locale", "tr-TR", "--tone", "Formal");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("apology/tr/formal/email (asked for apology/tr-TR/formal/email)", run.Out, StringComparison.Ordinal);
        Assert.Contains("Sayın", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--kind", "Apolgy", "not a template kind")]
    [InlineData("--tone", "Sarcastic", "not a tone")]
    [InlineData("--channel", "Fax", "not a channel")]
    public async Task TemplatesPreview_ABadOption_ExitsTwoNamingIt(string option, string value, string reason)
    {
        string[] args = option == "--kind" ? ["templates", "preview", option, value] : ["templates", "preview", "--kind", "Apology", option, value];

        var run = await SampleRunner.RunOnceAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"option '{option}': value '{value}' is {reason}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TemplatesPreview_AChannelThePackDoesNotCover_ExitsTwoListingTheChainTried()
    {
        var run = await SampleRunner.RunOnceAsync("templates", "preview", "--kind", "Welcome", "--channel", "Push");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("welcome/tr-TR/friendly/push -> welcome/tr-TR/formal/push", run.Error, StringComparison.Ordinal);
    }
}
