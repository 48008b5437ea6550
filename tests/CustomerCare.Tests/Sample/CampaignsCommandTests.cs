namespace CustomerCare.Tests.Sample;

public sealed class CampaignsCommandTests
{
    private static readonly string[] Small = ["--customers", "400", "--days", "30", "--seed", "9"];

    [Fact]
    public async Task CampaignsRun_TwiceForTheSameDate_IssuesNothingTheSecondTime()
    {
        await using var runner = new SampleRunner();
        var first = (await runner.RunAsync(["campaigns", "run", "--date", "2026-03-15", "--json", .. Small])).Json().GetProperty("campaigns").EnumerateArray().ToList();
        var second = await runner.RunAsync(["campaigns", "run", "--date", "2026-03-15", "--json"]);
        var again = second.Json().GetProperty("campaigns").EnumerateArray().ToList();

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(["first-purchase", "birthday", "loyalty", "win-back"], first.Select(c => c.GetProperty("campaign").GetString()));
        Assert.True(first.Sum(c => c.GetProperty("issuedNow").GetInt32()) > 0);
        Assert.All(first, c => Assert.Equal(Math.Min(10, c.GetProperty("issuedNow").GetInt32()), c.GetProperty("firstIssued").GetArrayLength()));
        Assert.All(again, c => Assert.Equal(0, c.GetProperty("issuedNow").GetInt32()));
        Assert.Equal(
            first.Select(c => c.GetProperty("issuedNow").GetInt32() + c.GetProperty("alreadyGranted").GetInt32()),
            again.Select(c => c.GetProperty("alreadyGranted").GetInt32()));
    }

    [Fact]
    public async Task CampaignsRun_BadDate_ExitsTwoNamingTheValue()
    {
        var run = await SampleRunner.RunOnceAsync("campaigns", "run", "--date", "2026-02-30");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("2026-02-30", run.Error, StringComparison.Ordinal);
    }
}
