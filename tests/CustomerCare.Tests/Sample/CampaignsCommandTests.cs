namespace CustomerCare.Tests.Sample;

public sealed class CampaignsCommandTests
{
    private static readonly string[] Small = ["--customers", "400", "--days", "30", "--seed", "9"];

    [Fact]
    public async Task CampaignsRun_TwiceForTheSameDate_IssuesNothingTheSecondTime()
    {
        await using var runner = new SampleRunner();
        var first = (await runner.RunAsync(["campaigns", "run", "--date", "2026-03-15", "--json", .. Small])).Json().GetProperty("campaigns")[0];
        var second = await runner.RunAsync(["campaigns", "run", "--date", "2026-03-15", "--json"]);
        var again = second.Json().GetProperty("campaigns")[0];

        Assert.Equal(0, second.ExitCode);
        Assert.True(first.GetProperty("issuedNow").GetInt32() > 0);
        Assert.Equal(Math.Min(10, first.GetProperty("issuedNow").GetInt32()), first.GetProperty("firstIssued").GetArrayLength());
        Assert.Equal(0, again.GetProperty("issuedNow").GetInt32());
        Assert.Equal(first.GetProperty("issuedNow").GetInt32() + first.GetProperty("alreadyGranted").GetInt32(), again.GetProperty("alreadyGranted").GetInt32());
    }

    [Fact]
    public async Task CampaignsRun_BadDate_ExitsTwoNamingTheValue()
    {
        var run = await SampleRunner.RunOnceAsync("campaigns", "run", "--date", "2026-02-30");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("2026-02-30", run.Error, StringComparison.Ordinal);
    }
}
