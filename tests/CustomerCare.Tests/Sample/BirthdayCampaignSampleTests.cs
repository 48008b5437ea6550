using CustomerCare.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.Sample;

public sealed class BirthdayCampaignSampleTests
{
    [Fact]
    public async Task Simulate_Json_CampaignsSectionCountsTheLedgersBirthdayGrants()
    {
        await using var runner = new SampleRunner();
        var run = await runner.RunAsync("simulate", "--json", "--customers", "300", "--days", "60", "--seed", "5");
        var grants = await runner.Host.Services.GetRequiredService<ICampaignLedger>().GrantsAsync("birthday");
        var campaign = Assert.Single(run.Json().GetProperty("report").GetProperty("campaigns").EnumerateArray());

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("birthday", campaign.GetProperty("campaign").GetString());
        Assert.True(grants.Count > 0);
        Assert.Equal(grants.Count, campaign.GetProperty("issued").GetInt32());
    }

    [Fact]
    public async Task Simulate_Plain_ShowsBirthdayCouponsIssued()
    {
        var run = await SampleRunner.RunOnceAsync("simulate", "--customers", "300", "--days", "60", "--seed", "5");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"Birthday coupons issued\s+[1-9]\d*\n", run.Out);
    }
}
